using System.Diagnostics;
using System.Globalization;
using System.Text;
using FundManager.Api.Cluster;
using FundManager.Api.Imports;
using FundManager.Common;
using FundManager.Reference;

namespace FundManager.Bench;

/// <summary>
/// Imports from outside. A camt.053 statement of 100,000 entries read as a stream (after one of 10,000, so that the peak
/// memory of both shows whether memory grows with the entries), before anything else runs in the process. Then, through
/// the grains (a silo in the benchmark's process), a Universal Human Rights Index export of 10,000 recommendations, read,
/// checked and registered; then the same export again, which changes nothing.
/// </summary>
public static class ImportsBenchmark
{
    private const int Recommendations = 10_000;

    private const int StatementEntries = 100_000;

    public static async Task<int> RunAsync()
    {
        ReadStatement(StatementEntries / 10);
        var small = PeakMegabytes();
        var (entries, seconds) = ReadStatement(StatementEntries);
        var peak = PeakMegabytes();
        Console.Error.WriteLine($"  camt053 peak memory after {StatementEntries / 10:N0} entries: {small} MB; after {StatementEntries:N0}: {peak} MB");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"camt053 entries={entries} seconds={seconds:F1} peak_mb={peak}"));
        return await UhriAsync();
    }

    private static async Task<int> UhriAsync()
    {
        var connection = await BenchServer.FreshDatabaseAsync("bench_imports");
        await using var host = await FundHost.OpenAsync(connection);
        var export = Encoding.UTF8.GetBytes(UhriExportOf(Recommendations));

        // A small export first, unmeasured, so that the figures are of code already compiled.
        await UhriImport.ImportAsync(host.System, new MemoryStream(Encoding.UTF8.GetBytes(UhriExportOf(200, prefix: "warm"))), UserId.System, "file", CancellationToken.None);

        var watch = Stopwatch.StartNew();
        var first = await UhriImport.ImportAsync(host.System, new MemoryStream(export), UserId.System, "file", CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var again = await UhriImport.ImportAsync(host.System, new MemoryStream(export), UserId.System, "file", CancellationToken.None);
        var againSeconds = watch.Elapsed.TotalSeconds;
        if (first.Registered != Recommendations || again.Unchanged != Recommendations)
        {
            throw new InvalidOperationException($"The imports did not do what they should: {first}, then {again}.");
        }

        Console.Error.WriteLine($"  {export.Length / 1024} KiB export; the same export again (nothing to change) in {againSeconds:F1} s");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"uhri rows={Recommendations} seconds={seconds:F1}"));
        return 0;
    }

    // A statement written to a file (not held in memory), then read back as the import reads it; the time is the reading's.
    private static (long Entries, double Seconds) ReadStatement(int entries)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fundmanager-bench-{entries}.camt053.xml");
        try
        {
            using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
            {
                writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId></GrpHdr>");
                writer.Write("<Stmt><Id>BENCH-1</Id><Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>USD</Ccy></Acct>");
                writer.Write("<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"USD\">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-01</Dt></Dt></Bal>");
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"USD\">{entries * 1_000.25m:0.00}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>"));
                for (var i = 0; i < entries; i++)
                {
                    writer.Write(string.Create(CultureInfo.InvariantCulture,
                        $"<Ntry><NtryRef>{i}</NtryRef><Amt Ccy=\"USD\">1000.25</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-{1 + (i % 28):00}</Dt></BookgDt><ValDt><Dt>2026-11-{1 + (i % 28):00}</Dt></ValDt><AcctSvcrRef>BANK-{i}</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>Donor {i % 500}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>NO93860111179{i % 100:00}</IBAN></Id></DbtrAcct></RltdPties><RmtInf><Ustrd>Pledge {i % 900} instalment {i % 4}</Ustrd><Strd><CdtrRefInf><Ref>FM-{i}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>"));
                }

                writer.Write("</Stmt></BkToCstmrStmt></Document>");
            }

            var watch = Stopwatch.StartNew();
            var read = 0L;
            using (var file = File.OpenRead(path))
            {
                Camt053Reader.Read(file, "file", _ => { }, (_, _) => read++);
            }

            return (read, watch.Elapsed.TotalSeconds);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // The process's peak resident memory (VmHWM), in MB.
    private static long PeakMegabytes() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;

    // An export as the Index writes one: States by name, multi-value cells one value per line prefixed "- ".
    private static string UhriExportOf(int rows, string prefix = "bench")
    {
        var states = CountryCatalog.Default.All.Where(c => c.UnRegionalGroup is not null).OrderBy(c => c.Code.Value).ToList();
        var csv = new StringBuilder("Text,Countries Concerned,UPR Reccomending States,UPR Position,UPR Session,Themes,Affected Persons,Sdgs,Document Symbol,OHCHR Annotation Id\n");
        for (var i = 0; i < rows; i++)
        {
            var (under, by, also) = (states[i % states.Count], states[(i * 7 + 3) % states.Count], states[(i * 13 + 5) % states.Count]);
            var session = 1 + (i % 47);
            csv.Append(CultureInfo.InvariantCulture, $"\"Take further measures, in line with recommendation {i}, to strengthen the national mechanism for implementation, reporting and follow-up\",")
                .Append(CultureInfo.InvariantCulture, $"\"- {under.Name}\",\"- {by.Name}\n- {also.Name}\",{(i % 3 == 0 ? "Noted" : "Supported")},UPR {session},")
                .Append("\"- National mechanisms for implementation\n- Cooperation with treaty bodies\",\"- General\n- Women and girls\",")
                .Append(CultureInfo.InvariantCulture, $"\"- 16.{1 + (i % 10)} - A target\n- 5.1 - End discrimination\",A/HRC/{session}/{i % 20},{prefix}-{i}\n");
        }

        return csv.ToString();
    }
}
