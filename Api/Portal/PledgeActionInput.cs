namespace FundManager.Api.Portal;

/// <summary>An officer's decision on a pledge from its page: sign it, or cancel or write it off with a reason.</summary>
public sealed class PledgeActionInput
{
    public const string Sign = "sign";
    public const string Cancel = "cancel";
    public const string WriteOff = "write-off";

    public string Key { get; set; } = "";

    /// <summary>Which button sent the form: <see cref="Sign"/>, <see cref="Cancel"/> or <see cref="WriteOff"/>.</summary>
    public string? Action { get; set; }

    public string? AgreementReference { get; set; }

    public string? Reason { get; set; }
}
