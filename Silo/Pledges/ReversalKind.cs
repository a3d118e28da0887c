namespace FundManager.Pledges;

/// <summary>Why money received went back to the giver.</summary>
public enum ReversalKind
{
    /// <summary>Refunded at the giver's or the fund's request.</summary>
    Refund,

    /// <summary>The giver's bank disputed the payment and the dispute was lost.</summary>
    LostDispute,
}
