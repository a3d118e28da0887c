namespace FundManager.Donations;

/// <summary>How often an online gift is given.</summary>
public enum DonationFrequency
{
    OneOff,
    Monthly,
}
