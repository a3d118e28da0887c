using FundManager.Common;
using FundManager.Funds;

namespace FundManager.Pledges;

/// <summary>A receipt as recorded against its pledge: where it sits in the history, whose it is, and who recorded it.</summary>
public sealed record ReceiptEntry(long Position, PledgeId Pledge, DonorId Donor, FundCode Fund, ReceiptRecorded Receipt, string RecordedBy, DateTimeOffset RecordedAt);
