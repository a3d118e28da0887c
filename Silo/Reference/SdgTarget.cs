namespace FundManager.Reference;

/// <summary>One of the 169 targets of the Sustainable Development Goals, such as <c>16.3</c>.</summary>
public sealed record SdgTarget(string Id, int Goal, string Title);
