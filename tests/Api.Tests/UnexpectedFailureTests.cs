using Npgsql;

namespace FundManager.Api.Tests;

/// <summary>The program's own failure over HTTP: a 500 problem with the reference of its log line, and nothing of the program's internals.</summary>
public sealed class UnexpectedFailureTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_stored_event_the_program_does_not_know_answers_500_with_a_reference_and_no_internals()
    {
        var code = "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var admin = await api.LoginAsync(DemoUsers.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/funds", new { code, name = "Fund " + code })).StatusCode);
        await using (var connection = await api.System.DataSource.OpenConnectionAsync())
        await using (var insert = new NpgsqlCommand(
            "insert into events (stream_id, version, type, data, actor, recorded_at, command_id) values (@stream, 2, 'FundMergedInTheFuture', '{}', 'test', now(), gen_random_uuid())",
            connection))
        {
            insert.Parameters.AddWithValue("stream", "fund/" + code);
            await insert.ExecuteNonQueryAsync();
        }

        var response = await admin.GetAsync($"/api/v1/funds/{code}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var reference = problem.GetProperty("reference").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(reference));
        Assert.Contains(reference, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("FundMergedInTheFuture", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
