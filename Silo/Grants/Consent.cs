namespace FundManager.Grants;

/// <summary>The consent of the State concerned: the reference of its letter or note verbale, and the date given.</summary>
public sealed record Consent(string Reference, DateOnly GivenOn);
