using System.Text.Json;
using FundManager.Persistence.Json;
using Orleans.Storage;

namespace FundManager.Api.Cluster;

/// <summary>
/// Grain state in Orleans' grain storage (reminder items, donation sessions) as JSON with the same options as stored
/// events and command results: one format for everything FundManager keeps, readable with psql.
/// </summary>
public sealed class JsonGrainState : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, StoredJson.Options));

    public T? Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToMemory().Span, StoredJson.Options);
}
