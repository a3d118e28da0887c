using FundManager.Tests.Infrastructure;

namespace FundManager.Tests.Cli;

/// <summary><c>fundmanager users add|list|disable</c>, run as the real program.</summary>
public sealed class UserVerbTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_first_administrator_is_added_listed_and_disabled_from_the_command_line()
    {
        var add = await ProgramRunner.FundManagerAsync("users", "add", "--email", "First.Admin@Example.org", "--role", "admin", "--password", "a-long-enough-secret", "--database", db.ConnectionString);
        Assert.Equal(0, add.ExitCode);

        var shortPassword = await ProgramRunner.FundManagerAsync("users", "add", "--email", "b@example.org", "--role", "admin", "--password", "short", "--database", db.ConnectionString);
        Assert.Equal(2, shortPassword.ExitCode);
        Assert.Contains("12 to 200 characters", shortPassword.Stderr, StringComparison.Ordinal);
        var donorWithoutDonor = await ProgramRunner.FundManagerAsync("users", "add", "--email", "d@example.org", "--role", "donor", "--password", "a-long-enough-secret", "--database", db.ConnectionString);
        Assert.Equal(2, donorWithoutDonor.ExitCode);
        var again = await ProgramRunner.FundManagerAsync("users", "add", "--email", "first.admin@example.org", "--role", "board", "--password", "a-long-enough-secret", "--database", db.ConnectionString);
        Assert.Equal(2, again.ExitCode);

        var list = await ProgramRunner.FundManagerAsync("users", "list", "--database", db.ConnectionString);
        Assert.Equal("first.admin@example.org\tadmin\t-\tactive", list.Stdout.Trim());

        Assert.Equal(0, (await ProgramRunner.FundManagerAsync("users", "disable", "--email", "first.admin@example.org", "--database", db.ConnectionString)).ExitCode);
        Assert.EndsWith("disabled", (await ProgramRunner.FundManagerAsync("users", "list", "--database", db.ConnectionString)).Stdout.Trim(), StringComparison.Ordinal);
        Assert.Equal(2, (await ProgramRunner.FundManagerAsync("users", "disable", "--email", "nobody@example.org", "--database", db.ConnectionString)).ExitCode);
    }
}
