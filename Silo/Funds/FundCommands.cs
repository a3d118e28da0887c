namespace FundManager.Funds;

/// <summary>Establish a fund. Rates default to 13% PSC and a 15% reserve; UPR funds (codes starting <c>UPR-</c>) require UPR recommendations unless told otherwise.</summary>
public sealed record CreateFund(string Code, string Name, decimal? PscRate = null, decimal? ReserveRate = null, bool? RequiresUprRecommendations = null);

/// <summary>Change a fund's PSC and reserve rates; grants already approved keep their PSC rate.</summary>
public sealed record ChangeFundRates(string Fund, decimal PscRate, decimal ReserveRate);
