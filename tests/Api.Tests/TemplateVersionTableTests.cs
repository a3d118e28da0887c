using FundManager.Tests.Infrastructure;
using Npgsql;

namespace FundManager.Api.Tests;

/// <summary>The database keeps the template versions itself: numbered without gaps, never changed, never deleted.</summary>
public sealed class TemplateVersionTableTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_template_version_cannot_skip_a_number_be_changed_or_be_deleted()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, "insert into users (email, password_hash, roles, created_at) values ('admin@example.org', 'x', array['admin'], now())");
        const string insert = "insert into report_template_versions (name, version, body, sha256, changed_by, changed_at, reason) "
            + "values ('narrative.html.sbn', {0}, 'x', repeat('a', 64), 'admin@example.org', now(), 'A test.')";

        var skipped = await Assert.ThrowsAsync<PostgresException>(() => Execute(connection, string.Format(System.Globalization.CultureInfo.InvariantCulture, insert, 2)));
        Assert.Equal((PostgresErrorCodes.CheckViolation, "report_template_versions_follow"), (skipped.SqlState, skipped.ConstraintName));

        await Execute(connection, string.Format(System.Globalization.CultureInfo.InvariantCulture, insert, 1));
        await Execute(connection, string.Format(System.Globalization.CultureInfo.InvariantCulture, insert, 2));
        await Assert.ThrowsAsync<PostgresException>(() => Execute(connection, "update report_template_versions set body = 'y' where version = 1"));
        await Assert.ThrowsAsync<PostgresException>(() => Execute(connection, "delete from report_template_versions where version = 2"));
        await Assert.ThrowsAsync<PostgresException>(() => Execute(connection, "truncate report_template_versions"));
        await using var count = new NpgsqlCommand("select string_agg(version::text || body, ',' order by version) from report_template_versions", connection);
        Assert.Equal("1x,2x", await count.ExecuteScalarAsync());
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
