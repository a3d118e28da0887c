namespace FundManager.Common;

/// <summary>Identifies a donor.</summary>
public readonly record struct DonorId(Guid Value)
{
    public static DonorId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("D");
}

/// <summary>Identifies a pledge.</summary>
public readonly record struct PledgeId(Guid Value)
{
    public static PledgeId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("D");
}

/// <summary>Identifies a grant.</summary>
public readonly record struct GrantId(Guid Value)
{
    public static GrantId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("D");
}

/// <summary>Identifies a receipt (money received against a pledge).</summary>
public readonly record struct ReceiptId(Guid Value)
{
    public static ReceiptId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("D");
}
