using FundManager.Common;
using FundManager.Persistence;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace FundManager.Api.Identity;

/// <summary>
/// Users in PostgreSQL, passwords hashed by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>.
/// After <see cref="MaxFailedLogins"/> wrong passwords in a row an account is locked for <see cref="LockoutDuration"/>.
/// </summary>
public sealed class UserStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const int MaxFailedLogins = 5;
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 200;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    /// <summary>How long a token check may rely on what it last read of a user (another process's logout takes at most this long to bite).</summary>
    public static readonly TimeSpan TokenCheckFreshness = TimeSpan.FromSeconds(1);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (UserAccount? User, DateTimeOffset ReadAt)> _recent = new(StringComparer.Ordinal);

    /// <summary>The user as a token check needs it: read at most <see cref="TokenCheckFreshness"/> ago.</summary>
    public async Task<UserAccount?> FindForTokenCheckAsync(string email, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (_recent.TryGetValue(email, out var recent) && now - recent.ReadAt < TokenCheckFreshness)
        {
            return recent.User;
        }

        var user = await FindAsync(email, ct);
        _recent[email] = (user, now);
        return user;
    }

    /// <summary>Adds a user; refuses a duplicate e-mail, unknown roles, a short password, or a donor role without exactly one existing donor.</summary>
    public async Task AddAsync(string email, string password, IReadOnlyList<string> roles, Guid? donorId, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await InsertAsync(connection, null, email, password, roles, donorId, ct);
    }

    /// <summary>
    /// Adds a user once per command id: sent again, the command returns its first result (the password is not part of
    /// what is compared, so that no trace of it is kept in the command log).
    /// </summary>
    public Task<CommandResult> AddAsync(NewUser user, CommandContext context, CancellationToken ct = default) =>
        CommandLog.RunOnceAsync(dataSource, clock, context, "AddUser", user with { Password = "" }, async (connection, tx) =>
        {
            var email = await InsertAsync(connection, tx, user.Email, user.Password, user.Roles, user.Donor, ct);
            return new CommandResult(StreamOf(email), 1);
        }, ct);

    /// <summary>Disables a user once per command id; a user that does not exist is <see cref="BusinessRule.EntityNotFound"/>.</summary>
    public Task<CommandResult> DisableAsync(string email, CommandContext context, CancellationToken ct = default) =>
        CommandLog.RunOnceAsync(dataSource, clock, context, "DisableUser", new { Email = email.Trim().ToLowerInvariant() }, async (connection, tx) =>
        {
            var normalised = email.Trim().ToLowerInvariant();
            return await DisableAsync(connection, tx, normalised, ct)
                ? new CommandResult(StreamOf(normalised), 1)
                : throw RuleViolation.Of(BusinessRule.EntityNotFound, $"There is no user {normalised}.", "email");
        }, ct);

    /// <summary>
    /// Replaces a user's roles once per command id, and ends every token and cookie issued to them until now (theirs
    /// carry the old roles): they sign in again with the new ones. A donor user keeps the donor role, and only a donor
    /// user has it; a user that does not exist is <see cref="BusinessRule.EntityNotFound"/>.
    /// </summary>
    public Task<CommandResult> ChangeRolesAsync(string email, IReadOnlyList<string> roles, CommandContext context, CancellationToken ct = default) =>
        CommandLog.RunOnceAsync(dataSource, clock, context, "ChangeUserRoles", new { Email = email.Trim().ToLowerInvariant(), Roles = roles }, async (connection, tx) =>
        {
            var normalised = email.Trim().ToLowerInvariant();
            RequireRoles(roles);
            await using var find = new NpgsqlCommand("select donor_id is not null from users where email = $1 for update", connection, tx);
            find.Parameters.Add(new() { Value = normalised });
            var isDonor = await find.ExecuteScalarAsync(ct) as bool? ?? throw RuleViolation.Of(BusinessRule.EntityNotFound, $"There is no user {normalised}.", "email");
            if (roles.Contains(Role.Donor) != isDonor)
            {
                throw RuleViolation.Of(BusinessRule.InvalidInput, "A donor user keeps the donor role, and only a donor user has it.", "roles");
            }

            await using var update = new NpgsqlCommand("update users set roles = $2, tokens_revoked_at = $3 where email = $1", connection, tx);
            update.Parameters.Add(new() { Value = normalised });
            update.Parameters.Add(new() { Value = roles.Distinct().ToArray() });
            update.Parameters.Add(new() { Value = clock.GetUtcNow() });
            await update.ExecuteNonQueryAsync(ct);
            _recent.TryRemove(normalised, out _);
            return new CommandResult(StreamOf(normalised), 1);
        }, ct);

    private static string StreamOf(string email) => "user/" + email;

    private static void RequireRoles(IReadOnlyList<string>? roles)
    {
        if (roles is null || roles.Count == 0 || roles.Any(r => !Role.All.Contains(r)))
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, $"Roles are some of: {string.Join(", ", Role.All)}.", "roles");
        }
    }

    private async Task<string> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, string email, string password, IReadOnlyList<string> roles, Guid? donorId, CancellationToken ct)
    {
        var normalised = NormaliseEmail(email);
        RequireRoles(roles);

        if (roles.Contains(Role.Donor) != donorId.HasValue)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "A donor user is linked to exactly one donor, and only a donor user is.", "donor");
        }

        if (password is null || password.Length < MinPasswordLength || password.Length > MaxPasswordLength)
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, $"A password has {MinPasswordLength} to {MaxPasswordLength} characters.", "password");
        }

        if (donorId is { } donor)
        {
            await using var exists = new NpgsqlCommand("select exists (select 1 from streams where id = $1)", connection, tx);
            exists.Parameters.Add(new() { Value = $"donor/{donor:D}" });
            if (!(bool)(await exists.ExecuteScalarAsync(ct))!)
            {
                throw RuleViolation.Of(BusinessRule.EntityNotFound, $"There is no donor {donor}.", "donor");
            }
        }

        var account = new UserAccount(normalised, "", roles.Distinct().ToList(), donorId, false, 0, null, clock.GetUtcNow());
        await using var insert = new NpgsqlCommand(
            "insert into users (email, password_hash, roles, donor_id, created_at) values ($1, $2, $3, $4, $5) on conflict (email) do nothing", connection, tx);
        insert.Parameters.Add(new() { Value = normalised });
        insert.Parameters.Add(new() { Value = Hasher.HashPassword(account, password) });
        insert.Parameters.Add(new() { Value = account.Roles.ToArray() });
        insert.Parameters.Add(new() { Value = (object?)donorId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        insert.Parameters.Add(new() { Value = account.CreatedAt });
        return await insert.ExecuteNonQueryAsync(ct) == 1
            ? normalised
            : throw RuleViolation.Of(BusinessRule.EntityAlreadyExists, $"A user {normalised} already exists.", "email");
    }

    public async Task<UserAccount?> FindAsync(string email, CancellationToken ct = default)
    {
        if (!Text.IsStorable(email))
        {
            // No e-mail address holds such characters, so no user has it.
            return null;
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "select email, password_hash, roles, donor_id, disabled, failed_logins, locked_until, created_at, tokens_revoked_at from users where email = $1", connection);
        cmd.Parameters.Add(new() { Value = email.Trim().ToLowerInvariant() });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "select email, password_hash, roles, donor_id, disabled, failed_logins, locked_until, created_at, tokens_revoked_at from users order by email", connection);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var users = new List<UserAccount>();
        while (await reader.ReadAsync(ct))
        {
            users.Add(Read(reader));
        }

        return users;
    }

    public async Task<bool> DisableAsync(string email, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await DisableAsync(connection, null, email.Trim().ToLowerInvariant(), ct);
    }

    private async Task<bool> DisableAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string email, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("update users set disabled = true, tokens_revoked_at = $2 where email = $1", connection, tx);
        cmd.Parameters.Add(new() { Value = email });
        cmd.Parameters.Add(new() { Value = clock.GetUtcNow() });
        var disabled = await cmd.ExecuteNonQueryAsync(ct) == 1;
        _recent.TryRemove(email, out _);
        return disabled;
    }

    /// <summary>Invalidates every token issued to the user until now (logout).</summary>
    public async Task RevokeTokensAsync(string email, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("update users set tokens_revoked_at = $2 where email = $1", connection);
        cmd.Parameters.Add(new() { Value = email.Trim().ToLowerInvariant() });
        cmd.Parameters.Add(new() { Value = clock.GetUtcNow() });
        await cmd.ExecuteNonQueryAsync(ct);
        _recent.TryRemove(email.Trim().ToLowerInvariant(), out _);
    }

    /// <summary>Checks a password; counts failures, locks after too many, and resets the count on success. Null when refused.</summary>
    public async Task<UserAccount?> VerifyAsync(string email, string password, CancellationToken ct = default)
    {
        var user = await FindAsync(email, ct);
        var now = clock.GetUtcNow();
        if (user is null || user.Disabled || user.IsLocked(now))
        {
            // Hash anyway, so that an unknown e-mail takes as long as a wrong password.
            Hasher.VerifyHashedPassword(new UserAccount("", "", [], null, false, 0, null, now), DummyHash, password);
            return null;
        }

        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (result == PasswordVerificationResult.Failed)
        {
            await using var fail = new NpgsqlCommand("""
                update users set failed_logins = failed_logins + 1,
                    locked_until = case when failed_logins + 1 >= $2 then $3 else locked_until end
                where email = $1
                """, connection);
            fail.Parameters.Add(new() { Value = user.Email });
            fail.Parameters.Add(new() { Value = MaxFailedLogins });
            fail.Parameters.Add(new() { Value = now + LockoutDuration });
            await fail.ExecuteNonQueryAsync(ct);
            return null;
        }

        await using var ok = new NpgsqlCommand("update users set failed_logins = 0, locked_until = null where email = $1", connection);
        ok.Parameters.Add(new() { Value = user.Email });
        await ok.ExecuteNonQueryAsync(ct);
        return user with { FailedLogins = 0, LockedUntil = null };
    }

    private static readonly string DummyHash = Hasher.HashPassword(new UserAccount("", "", [], null, false, 0, null, DateTimeOffset.UnixEpoch), "not a real password");

    private static string NormaliseEmail(string email)
    {
        var value = Text.Check(email, "email", 254, allowLineBreaks: false).ToLowerInvariant();
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1 || value.Any(char.IsWhiteSpace))
        {
            throw RuleViolation.Of(BusinessRule.InvalidInput, "An e-mail address looks like name@example.org.", "email");
        }

        return value;
    }

    private static UserAccount Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetFieldValue<string[]>(2),
        reader.IsDBNull(3) ? null : reader.GetGuid(3),
        reader.GetBoolean(4),
        reader.GetInt32(5),
        reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
        reader.GetFieldValue<DateTimeOffset>(7),
        reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8));
}
