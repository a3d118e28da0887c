using System.Diagnostics;
using System.Globalization;
using System.Text;
using FundManager.Api.Cluster;
using FundManager.Api.Demo;
using FundManager.Api.Imports;
using FundManager.Banking;
using FundManager.Common;
using FundManager.Entities;
using FundManager.Pledges;
using FundManager.Reference;

namespace FundManager.Bench;

/// <summary>
/// Imports from outside, through a silo in the benchmark's process on a fresh database holding the demo data set. A
/// camt.053 statement of 100,000 entries imported whole: read as a stream, stored, each credit matched against the demo's
/// pledges and donors (after one of 10,000, so that the peak memory after each shows whether memory grows with the
/// entries). Then a Universal Human Rights Index export of 10,000 recommendations, read, checked and registered through
/// the grains; then the same export again, which changes nothing.
/// </summary>
public static class ImportsBenchmark
{
    private const int Recommendations = 10_000;

    private const int StatementEntries = 100_000;

    public static async Task<int> RunAsync()
    {
        var connection = await BenchServer.FreshDatabaseAsync("bench_imports");
        await using var host = await FundHost.OpenAsync(connection);
        await new DemoDataSet(host.System, _ => { }).LoadAsync();
        var agreements = (await host.System.Entities.AllAsync<Pledge, PledgeEvent>(EntityKind.Pledge))
            .Select(p => p.AgreementReference).OfType<string>().ToList();

        await ImportStatementAsync(host.System, StatementEntries / 10, "SMALL", agreements);
        var small = PeakMegabytes();
        var (result, seconds) = await ImportStatementAsync(host.System, StatementEntries, "LARGE", agreements);
        var peak = PeakMegabytes();
        Console.Error.WriteLine($"  camt053: {result}");
        Console.Error.WriteLine($"  camt053 peak memory after {StatementEntries / 10:N0} entries: {small} MB; after {StatementEntries:N0}: {peak} MB");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"camt053 entries={result.NewEntries} seconds={seconds:F1} peak_mb={peak}"));
        return await UhriAsync(host);
    }

    private static async Task<int> UhriAsync(FundHost host)
    {
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
        Console.WriteLine(await WebhooksBenchmark.RunAsync());
        return 0;
    }

    // A statement written to a file (not held in memory), then imported from it; the time is the import's. One credit in
    // ten quotes a demo pledge's agreement reference, one in ten is a debit (bank charges).
    private static async Task<(BankImportResult Result, double Seconds)> ImportStatementAsync(FundSystem system, int entries, string name, IReadOnlyList<string> agreements)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fundmanager-bench-{entries}.camt053.xml");
        try
        {
            using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
            {
                writer.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><GrpHdr><MsgId>BENCH-{name}</MsgId></GrpHdr>");
                writer.Write($"<Stmt><Id>BENCH-{name}-1</Id><Acct><Id><Othr><Id>BENCH-{name}</Id></Othr></Id><Ccy>USD</Ccy></Acct>");
                writer.Write("<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"USD\">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-01</Dt></Dt></Bal>");
                var debits = entries / 10;
                var closing = ((entries - debits) * 1_000.25m) - (debits * 12.50m);
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"USD\">{closing:0.00}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>"));
                for (var i = 0; i < entries; i++)
                {
                    var (amount, indicator) = i % 10 == 9 ? ("12.50", "DBIT") : ("1000.25", "CRDT");
                    var remittance = i % 10 == 0 ? $"Contribution {agreements[i / 10 % agreements.Count]}" : $"Pledge {i % 900} instalment {i % 4}";
                    writer.Write(string.Create(CultureInfo.InvariantCulture,
                        $"<Ntry><NtryRef>{i}</NtryRef><Amt Ccy=\"USD\">{amount}</Amt><CdtDbtInd>{indicator}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-{1 + (i % 28):00}</Dt></BookgDt><ValDt><Dt>2026-11-{1 + (i % 28):00}</Dt></ValDt><AcctSvcrRef>BANK-{i}</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>Donor {i % 500}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>NO93860111179{i % 100:00}</IBAN></Id></DbtrAcct></RltdPties><RmtInf><Ustrd>{remittance}</Ustrd><Strd><CdtrRefInf><Ref>FM-{i}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>"));
                }

                writer.Write("</Stmt></BkToCstmrStmt></Document>");
            }

            var watch = Stopwatch.StartNew();
            BankImportResult result;
            await using (var file = File.OpenRead(path))
            {
                result = await Camt053Import.ImportAsync(system, file, UserId.System, "file", null, CancellationToken.None);
            }

            if (result.NewEntries != entries || result.Debits != entries / 10)
            {
                throw new InvalidOperationException($"The import did not store what it should: {result}.");
            }

            return (result, watch.Elapsed.TotalSeconds);
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
