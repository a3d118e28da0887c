using FundManager.Common;

namespace FundManager.Banking;

/// <summary>
/// What the matcher made of an entry: its status, the pledge (and instalment) and donor it proposes, the rule that found
/// them (<see cref="BankMatcher.ByReference"/> or <see cref="BankMatcher.ByDonor"/>), and a note for the officer saying
/// why, or why nothing matched.
/// </summary>
public sealed record BankMatch(BankEntryStatus Status, PledgeId? Pledge, int? Instalment, DonorId? Donor, string? Rule, string Note)
{
    public static BankMatch Unmatched(string note, DonorId? donor = null) => new(BankEntryStatus.Suspense, null, null, donor, null, note);
}
