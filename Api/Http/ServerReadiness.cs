namespace FundManager.Api.Http;

/// <summary>
/// Whether the server is ready for users: the program holds it while it loads what it was asked to (the demo data of
/// <c>serve --demo</c>), so that <c>/health/ready</c> does not answer ready before the demo users exist.
/// </summary>
public sealed class ServerReadiness
{
    /// <summary>Why the server is not ready yet, or null when it is.</summary>
    public string? HeldFor { get; private set; }

    public void Hold(string reason) => HeldFor = reason;

    public void Release() => HeldFor = null;
}
