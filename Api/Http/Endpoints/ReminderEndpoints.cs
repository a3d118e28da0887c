using FundManager.Funds;
using FundManager.Reminders;

namespace FundManager.Api.Http.Endpoints;

/// <summary>
/// The items the funds' daily reminders found: the secretariat sees them all, a donor only the instalments of their own
/// pledges. The secretariat acknowledges them.
/// </summary>
public static class ReminderEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var reminders = api.MapGroup("/reminders").WithTags("Reminders");
        reminders.MapGet("/", ListAsync)
            .WithDescription("Instalments due within 30 days or overdue, planned tranches not prepared by their date, progress reports due or overdue, "
                + "and currencies in use without a rate for the month, as each fund's daily reminder last found them.")
            .RequireAuthorization()
            .Refuses(Common.BusinessRule.InvalidFundCode);
        reminders.MapPost("/{id}/acknowledge", AcknowledgeAsync)
            .RequireAuthorization(Policies.Secretariat);
    }

    private static async Task<Page<ReminderView>> ListAsync(
        string? fund, ReminderKind? kind, ReminderStatus? status, int? limit, string? cursor, HttpContext http, FundSystem system, IGrainFactory grains, CancellationToken ct)
    {
        var size = Paging.Limit(limit);
        FundCode? funds = fund is null ? null : FundCode.Parse(fund, "fund");
        Guid? ownDonor = http.SeesAllDonors() ? null : http.OwnDonor() ?? throw Responses.NotFound();
        var items = await ItemsAsync(system, grains, funds, ct);

        var today = DateOnly.FromDateTime(system.Clock.GetUtcNow().UtcDateTime);
        var visible = items
            .Where(i => ownDonor is null || (i.Kind == ReminderKind.Instalment && i.Donor == ownDonor))
            .Where(i => kind is null || i.Kind == kind)
            .Where(i => status is null || i.Status == status)
            .Where(i => cursor is null || string.CompareOrdinal(i.Id, cursor) > 0)
            .OrderBy(i => i.Id, StringComparer.Ordinal)
            .Take(size + 1)
            .ToList();
        return Paging.Of(visible, size, i => i.Id, i => ReminderView.Of(i, today));
    }

    /// <summary>What the daily reminders of one fund, or of every fund, last found.</summary>
    public static async Task<List<ReminderItem>> ItemsAsync(FundSystem system, IGrainFactory grains, FundCode? fund, CancellationToken ct)
    {
        var items = new List<ReminderItem>();
        foreach (var code in fund is { } one ? [one] : await system.Ledger.FundsAsync(ct))
        {
            items.AddRange(await grains.GetGrain<IFundRemindersGrain>(code.Value).ItemsAsync());
        }

        return items;
    }

    private static async Task<IResult> AcknowledgeAsync(string id, HttpContext http, IGrainFactory grains, CancellationToken ct)
    {
        var fund = id.Split(':', 2)[0];
        var code = FundCode.Parse(fund, "id");
        return await grains.GetGrain<IFundRemindersGrain>(code.Value).AcknowledgeAsync(id, http.User().Value)
            ? Results.NoContent()
            : throw Responses.NotFound();
    }
}

/// <summary>A reminder as the API shows it.</summary>
public sealed record ReminderView(
    string Id, string Fund, ReminderKind Kind, string Subject, Guid? Donor, DateOnly DueOn, bool Overdue, string Description,
    ReminderStatus Status, string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt)
{
    public static ReminderView Of(ReminderItem item, DateOnly today) => new(
        item.Id, item.Fund.Value, item.Kind, item.Subject, item.Donor, item.DueOn, item.IsOverdueOn(today), item.Description,
        item.Status, item.AcknowledgedBy, item.AcknowledgedAt);
}
