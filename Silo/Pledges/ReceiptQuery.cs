using FundManager.Funds;

namespace FundManager.Pledges;

/// <summary>
/// Which receipts to list: those recorded after <see cref="After"/> (a position in the event history), at most
/// <see cref="Limit"/>, in the order they were recorded. A filter left null does not apply.
/// </summary>
public sealed record ReceiptQuery(int Limit)
{
    public FundCode? Fund { get; init; }

    public Guid? Donor { get; init; }

    public Guid? Pledge { get; init; }

    /// <summary>Receipts received in this calendar year.</summary>
    public int? Year { get; init; }

    /// <summary>Receipts received on or after this day.</summary>
    public DateOnly? ReceivedFrom { get; init; }

    /// <summary>Receipts received on or before this day.</summary>
    public DateOnly? ReceivedTo { get; init; }

    public ReceiptChannel? Channel { get; init; }

    public long? After { get; init; }
}
