using System.Text.Json;
using FundManager.Common;
using FundManager.Entities;
using FundManager.Funds;
using FundManager.Persistence;
using FundManager.Persistence.Json;
using Npgsql;
using NpgsqlTypes;

namespace FundManager.Pledges;

/// <summary>Finds receipts across pledges, by fund, donor, pledge, year and channel, without replaying the pledges.</summary>
public sealed class ReceiptQueries(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<ReceiptEntry>> FindAsync(ReceiptQuery query, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand { Connection = connection };
        var filter = new SqlFilter(cmd)
            .Where("s.fund_code = {value}", query.Fund?.Value, NpgsqlDbType.Text)
            .Where("s.donor_id = {value}", query.Donor, NpgsqlDbType.Uuid)
            .Where("s.id = {value}", query.Pledge is { } pledge ? StreamId.For(new PledgeId(pledge)).ToString() : null, NpgsqlDbType.Text)
            .Where("(e.data ->> 'receivedOn') like {value} || '-%'", query.Year?.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Text)
            .Where("(e.data ->> 'receivedOn')::date >= {value}", query.ReceivedFrom, NpgsqlDbType.Date)
            .Where("(e.data ->> 'receivedOn')::date <= {value}", query.ReceivedTo, NpgsqlDbType.Date)
            .Where("e.data ->> 'channel' = {value}", query.Channel?.ToString(), NpgsqlDbType.Text)
            .Where("e.position > {value}", query.After, NpgsqlDbType.Bigint);
        cmd.CommandText = $"""
            select e.position, s.id, s.donor_id, s.fund_code, e.data, e.actor, e.recorded_at
            from events e join streams s on s.id = e.stream_id
            where e.type = 'ReceiptRecorded' and s.kind = 'pledge' and {filter}
            order by e.position limit {filter.Parameter(query.Limit)}
            """;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var receipts = new List<ReceiptEntry>();
        while (await reader.ReadAsync(ct))
        {
            receipts.Add(new ReceiptEntry(
                reader.GetInt64(0),
                new PledgeId(Guid.Parse(StreamId.Parse(reader.GetString(1)).Key)),
                new DonorId(reader.GetGuid(2)),
                FundCode.Parse(reader.GetString(3)),
                JsonSerializer.Deserialize<ReceiptRecorded>(reader.GetString(4), StoredJson.Options)!,
                reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return receipts;
    }

    /// <summary>Per instalment of the given pledges, what receipts dated on or before <paramref name="asOf"/> paid against it, less what was given back by then.</summary>
    public async Task<IReadOnlyList<InstalmentPaid>> PaidAsOfAsync(IReadOnlyList<PledgeId> pledges, DateOnly asOf, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            select e.stream_id, (a ->> 'number')::int,
                   sum(case when e.type = 'ReceiptRecorded' then 1 else -1 end * (a -> 'amount' ->> 'amount')::numeric)
            from events e cross join lateral jsonb_array_elements(e.data -> 'applications') a
            where e.type in ('ReceiptRecorded', 'ReceiptReversed') and e.stream_id = any($1)
              and coalesce(e.data ->> 'receivedOn', e.data ->> 'on')::date <= $2
            group by e.stream_id, (a ->> 'number')::int
            """, connection);
        cmd.Parameters.Add(new() { Value = pledges.Select(p => StreamId.For(p).ToString()).ToArray() });
        cmd.Parameters.Add(new() { Value = asOf });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var paid = new List<InstalmentPaid>();
        while (await reader.ReadAsync(ct))
        {
            paid.Add(new InstalmentPaid(new PledgeId(Guid.Parse(StreamId.Parse(reader.GetString(0)).Key)), reader.GetInt32(1), reader.GetDecimal(2)));
        }

        return paid;
    }

    /// <summary>What was given back of a donor's receipts (refunds, lost disputes) on days from <paramref name="from"/> to <paramref name="to"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ReversalEntry>> ReversalsAsync(Guid donor, DateOnly? from, DateOnly to, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            select s.id, s.fund_code, e.data from events e join streams s on s.id = e.stream_id
            where e.type = 'ReceiptReversed' and s.donor_id = $1 and (e.data ->> 'on')::date <= $2 and ($3::date is null or (e.data ->> 'on')::date >= $3)
            order by e.position
            """, connection);
        cmd.Parameters.Add(new() { Value = donor });
        cmd.Parameters.Add(new() { Value = to });
        cmd.Parameters.Add(new() { Value = (object?)from ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var reversals = new List<ReversalEntry>();
        while (await reader.ReadAsync(ct))
        {
            reversals.Add(new ReversalEntry(
                new PledgeId(Guid.Parse(StreamId.Parse(reader.GetString(0)).Key)),
                FundCode.Parse(reader.GetString(1)),
                JsonSerializer.Deserialize<ReceiptReversed>(reader.GetString(2), StoredJson.Options)!));
        }

        return reversals;
    }

    /// <summary>The pledge a receipt reference was recorded on, if any (references are unique across pledges).</summary>
    public async Task<PledgeId?> PledgeOfAsync(string reference, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select pledge_id from receipt_references where reference = $1");
        cmd.Parameters.Add(new() { Value = Pledge.NormaliseReference(reference) });
        return await cmd.ExecuteScalarAsync(ct) is string stream ? new PledgeId(Guid.Parse(StreamId.Parse(stream).Key)) : null;
    }
}
