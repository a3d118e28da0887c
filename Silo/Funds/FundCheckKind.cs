namespace FundManager.Funds;

/// <summary>The fund-level rules a posting can be held to (see <see cref="Grants.FundPosition.Require"/>).</summary>
public enum FundCheckKind
{
    /// <summary>The uncommitted-funds rule: available cash covers every open commitment and this one, with the reserve.</summary>
    Commitment,

    /// <summary>The fund holds the cash a disbursement pays out.</summary>
    Disbursement,
}
