using FundManager.Common;
using FundManager.Persistence;
using FundManager.Pledges;

namespace FundManager.Banking;

/// <summary>
/// Turns confirmed bank credits into receipts. Each entry's receipt is one command whose id is named by the entry (its
/// account and reference), so confirming again, or again after a failure between the receipt and the entry's mark,
/// records nothing twice: the pledge's grain answers with the first result. The receipt's reference is the bank's, so a
/// receipt typed by hand with it already is refused as the same money.
/// </summary>
public sealed class BankReconciliation(BankEntryStore entries, PledgeService pledges)
{
    /// <returns>The entry as it now stands, and whether its receipt was recorded by this call (with <paramref name="audit"/>, in the receipt's transaction).</returns>
    public async Task<(BankEntryRecord Entry, bool Recorded)> ConfirmAsync(ConfirmBankEntry command, UserId actor, AuditEntry? audit, CancellationToken ct = default)
    {
        var entry = await entries.FindAsync(command.Entry, ct)
            ?? throw RuleViolation.Of(BusinessRule.EntityNotFound, $"There is no bank entry {command.Entry}.", "entry");
        if (entry.Status == BankEntryStatus.Confirmed)
        {
            return (entry, false);
        }

        if (entry.Status is BankEntryStatus.Debit or BankEntryStatus.Pending)
        {
            throw RuleViolation.Of(BusinessRule.BankEntryNotACredit, $"Entry {entry.Reference} is {BankEntryStore.StatusText(entry.Status)}: only a booked credit becomes a receipt.", "entry");
        }

        var id = CommandId.Of($"bank-entry/{entry.Account}/{entry.Reference}");
        var context = new CommandContext(id, actor, Audit: audit);
        var (pledge, donor, result) = command switch
        {
            { Pledge: { } named } => (named, (Guid?)null, await RecordAsync(entry, named, context, ct)),
            { Donor: { } giver } => (context.Id.Derive("pledge"), giver, await RecordUnpledgedAsync(entry, giver, command.Fund, context, ct)),
            _ when entry.Pledge is { } proposed => (proposed, (Guid?)null, await RecordAsync(entry, proposed, context, ct)),
            _ => throw RuleViolation.Of(
                BusinessRule.BankEntryUnmatched,
                $"Nothing matched entry {entry.Reference}: name the pledge it pays, or the donor and fund of a gift with no pledge.",
                "pledge"),
        };
        await entries.MarkConfirmedAsync(entry.Position, pledge, donor, id.Derive("receipt"), actor, ct);
        return ((await entries.FindAsync(entry.Position, ct))!, !result.Replayed);
    }

    // On the pledge proposed, the instalment proposed is paid; on any other, the oldest first.
    private Task<CommandResult> RecordAsync(BankEntryRecord entry, Guid pledge, CommandContext context, CancellationToken ct)
    {
        var allocations = entry.Instalment is { } number && pledge == entry.Pledge ? [new ReceiptAllocation(number, entry.Amount.Amount)] : (IReadOnlyList<ReceiptAllocation>?)null;
        return pledges.HandleAsync(
            new RecordReceipt(pledge, entry.Reference, ReceiptChannel.BankTransfer, entry.BookedOn, entry.Amount.Amount, entry.Amount.Currency.Code, allocations),
            context,
            ct);
    }

    private Task<CommandResult> RecordUnpledgedAsync(BankEntryRecord entry, Guid donor, string? fund, CommandContext context, CancellationToken ct)
    {
        var command = new RecordUnpledgedReceipt(
            donor,
            fund ?? throw RuleViolation.Of(BusinessRule.InvalidInput, "A gift with no pledge names the fund it is for.", "fund"),
            entry.Reference,
            ReceiptChannel.BankTransfer,
            entry.BookedOn,
            entry.Amount.Amount,
            entry.Amount.Currency.Code);
        return pledges.HandleAsync(command, context, ct);
    }
}
