using Npgsql;

namespace FundManager.Persistence;

public static class ReaderExtensions
{
    /// <summary>
    /// Makes a command that reads a large result (a whole journal) free of Npgsql's per-read timeout: each read that
    /// refills the buffer would otherwise arm a timer, which over a million rows costs more than the rows (and two
    /// exports side by side contend for the timer's lock). The caller's cancellation still stops it.
    /// </summary>
    public static NpgsqlCommand ForLargeResult(this NpgsqlCommand command)
    {
        command.CommandTimeout = 0;
        return command;
    }

    /// <summary>
    /// The next row of a large result. Cancellation is checked between rows rather than handed to every read: Npgsql arms
    /// a cancellation registration for each read it is given a cancellable token for, and over a million rows that (and
    /// the lock it takes) costs more than reading the rows.
    /// </summary>
    public static Task<bool> NextRowAsync(this NpgsqlDataReader reader, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return reader.ReadAsync(CancellationToken.None);
    }
}
