namespace FundManager.Api.Portal;

/// <summary>The portal's one stylesheet, embedded in the program and served by it (no outside host is ever asked).</summary>
public static class PortalStyles
{
    public const string Path = "/portal.css";

    public static string Css { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(PortalStyles).Assembly.GetManifestResourceStream("FundManager.Api.Portal.portal.css")
            ?? throw new InvalidOperationException("The portal's stylesheet is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
