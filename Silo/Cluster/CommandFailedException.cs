namespace FundManager.Cluster;

/// <summary>
/// The database refused a command's write for a reason no business rule names (a constraint the program does not
/// expect to meet, a record that cannot be written): a fault, not a refusal. Nothing was written.
/// </summary>
public sealed class CommandFailedException(string detail) : Exception($"The database refused the command, and nothing was written: {detail}");
