using System.Text;
using FundManager.Reporting.Exports;

namespace FundManager.Reporting.Tests.Exports;

/// <summary>COPY's CSV split into records and fields on its bytes, whatever size the pieces it arrives in.</summary>
public sealed class CopiedRecordsTests
{
    private const string Copied = "fund,sequence,description\nVFTC,1,plain\nVFTC,2,\"a, b\"\nVFTC,3,\"line\nbreak and \"\"quotes\"\"\"\nVFTC,4,\"Contribution — Sénégal ✓\"\n";

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Records_are_whole_however_the_bytes_arrive(int piece)
    {
        var records = await RecordsAsync(Encoding.UTF8.GetBytes(Copied), piece);

        Assert.Equal(
            ["fund,sequence,description", "VFTC,1,plain", "VFTC,2,\"a, b\"", "VFTC,3,\"line\nbreak and \"\"quotes\"\"\"", "VFTC,4,\"Contribution — Sénégal ✓\""],
            records);
    }

    [Fact]
    public async Task A_record_longer_than_the_read_buffer_arrives_whole()
    {
        var description = new string('x', 200_000);
        var records = await RecordsAsync(Encoding.UTF8.GetBytes($"a,b\n1,{description}\n"), 65_536);

        Assert.Equal(["a,b", "1," + description], records);
    }

    [Fact]
    public async Task Csv_ending_inside_a_record_is_refused()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => RecordsAsync(Encoding.UTF8.GetBytes("a,b\n1,\"open\n"), 64));
    }

    [Fact]
    public void Fields_keep_their_quotes_and_may_be_empty()
    {
        var record = Encoding.UTF8.GetBytes("VFTC,,\"a, \"\"b\"\"\",\"\",last,");
        Span<Range> fields = stackalloc Range[8];

        var count = CopiedRecords.Fields(record, fields);

        var texts = new List<string>();
        foreach (var field in fields[..count])
        {
            texts.Add(Encoding.UTF8.GetString(record[field]));
        }

        Assert.Equal(["VFTC", "", "\"a, \"\"b\"\"\"", "\"\"", "last", ""], texts);
    }

    private static async Task<List<string>> RecordsAsync(byte[] bytes, int piece)
    {
        var records = new List<string>();
        await CopiedRecords.ForEachAsync(new PiecemealStream(bytes, piece), r => records.Add(Encoding.UTF8.GetString(r)), () => ValueTask.CompletedTask, CancellationToken.None);
        return records;
    }

    /// <summary>Gives at most a few bytes per read, as a network stream may, splitting records and characters.</summary>
    private sealed class PiecemealStream(byte[] bytes, int piece) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(piece, buffer.Length)], cancellationToken);
    }
}
