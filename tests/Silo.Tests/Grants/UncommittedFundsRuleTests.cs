using FundManager.Grants;

namespace FundManager.Tests.Grants;

/// <summary>The worked example of README's uncommitted-funds rule, figure by figure.</summary>
public sealed class UncommittedFundsRuleTests
{
    private static readonly FundPosition Example = new(Money.Usd(1_000_000m), Money.Usd(13_000m), Money.Usd(500_000m), 0.15m);

    [Fact]
    public void Available_cash_is_cash_less_PSC_owed() => Assert.Equal(Money.Usd(987_000m), Example.AvailableCash);

    [Fact]
    public void A_commitment_of_339000_fits_and_one_of_361600_does_not()
    {
        Assert.Equal(Money.Usd(39_000m), global::FundManager.Funds.Fund.Psc(Money.Usd(300_000m), 0.13m));
        Assert.True(Example.CanCommit(Money.Usd(339_000m)));
        Assert.Equal(Money.Usd(41_600m), global::FundManager.Funds.Fund.Psc(Money.Usd(320_000m), 0.13m));
        Assert.False(Example.CanCommit(Money.Usd(361_600m)));
    }

    [Fact]
    public void At_most_358260_86_can_still_be_committed()
    {
        Assert.Equal(Money.Usd(358_260.86m), Example.Uncommitted);
        Assert.True(Example.CanCommit(Example.Uncommitted));
        Assert.False(Example.CanCommit(Example.Uncommitted + Money.Usd(0.01m)));
    }
}
