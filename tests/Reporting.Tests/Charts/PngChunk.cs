namespace FundManager.Reporting.Tests.Charts;

/// <summary>One chunk as stored, with the CRC it carries and the CRC its type and data actually have.</summary>
internal sealed record PngChunk(string Type, byte[] Data, uint StoredCrc, uint ComputedCrc);
