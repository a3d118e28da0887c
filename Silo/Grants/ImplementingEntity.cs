namespace FundManager.Grants;

/// <summary>The body that carries out a grant.</summary>
public sealed record ImplementingEntity(string Name, ImplementingEntityType Type);
