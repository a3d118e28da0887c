using FundManager.Common;

namespace FundManager.Grants;

/// <summary>A tranche of a grant and what has happened to it.</summary>
public sealed record Tranche(
    int Number,
    DateOnly PlannedOn,
    Money PlannedAmount,
    TrancheState State,
    Money? PreparedAmount = null,
    UserId? PreparedBy = null,
    DateOnly? PreparedOn = null,
    Money? PaidAmount = null,
    Money? Psc = null,
    UserId? ApprovedBy = null,
    DateOnly? PaidOn = null);
