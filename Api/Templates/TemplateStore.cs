using FundManager.Common;
using FundManager.Persistence;
using FundManager.Reporting.Templates;
using Npgsql;

namespace FundManager.Api.Templates;

/// <summary>
/// The report templates as administrators edit them: each saved text is a new version in
/// <c>report_template_versions</c> (append-only, numbered without gaps), and reports use each template's latest
/// version, or the shipped file (version 0) when none was saved. A text is saved only when it renders the demo data
/// (<see cref="TemplatePreview"/>), so a saved template can always make its report.
/// </summary>
public sealed class TemplateStore(NpgsqlDataSource dataSource, TemplateLibrary shipped, TimeProvider clock)
{
    /// <summary>The longest template text kept, in characters (the table's check says the same).</summary>
    public const int MaxLength = 262_144;

    /// <summary>The templates there are, as shipped; <see cref="LibraryAsync"/> adds what was saved since.</summary>
    public TemplateLibrary Shipped => shipped;

    /// <summary>The templates reports use now: the shipped files overlaid by each template's latest saved version.</summary>
    public async Task<TemplateLibrary> LibraryAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "select distinct on (name) name, version, body from report_template_versions order by name, version desc");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var edits = new List<ReportTemplate>();
        while (await reader.ReadAsync(ct))
        {
            edits.Add(new ReportTemplate(reader.GetString(0), reader.GetInt32(1), reader.GetString(2)));
        }

        return shipped.WithEdits(edits.Where(e => shipped.Names.Contains(e.Name, StringComparer.Ordinal)));
    }

    /// <summary>Every version of template <paramref name="name"/>, newest first, ending with the shipped file (version 0).</summary>
    public async Task<IReadOnlyList<TemplateVersion>> HistoryAsync(string name, CancellationToken ct = default)
    {
        var file = shipped.Shipped(name);
        await using var cmd = dataSource.CreateCommand(
            "select version, sha256, changed_by, changed_at, reason from report_template_versions where name = $1 order by version desc");
        cmd.Parameters.Add(new() { Value = name });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var history = new List<TemplateVersion>();
        while (await reader.ReadAsync(ct))
        {
            history.Add(new TemplateVersion(name, reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4)));
        }

        history.Add(new TemplateVersion(name, 0, file.Sha256, null, null, TemplateVersion.ShippedReason));
        return history;
    }

    /// <summary>Version <paramref name="version"/> of template <paramref name="name"/> (0: the shipped file); null when there is none.</summary>
    public async Task<ReportTemplate?> VersionAsync(string name, int version, CancellationToken ct = default)
    {
        if (version == 0)
        {
            return shipped.Shipped(name);
        }

        await using var cmd = dataSource.CreateCommand("select body from report_template_versions where name = $1 and version = $2");
        cmd.Parameters.Add(new() { Value = name });
        cmd.Parameters.Add(new() { Value = version });
        return await cmd.ExecuteScalarAsync(ct) is string body ? new ReportTemplate(name, version, body) : null;
    }

    /// <summary>
    /// Saves <paramref name="text"/> as the next version of template <paramref name="name"/>, once per command id. Refused
    /// with <see cref="BusinessRule.VersionMismatch"/> when <paramref name="basedOn"/> (the version the editor started
    /// from) is no longer the latest, and with <see cref="BusinessRule.ConcurrencyConflict"/> when another administrator
    /// saved the same template at the same moment. The caller has checked the text first (<see cref="TemplatePreview"/>).
    /// </summary>
    public Task<CommandResult> SaveAsync(string name, string text, string reason, int? basedOn, CommandContext context, CancellationToken ct = default) =>
        CommandLog.RunOnceAsync(dataSource, clock, context, "SaveReportTemplate", new { Name = name, Text = text, Reason = reason, BasedOn = basedOn }, async (connection, tx) =>
        {
            await using var last = new NpgsqlCommand("select coalesce(max(version), 0) from report_template_versions where name = $1", connection, tx);
            last.Parameters.Add(new() { Value = name });
            var latest = (int)(await last.ExecuteScalarAsync(ct))!;
            if (basedOn is { } started && started != latest)
            {
                throw RuleViolation.Of(
                    BusinessRule.VersionMismatch,
                    $"Template {name} is at version {latest} now, not {started}: someone saved it meanwhile. Open it again and apply your change to the latest version.",
                    "basedOn");
            }

            var version = new ReportTemplate(name, latest + 1, text);
            await using var insert = new NpgsqlCommand(
                "insert into report_template_versions (name, version, body, sha256, changed_by, changed_at, reason) values ($1, $2, $3, $4, $5, $6, $7)", connection, tx);
            insert.Parameters.Add(new() { Value = name });
            insert.Parameters.Add(new() { Value = version.Version });
            insert.Parameters.Add(new() { Value = text });
            insert.Parameters.Add(new() { Value = version.Sha256 });
            insert.Parameters.Add(new() { Value = context.Actor.Value });
            insert.Parameters.Add(new() { Value = clock.GetUtcNow() });
            insert.Parameters.Add(new() { Value = reason.Trim() });
            try
            {
                await insert.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.CheckViolation)
            {
                throw RuleViolation.Of(BusinessRule.ConcurrencyConflict, $"Another version of template {name} was saved at the same moment; open it again.", "basedOn");
            }

            return new CommandResult(StreamOf(name), version.Version);
        }, ct);

    /// <summary>The checks of what an editor sends, each naming its field; the text's own mistakes are found by rendering it.</summary>
    public void RequireEditable(string name, string? text)
    {
        if (!shipped.Names.Contains(name, StringComparer.Ordinal))
        {
            throw RuleViolation.Of(BusinessRule.EntityNotFound, $"There is no template {name}; the templates are {string.Join(", ", shipped.Names)}.", "name");
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, $"The template's text is 1 to {MaxLength} characters.", "text");
        }

    }

    private static string StreamOf(string name) => "template/" + name;
}
