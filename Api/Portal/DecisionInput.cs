namespace FundManager.Api.Portal;

/// <summary>An approver's decision from the approval page: approve, or reject with a reason.</summary>
public sealed class DecisionInput
{
    public const string Approve = "approve";
    public const string Reject = "reject";

    public string Key { get; set; } = "";

    /// <summary>Which button sent the form: <see cref="Approve"/> or <see cref="Reject"/>.</summary>
    public string? Decision { get; set; }

    public string? Reason { get; set; }
}
