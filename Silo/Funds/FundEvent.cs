namespace FundManager.Funds;

/// <summary>Something that happened to a fund.</summary>
public abstract record FundEvent;

/// <summary>A fund was established. Rates are fractions (0.13 = 13%).</summary>
public sealed record FundCreated(FundCode Code, string Name, decimal PscRate, decimal ReserveRate, bool RequiresUprRecommendations) : FundEvent;

/// <summary>The fund's programme support cost or operating reserve rate changed; grants already approved keep their PSC rate.</summary>
public sealed record FundRatesChanged(decimal PscRate, decimal ReserveRate) : FundEvent;
