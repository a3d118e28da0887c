namespace FundManager.Banking;

/// <summary>
/// Confirm a bank credit as a receipt: on the pledge proposed for it, or on the <paramref name="Pledge"/> named instead,
/// or (a gift with no pledge) from <paramref name="Donor"/> to <paramref name="Fund"/>.
/// </summary>
public sealed record ConfirmBankEntry(long Entry, Guid? Pledge = null, Guid? Donor = null, string? Fund = null);
