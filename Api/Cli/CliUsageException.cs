namespace FundManager.Api.Cli;

/// <summary>An option's value that the command line cannot use; reported as a message and exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
