using FundManager.Api.Cluster;
using FundManager.Entities;
using FundManager.Persistence;
using FundManager.Pledges;
using FundManager.Tests.Infrastructure;
using Npgsql;

namespace FundManager.Tests.Persistence;

/// <summary>Every command keeps its entity's listing; listings lost or never written are rebuilt from the entities at start-up.</summary>
public sealed class StreamListingTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_command_writes_the_listing_of_the_entity_it_changed()
    {
        var s = new Scenario(db.System);
        var fund = await s.FundAsync();
        var pledge = await s.SignedPledgeAsync(fund, "EUR", [(new DateOnly(2025, 3, 1), 100m), (new DateOnly(2027, 3, 1), 100m)]);
        await db.System.Pledges.HandleAsync(new RecordReceipt(pledge, "LIST-1", ReceiptChannel.BankTransfer, new DateOnly(2025, 3, 2), 100m, "EUR"), Scenario.As(Scenario.Officer));

        var row = await RowAsync(StreamId.For(new PledgeId(pledge)));

        Assert.Equal(("PartiallyPaid", "Unearmarked", "2025,2027", 3L, 3L), (row.Status, row.Category, row.Years, row.Version, row.ListedVersion));
    }

    // What an ordinary command changes in its stream's row. No index may cover these, or the row's update leaves its page
    // and writes an entry into every index of streams (see migration 0016).
    [Theory]
    [InlineData("version")]
    [InlineData("updated_at")]
    [InlineData("listed_version")]
    [InlineData("status")]
    [InlineData("awaiting")]
    public async Task No_index_of_streams_covers_a_column_each_command_changes(string column)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            select array_agg(c.relname order by c.relname) filter (where exists (
                       select 1 from pg_attribute a
                       where a.attrelid = 'streams'::regclass and a.attname = $1
                         and (a.attnum = any(i.indkey) or pg_get_expr(i.indexprs, i.indrelid) ~ ('\m' || $1 || '\M')
                              or pg_get_expr(i.indpred, i.indrelid) ~ ('\m' || $1 || '\M')))),
                   (select reloptions from pg_class where oid = 'streams'::regclass)
            from pg_index i join pg_class c on c.oid = i.indexrelid
            where i.indrelid = 'streams'::regclass
            """, connection);
        cmd.Parameters.Add(new() { Value = column });
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.True(reader.IsDBNull(0), $"{column} is covered by {(reader.IsDBNull(0) ? "" : string.Join(", ", reader.GetFieldValue<string[]>(0)))}");
        Assert.Contains("fillfactor=70", reader.GetFieldValue<string[]>(1));
    }

    [Fact]
    public async Task Listings_missing_at_start_up_are_rebuilt_from_the_entities()
    {
        var s = new Scenario(db.System);
        var fund = await s.FundAsync();
        var donor = await s.DonorAsync("Japan", country: "JPN");
        var pledge = await s.SignedPledgeAsync(fund, "JPY", [(new DateOnly(2026, 1, 1), 1_000m)], donor: donor);
        var stream = StreamId.For(new PledgeId(pledge));
        var before = await RowAsync(stream);
        await ExecuteAsync("update streams set donor_id = null, status = null, category = null, country = null, years = '{}', label = null, listed_version = 0");

        await using var reopened = await FundHost.OpenAsync(db.ConnectionString, db.Clock);
        var after = await RowAsync(stream);
        var listed = await reopened.System.Entities.ListAsync<Pledge, PledgeEvent>(new ListingQuery(EntityKind.Pledge, 10) { Donor = donor });

        Assert.Equal(before, after);
        Assert.Equal([pledge], listed.Select(p => p.Id.Value));
        Assert.Equal(("JPN", "MemberState"), (await RowAsync(StreamId.For(new Common.DonorId(donor)))) is var d ? (d.Country, d.Category) : default);
    }

    private sealed record Row(string? Status, string? Category, string? Country, string Years, long Version, long ListedVersion);

    private async Task<Row> RowAsync(StreamId stream)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("select status, category, country, years, version, listed_version from streams where id = $1", connection);
        cmd.Parameters.Add(new() { Value = stream.ToString() });
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return new Row(
            reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
            string.Join(',', reader.GetFieldValue<int[]>(3)), reader.GetInt64(4), reader.GetInt64(5));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
