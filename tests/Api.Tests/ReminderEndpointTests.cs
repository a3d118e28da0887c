using FundManager.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace FundManager.Api.Tests;

/// <summary>
/// <c>GET /api/v1/reminders</c> after the demo funds' reminders ran: the secretariat sees every item, a donor only the
/// instalments of their own pledges; an officer acknowledges one, and who and when is kept.
/// </summary>
public sealed class ReminderEndpointTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_secretariat_sees_every_reminder_a_donor_only_their_instalments_and_acknowledgement_is_kept()
    {
        // An instalment of Norway's due in ten days, whatever day the test runs on.
        var norway = DemoIds.For("donor", "norway");
        var pledge = Guid.NewGuid();
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        var officerContext = Persistence.CommandContext.By(DemoUsers.Officer);
        await api.System.Pledges.HandleAsync(
            new Pledges.AnnouncePledge(norway, "VFTC", "USD", 5_000m, [new Pledges.PlannedInstalment(due, 5_000m)], new DateOnly(2025, 1, 2), Id: pledge), officerContext);
        await api.System.Pledges.HandleAsync(new Pledges.SignPledge(pledge, new DateOnly(2025, 1, 2)), Persistence.CommandContext.By(DemoUsers.Officer));

        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var found = new List<ReminderItem>();
        foreach (var fund in await api.System.Ledger.FundsAsync())
        {
            found.AddRange(await grains.GetGrain<IFundRemindersGrain>(fund.Value).RunAsync());
        }

        var officer = await api.LoginAsync(DemoUsers.Officer);
        var all = await officer.GetFromJsonAsync<JsonElement>("/api/v1/reminders?limit=500");
        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(found.Count, items.Count);
        Assert.True(found.Select(i => i.Donor).Distinct().Count() > 2, "the demo funds have instalments due from several donors");

        var donor = await api.LoginAsync(DemoUsers.NorwayDonor);
        var own = (await donor.GetFromJsonAsync<JsonElement>("/api/v1/reminders?limit=500")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(found.Count(i => i.Kind == ReminderKind.Instalment && i.Donor == norway), own.Count);
        Assert.Contains(own, i => i.GetProperty("subject").GetString() == $"pledge/{pledge}");
        Assert.All(own, i => Assert.Equal(norway, i.GetProperty("donor").GetGuid()));

        var id = items[0].GetProperty("id").GetString()!;
        var board = await api.LoginAsync(DemoUsers.Board);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.PostAsync($"/api/v1/reminders/{Uri.EscapeDataString(id)}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsync($"/api/v1/reminders/{Uri.EscapeDataString(id)}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsync($"/api/v1/reminders/{Uri.EscapeDataString(id + "9")}/acknowledge", null)).StatusCode);

        var acknowledged = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/reminders?status=Acknowledged")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal((id, DemoUsers.Officer), (acknowledged.GetProperty("id").GetString(), acknowledged.GetProperty("acknowledgedBy").GetString()));
    }
}
