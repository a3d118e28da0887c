using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace FundManager.Bench;

/// <summary>
/// The web pages on the scale demo fund: 16 simulated users (officers, approvers, auditors, anonymous visitors), each
/// signed in with its own cookie through the sign-in page, open the main pages of their role in turn for a fixed time
/// against <c>fundmanager serve</c> on loopback. The 95th percentile of each page's time (request sent to last byte
/// read, so server time plus loopback) is printed as <c>portal page=NAME p95_ms=X</c>.
/// </summary>
public static partial class PortalBenchmark
{
    private const int Users = 16;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(40);
    private const string Password = "bench-portal-password-1";

    private sealed record Page(string Name, string Path);

    private static readonly Dictionary<string, Page[]> PagesByRole = new()
    {
        ["officer"] = [new("home", "/work"), new("pledges", $"/pledges?fund={ScaleDemo.Fund}"), new("grants", $"/grants?fund={ScaleDemo.Fund}")],
        ["approver"] = [new("approvals", "/approvals"), new("grants", $"/grants?fund={ScaleDemo.Fund}&status=Active")],
        ["auditor"] = [new("ledger", $"/ledger?fund={ScaleDemo.Fund}"), new("ledger_account", $"/ledger?fund={ScaleDemo.Fund}&view=account&account=1000&from=2020-01-01")],
        ["anonymous"] = [new("public_search", "/repository?sdgTarget=16.6"), new("public_search_country", "/repository?country=PRY")],
    };

    public static async Task<int> RunAsync()
    {
        var connection = await ScaleDemo.DatabaseAsync();
        Console.Error.WriteLine("Loading the scale demo fund (once; later runs reuse it) ...");
        await RunProgramAsync(["demo", "--scale", "large", "--database", connection]);
        foreach (var role in PagesByRole.Keys.Where(r => r != "anonymous"))
        {
            await RunProgramAsync(["users", "add", "--email", UserOf(role), "--role", role, "--password", Password, "--database", connection], alreadyDone: "already");
        }

        await using var server = await ServedProgram.StartAsync(["--database", connection]);
        var baseAddress = server.BaseAddress;
        var roles = PagesByRole.Keys.ToArray();
        var users = await Task.WhenAll(Enumerable.Range(0, Users).Select(i => SignInAsync(baseAddress, roles[i % roles.Length])));

        var times = new Dictionary<string, List<double>>();
        var errors = 0;
        var measuredFrom = Stopwatch.GetTimestamp() + (long)(WarmUp.TotalSeconds * Stopwatch.Frequency);
        using var stop = new CancellationTokenSource(WarmUp + Measured);
        await Task.WhenAll(users.Select(async user =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var page = user.Pages[n % user.Pages.Length];
                var start = Stopwatch.GetTimestamp();
                using var response = await user.Client.GetAsync(page.Path);
                await response.Content.ReadAsByteArrayAsync();
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref errors);
                    Console.Error.WriteLine($"  {page.Path}: {(int)response.StatusCode}");
                }

                if (start >= measuredFrom)
                {
                    lock (times)
                    {
                        (times.TryGetValue(page.Name, out var list) ? list : times[page.Name] = []).Add(ms);
                    }
                }
            }
        }));

        foreach (var user in users)
        {
            user.Client.Dispose();
        }

        Console.Error.WriteLine($"  {Users} users for {Measured.TotalSeconds:F0} s after {WarmUp.TotalSeconds:F0} s of warm-up; {errors} errors.");
        foreach (var (name, list) in times.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var sorted = list.Order().ToList();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {sorted.Count} requests, p50={Percentile(sorted, 0.50):F1} ms, max={sorted[^1]:F1} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"portal page={name} p95_ms={Percentile(sorted, 0.95):F1}"));
        }

        return errors == 0 ? 0 : 1;
    }

    private sealed record User(HttpClient Client, Page[] Pages);

    private static string UserOf(string role) => $"bench.{role}@scale.example";

    // Through the sign-in page, as a browser does: its antiforgery token, then the form; the cookie is the user's own.
    private static async Task<User> SignInAsync(Uri baseAddress, string role)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        if (role != "anonymous")
        {
            var form = await client.GetStringAsync("/sign-in");
            var token = Token().Match(form).Groups[1].Value;
            using var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["email"] = UserOf(role), ["password"] = Password, ["returnUrl"] = "/",
            }));
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("failed", StringComparison.Ordinal) != false)
            {
                throw new InvalidOperationException($"Signing in as {UserOf(role)} failed: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        return new User(client, PagesByRole[role]);
    }

    private static async Task RunProgramAsync(IReadOnlyList<string> arguments, string? alreadyDone = null)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", [BenchProgram.Path, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && (alreadyDone is null || !(await error).Contains(alreadyDone, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"fundmanager {string.Join(' ', arguments.Take(2))} failed: {await error}{await output}");
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
