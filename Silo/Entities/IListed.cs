namespace FundManager.Entities;

/// <summary>An entity that tells lists what to filter it by (see <see cref="Listing"/>).</summary>
public interface IListed : IVersioned
{
    Listing Listing { get; }
}
