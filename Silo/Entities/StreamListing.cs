namespace FundManager.Entities;

/// <summary>One entity as lists see it: its stream, its version and its listing, without its history.</summary>
public sealed record StreamListing(StreamId Stream, long Version, FundManager.Funds.FundCode? Fund, Listing Listing);
