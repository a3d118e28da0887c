namespace FundManager.Donations;

/// <summary>
/// An online gift as its grain keeps it in grain storage: its terms, the processor's checkout session, its status, the
/// donor and processor customer it came from, the subscription of a monthly gift, and its payments.
/// </summary>
public sealed class Donation
{
    public Guid Id { get; set; }

    public DonationTerms? Terms { get; set; }

    public string? Session { get; set; }

    public string? SessionUrl { get; set; }

    public DonationStatus Status { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public Guid? Donor { get; set; }

    public string? Customer { get; set; }

    public string? Subscription { get; set; }

    public List<DonationPayment> Payments { get; set; } = [];
}
