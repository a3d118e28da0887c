namespace FundManager.Donations;

/// <summary>An online gift, keyed by its id; its state is kept in Orleans' grain storage.</summary>
public interface IDonationGrain : IGrainWithGuidKey
{
    /// <summary>Records the checkout opened for the gift; a gift opened already keeps its first checkout (and answers it).</summary>
    Task<Donation> OpenAsync(DonationTerms terms, string session, string sessionUrl, DateTimeOffset at);

    /// <summary>The gift, or null when none was opened under this id.</summary>
    Task<Donation?> FindAsync();

    /// <summary>
    /// The giver paid: from <paramref name="donor"/>, the processor's customer, a monthly gift's subscription, and the
    /// payment received if any (added, or replacing the one with its id). Written once, and only if something changed.
    /// </summary>
    Task<Donation> CompleteAsync(Guid donor, string? customer, string? subscription, DonationPayment? payment);

    /// <summary>The checkout expired unpaid (a completed gift stays completed).</summary>
    Task<Donation> ExpireAsync();

    /// <summary>Adds a payment, or replaces the one with the same id.</summary>
    Task<Donation> RecordPaymentAsync(DonationPayment payment);
}
