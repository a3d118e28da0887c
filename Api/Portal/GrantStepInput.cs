namespace FundManager.Api.Portal;

/// <summary>
/// The step a grant waits for, taken from its page: the State's consent (its note's reference and date), submission,
/// review (with a note), or the Board's recommendation (the session).
/// </summary>
public sealed class GrantStepInput
{
    public string Key { get; set; } = "";

    public string? Reference { get; set; }

    public DateOnly? GivenOn { get; set; }

    public string? Note { get; set; }

    public string? BoardSession { get; set; }
}
