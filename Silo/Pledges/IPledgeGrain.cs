using FundManager.Cluster;
using FundManager.Persistence;

namespace FundManager.Pledges;

/// <summary>A pledge and the receipts against it, keyed by the pledge's id.</summary>
public interface IPledgeGrain : IGrainWithGuidKey
{
    Task<CommandOutcome> AnnounceAsync(AnnouncePledge command, CommandContext context);

    Task<CommandOutcome> SignAsync(SignPledge command, CommandContext context);

    Task<CommandOutcome> AmendAsync(AmendPledge command, CommandContext context);

    Task<CommandOutcome> CancelAsync(CancelPledge command, CommandContext context);

    Task<CommandOutcome> WriteOffAsync(WriteOffPledge command, CommandContext context);

    Task<CommandOutcome> RecordReceiptAsync(RecordReceipt command, CommandContext context);

    /// <summary>Money received with no pledge: this grain's pledge is created signed and paid at once.</summary>
    Task<CommandOutcome> RecordUnpledgedReceiptAsync(RecordUnpledgedReceipt command, CommandContext context);
}
