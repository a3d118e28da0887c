using FundManager.Common;
using FundManager.Funds;
using FundManager.Persistence;
using FundManager.Reporting.Iati;
using FundManager.Tests.Infrastructure;

namespace FundManager.Reporting.Tests.Iati;

/// <summary>A fund with nothing to publish, on a database of its own (the demo database stays as the demo left it).</summary>
public sealed class IatiEmptyFundTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_fund_without_an_approved_grant_is_refused_because_IATI_needs_one_activity()
    {
        await db.System.Funds.HandleAsync(new CreateFund("NEW-FUND", "A fund without grants"), new CommandContext(new CommandId(Guid.NewGuid()), new UserId("admin@example.org")));
        using var buffer = new MemoryStream();

        var refused = await Refusals.AssertRefusedAsync(BusinessRule.InvalidInput, () => IatiActivityFile.WriteAsync(db.System, FundCode.Parse("NEW-FUND"), buffer, IatiOptions.Default));

        Assert.Contains("no approved grant", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, buffer.Length);
    }
}
