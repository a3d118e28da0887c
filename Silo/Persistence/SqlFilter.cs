using Npgsql;
using NpgsqlTypes;

namespace FundManager.Persistence;

/// <summary>
/// Builds a query's WHERE clause from the filters a caller gave: a filter left null adds nothing, so each
/// combination is its own prepared statement whose plan can use the index that fits it.
/// </summary>
public sealed class SqlFilter(NpgsqlCommand command)
{
    private readonly List<string> _conditions = [];

    /// <summary>Adds <paramref name="condition"/>, with <c>{value}</c> standing for the value, unless the value is null.</summary>
    public SqlFilter Where(string condition, object? value, NpgsqlDbType type)
    {
        if (value is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
            _conditions.Add(condition.Replace("{value}", "$" + command.Parameters.Count, StringComparison.Ordinal));
        }

        return this;
    }

    /// <summary>Adds a value with no condition (for LIMIT) and returns its placeholder.</summary>
    public string Parameter(object value)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value });
        return "$" + command.Parameters.Count;
    }

    public override string ToString() => _conditions.Count == 0 ? "true" : string.Join(" and ", _conditions);
}
