using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace FundManager.Ledger;

/// <summary>
/// The hash chain of the journal. The canonical content of an entry is a JSON array of its fields
/// and lines in a fixed order with fixed decimal formats, so the bytes hashed never depend on
/// culture, whitespace or how the database returns numbers.
/// </summary>
public static class JournalHash
{
    /// <summary>The previous hash of a fund's first entry.</summary>
    public static byte[] Genesis => new byte[32];

    public static byte[] Compute(byte[] previousHash, JournalEntry entry)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(previousHash);
        sha.AppendData(Canonical(entry));
        return sha.GetHashAndReset();
    }

    /// <summary>Timestamps are stored to the microsecond, so they are hashed at that precision.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    public static byte[] Canonical(JournalEntry e)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            w.WriteStringValue("fundmanager-journal-v1");
            w.WriteStringValue(e.Fund.Value);
            w.WriteStringValue(e.Sequence.ToString(CultureInfo.InvariantCulture));
            w.WriteStringValue(e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteStringValue(e.Description);
            w.WriteStringValue(e.SourceStream);
            w.WriteStringValue(e.SourceVersion.ToString(CultureInfo.InvariantCulture));
            w.WriteStringValue(e.SourceEvent);
            w.WriteStringValue(e.CommandId.ToString("D"));
            w.WriteStringValue(e.Actor);
            w.WriteStringValue(ToStoredPrecision(e.RecordedAt).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            foreach (var line in e.Lines)
            {
                w.WriteStartArray();
                w.WriteStringValue(AccountInfo.Code(line.Account));
                w.WriteStringValue(line.Debit.ToString("F2", CultureInfo.InvariantCulture));
                w.WriteStringValue(line.Credit.ToString("F2", CultureInfo.InvariantCulture));
                w.WriteStringValue(line.Original.Currency.Code);
                w.WriteStringValue(line.Original.Amount.ToString("F4", CultureInfo.InvariantCulture));
                if (line.Memo is null)
                {
                    w.WriteNullValue();
                }
                else
                {
                    w.WriteStringValue(line.Memo);
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        return buffer.ToArray();
    }
}
