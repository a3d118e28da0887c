namespace FundManager.Pledges;

/// <summary>
/// An instalment as a person enters it. <see cref="Number"/> names an existing instalment in an
/// amendment; null means a new one (numbered after the existing ones).
/// </summary>
public sealed record PlannedInstalment(DateOnly DueOn, decimal Amount, int? Number = null);
