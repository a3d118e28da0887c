using FundManager.Cluster;
using FundManager.Persistence;

namespace FundManager.Pledges;

/// <summary>A pledge and the receipts against it, keyed by the pledge's id.</summary>
public interface IPledgeGrain : IGrainWithGuidKey
{
    Task<CommandOutcome> AnnounceAsync([Immutable] AnnouncePledge command, CommandContext context);

    Task<CommandOutcome> SignAsync([Immutable] SignPledge command, CommandContext context);

    Task<CommandOutcome> AmendAsync([Immutable] AmendPledge command, CommandContext context);

    Task<CommandOutcome> CancelAsync([Immutable] CancelPledge command, CommandContext context);

    Task<CommandOutcome> WriteOffAsync([Immutable] WriteOffPledge command, CommandContext context);

    Task<CommandOutcome> RecordReceiptAsync([Immutable] RecordReceipt command, CommandContext context);

    /// <summary>Money received with no pledge: this grain's pledge is created signed and paid at once.</summary>
    Task<CommandOutcome> RecordUnpledgedReceiptAsync([Immutable] RecordUnpledgedReceipt command, CommandContext context);

    Task<CommandOutcome> RecordProcessorFeeAsync([Immutable] RecordProcessorFee command, CommandContext context);

    Task<CommandOutcome> ReverseReceiptAsync([Immutable] ReverseReceipt command, CommandContext context);
}
