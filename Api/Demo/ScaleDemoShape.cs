namespace FundManager.Api.Demo;

/// <summary>
/// The size of the scale demonstration fund: so many years from <see cref="FirstYear"/>, donors, grants a year (each
/// with its tranches), and instalments in each donor's yearly agreement (each paid on its day, so each is a receipt).
/// </summary>
public sealed record ScaleDemoShape(int FirstYear, int Years, int Donors, int GrantsPerYear, int TranchesPerGrant, int InstalmentsPerAgreement)
{
    /// <summary>20 years, 200 donors, 5,000 grants, 20,000 tranches, and over a million journal lines.</summary>
    public static ScaleDemoShape Large { get; } = new(2006, 20, 200, 250, 4, 60);

    public int LastYear => FirstYear + Years - 1;
}
