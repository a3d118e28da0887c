namespace FundManager.Api.Portal;

/// <summary>An officer's preparation of a grant's next tranche: the planned amount unless another is given.</summary>
public sealed class PrepareInput
{
    public string Key { get; set; } = "";

    public decimal? Amount { get; set; }
}
