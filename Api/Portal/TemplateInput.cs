namespace FundManager.Api.Portal;

/// <summary>An administrator's template editor: the text, why it changes, and the version it was started from.</summary>
public sealed class TemplateInput
{
    public const string Preview = "preview";
    public const string Save = "save";

    public string Key { get; set; } = "";

    public string? Text { get; set; }

    public string? Reason { get; set; }

    /// <summary>The version the editor was opened on: saving over a later one is refused.</summary>
    public int BasedOn { get; set; }

    /// <summary>Which button sent the form: <see cref="Preview"/> or <see cref="Save"/>.</summary>
    public string? Action { get; set; }
}
