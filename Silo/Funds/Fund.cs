using FundManager.Common;
using FundManager.Entities;
using FundManager.Finance;

namespace FundManager.Funds;

/// <summary>
/// A voluntary trust fund: its code, name, base currency (always USD), programme support
/// cost rate and operating reserve rate.
/// </summary>
public sealed class Fund : Entity<FundEvent>, IListed
{
    /// <summary>The UN default programme support cost rate: 13% of expenditure.</summary>
    public const decimal DefaultPscRate = 0.13m;

    /// <summary>The customary operating cash reserve: 15%, not available for commitments.</summary>
    public const decimal DefaultReserveRate = 0.15m;

    public FundCode Code { get; private set; }

    public string Name { get; private set; } = "";

    public CurrencyCode BaseCurrency => CurrencyCode.Usd;

    public decimal PscRate { get; private set; }

    public decimal ReserveRate { get; private set; }

    /// <summary>UPR funds finance only projects that serve at least one UPR recommendation.</summary>
    public bool RequiresUprRecommendations { get; private set; }

    public static FundEvent[] Create(FundCode code, string name, decimal pscRate, decimal reserveRate, bool requiresUprRecommendations)
    {
        CheckRates(pscRate, reserveRate);
        return [new FundCreated(code, Text.Check(name, "name", 200, allowLineBreaks: false), pscRate, reserveRate, requiresUprRecommendations)];
    }

    public FundEvent[] ChangeRates(decimal pscRate, decimal reserveRate)
    {
        CheckRates(pscRate, reserveRate);
        if (pscRate == PscRate && reserveRate == ReserveRate)
        {
            throw RuleViolation.Of(BusinessRule.AmendmentChangesNothing, "The fund already has these rates.");
        }

        return [new FundRatesChanged(pscRate, reserveRate)];
    }

    /// <summary>PSC on a direct amount at <paramref name="rate"/>, rounded to the cent.</summary>
    public static Money Psc(Money direct, decimal rate) => (direct * rate).Rounded();

    public Listing Listing => new(Label: Name);

    protected override void When(FundEvent @event)
    {
        switch (@event)
        {
            case FundCreated e:
                Code = e.Code;
                Name = e.Name;
                PscRate = e.PscRate;
                ReserveRate = e.ReserveRate;
                RequiresUprRecommendations = e.RequiresUprRecommendations;
                break;
            case FundRatesChanged e:
                PscRate = e.PscRate;
                ReserveRate = e.ReserveRate;
                break;
            default:
                throw new InvalidOperationException($"Unknown fund event {@event.GetType().Name}.");
        }
    }

    private static void CheckRates(decimal pscRate, decimal reserveRate)
    {
        if (pscRate < 0m || pscRate >= 1m || decimal.Round(pscRate, 4) != pscRate)
        {
            throw RuleViolation.Of(BusinessRule.RateOutOfRange, "The PSC rate is a fraction from 0 to below 1, with at most 4 decimals (0.13 = 13%).", "pscRate", ("pscRate", pscRate));
        }

        if (reserveRate < 0m || reserveRate >= 1m || decimal.Round(reserveRate, 4) != reserveRate)
        {
            throw RuleViolation.Of(BusinessRule.RateOutOfRange, "The reserve rate is a fraction from 0 to below 1, with at most 4 decimals (0.15 = 15%).", "reserveRate", ("reserveRate", reserveRate));
        }
    }
}
