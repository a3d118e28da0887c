using FundManager.Entities;
using Npgsql;
using NpgsqlTypes;

namespace FundManager.Donors;

/// <summary>Finds donors by what online giving knows of a giver: the processor's customer, or the email address given.</summary>
public sealed class DonorDirectory(NpgsqlDataSource dataSource)
{
    /// <summary>The donor of a giver, in one query: the one linked to the customer, else the first registered with the email (ignoring case).</summary>
    public async Task<Guid?> FindGiverAsync(string? customer, string? email, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            (select stream_id, 0 as rank, position from events where type = 'DonorPaymentCustomerLinked' and data->>'customer' = $1)
            union all
            (select stream_id, 1, position from events where type = 'DonorRegistered' and lower(data->>'email') = lower($2))
            order by rank, position limit 1
            """);
        cmd.Parameters.Add(new() { Value = (object?)customer ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = (object?)email ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return await cmd.ExecuteScalarAsync(ct) is string stream ? Guid.Parse(StreamId.Parse(stream).Key) : null;
    }
}
