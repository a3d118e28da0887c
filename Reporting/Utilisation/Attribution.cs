namespace FundManager.Reporting.Utilisation;

/// <summary>The part of one spending item attributed to one donor, on one basis, in whole cents.</summary>
public sealed record Attribution(Guid Donor, SpendingItem Item, UtilisationBasis Basis, decimal Amount);
