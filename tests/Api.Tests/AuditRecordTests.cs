using Npgsql;

namespace FundManager.Api.Tests;

/// <summary>
/// A command and its audit record are written in one transaction: every command sent over HTTP has its record, and when
/// the record cannot be written the command is not carried out. A refusal's record is written before its response, so a
/// refusal whose record cannot be written fails visibly rather than going unrecorded.
/// </summary>
public sealed class AuditRecordTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_command_sent_over_http_has_its_audit_record_and_none_exists_without_it()
    {
        var officer = await api.LoginAsync(DemoUsers.Officer);
        var since = await ScalarAsync<DateTime>("select now()");
        var created = await officer.PostAsJsonAsync("/api/v1/donors", new { name = "Audited foundation", type = "Foundation" });
        var refused = await officer.PostAsJsonAsync("/api/v1/donors", new { name = "Audited state", type = "MemberState" });
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity), (created.StatusCode, refused.StatusCode));

        // The command has its record, linked to it; the refusal has one of its own.
        Assert.Equal(0L, await ScalarAsync<long>(
            "select count(*) from commands c where c.recorded_at >= $1 and not exists (select 1 from audit_log a where a.command_id = c.command_id)", since));
        Assert.Equal(1L, await ScalarAsync<long>("select count(*) from audit_log where at >= $1 and path = '/api/v1/donors' and status = 201 and command_id is not null", since));
        Assert.Equal(1L, await ScalarAsync<long>("select count(*) from audit_log where at >= $1 and path = '/api/v1/donors' and status = 422 and outcome = 'refused'", since));
    }

    [Fact]
    public async Task A_command_whose_audit_record_cannot_be_written_is_not_carried_out_and_a_refusal_is_not_answered_unrecorded()
    {
        var officer = await api.LoginAsync(DemoUsers.Officer);
        var donors = await ScalarAsync<long>("select count(*) from streams where kind = 'donor'");
        await ExecuteAsync("alter table audit_log add constraint test_refuses_donor_records check (path <> '/api/v1/donors') not valid");
        try
        {
            var created = await officer.PostAsJsonAsync("/api/v1/donors", new { name = "Unaudited foundation", type = "Foundation" });
            var refused = await officer.PostAsJsonAsync("/api/v1/donors", new { name = "Unaudited state", type = "MemberState" });

            Assert.Equal(HttpStatusCode.InternalServerError, created.StatusCode);
            Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
            Assert.Equal(donors, await ScalarAsync<long>("select count(*) from streams where kind = 'donor'"));
        }
        finally
        {
            await ExecuteAsync("alter table audit_log drop constraint test_refuses_donor_records");
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            cmd.Parameters.Add(new() { Value = p });
        }

        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
