namespace FundManager.Entities;

/// <summary>What every entity tells about itself without its events: whether it exists and its version.</summary>
public interface IVersioned
{
    long Version { get; }

    bool Exists { get; }
}
