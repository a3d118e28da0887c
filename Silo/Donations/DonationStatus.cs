namespace FundManager.Donations;

/// <summary>Where an online gift's checkout stands.</summary>
public enum DonationStatus
{
    /// <summary>The checkout was opened; the giver has not paid yet.</summary>
    Pending,

    /// <summary>The giver completed the checkout (a monthly gift goes on being paid each month).</summary>
    Completed,

    /// <summary>The checkout expired unpaid.</summary>
    Expired,
}
