using System.CommandLine;
using FundManager.Api.Identity;

namespace FundManager.Api.Cli;

/// <summary><c>users add|list|disable</c>: the first administrator is made here, never by a default password.</summary>
public static class UserVerbs
{
    public static Command Build()
    {
        var users = new Command("users", "Manage the people who use the API.");
        users.Subcommands.Add(Add());
        users.Subcommands.Add(List());
        users.Subcommands.Add(Disable());
        return users;
    }

    private static Command Add()
    {
        var email = new Option<string>("--email") { Description = "The user's e-mail address, used to log in.", Required = true };
        var roles = new Option<string[]>("--role") { Description = $"A role ({string.Join(", ", Role.All)}); repeat for several.", Required = true, AllowMultipleArgumentsPerToken = true };
        var donor = new Option<Guid?>("--donor") { Description = "For a donor user: the id of the donor they speak for." };
        var password = new Option<string?>("--password") { Description = $"{UserStore.MinPasswordLength} to {UserStore.MaxPasswordLength} characters. Without it, the password is read from standard input." };
        var command = new Command("add", "Add a user.") { email, roles, donor, password };
        command.SetAction((parse, ct) => CliDatabase.RunAsync(parse, async system =>
        {
            var secret = parse.GetValue(password) ?? (await Console.In.ReadLineAsync(ct))?.Trim()
                ?? throw new CliUsageException("Give --password or the password on standard input.");
            var store = new UserStore(system.DataSource, system.Clock);
            await store.AddAsync(parse.GetValue(email)!, secret, parse.GetValue(roles)!, parse.GetValue(donor), ct);
            Console.WriteLine($"User {parse.GetValue(email)!.Trim().ToLowerInvariant()} added.");
            return 0;
        }, ct));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the users, their roles and state.");
        command.SetAction((parse, ct) => CliDatabase.RunAsync(parse, async system =>
        {
            foreach (var user in await new UserStore(system.DataSource, system.Clock).ListAsync(ct))
            {
                var view = Http.Endpoints.UserView.Of(user, system.Clock.GetUtcNow());
                Console.WriteLine($"{view.Email}\t{string.Join(',', view.Roles)}\t{view.Donor?.ToString() ?? "-"}\t{view.State}");
            }

            return 0;
        }, ct));
        return command;
    }

    private static Command Disable()
    {
        var email = new Option<string>("--email") { Description = "The user to disable.", Required = true };
        var command = new Command("disable", "Disable a user: they can no longer log in or use their tokens.") { email };
        command.SetAction((parse, ct) => CliDatabase.RunAsync(parse, async system =>
        {
            if (!await new UserStore(system.DataSource, system.Clock).DisableAsync(parse.GetValue(email)!, ct))
            {
                throw new CliUsageException($"There is no user {parse.GetValue(email)}.");
            }

            Console.WriteLine("User disabled.");
            return 0;
        }, ct));
        return command;
    }
}
