using System.Net.Sockets;
using Npgsql;

namespace FundManager.Api.Database;

/// <summary>
/// The database cannot be reached or started: its PostgreSQL programs are missing, or the private server would not
/// start. With <see cref="Is"/>, the one kind of failure the command line reports as the environment's (exit 3).
/// </summary>
public sealed class DatabaseUnavailableException(string message) : Exception(message)
{
    /// <summary>
    /// Whether <paramref name="error"/> says the database is unavailable: this exception; a connection that failed
    /// (Npgsql's own, a socket's); or the server refusing the connection itself (SQLSTATE classes 08 connection, 28
    /// authorisation, 3D no such database, 57P the server shutting down or starting). An error of a statement, of the
    /// program, or of the data is not.
    /// </summary>
    public static bool Is(Exception error) => error switch
    {
        DatabaseUnavailableException or SocketException => true,
        PostgresException server => server.SqlState.StartsWith("08", StringComparison.Ordinal) || server.SqlState.StartsWith("28", StringComparison.Ordinal)
            || server.SqlState.StartsWith("3D", StringComparison.Ordinal) || server.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException => true,
        _ => false,
    };
}
