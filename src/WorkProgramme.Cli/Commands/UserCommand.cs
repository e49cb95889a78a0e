using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary><c>wp user add --email … --role admin|editor|member [--body CODE] [--password …]</c></summary>
public static class UserCommand
{
    public static Command Create(CliContext cli)
    {
        var email = new Option<string>("--email") { Description = "The user's email address (the sign-in name).", Required = true };
        var role = new Option<string>("--role") { Description = "admin, editor or member.", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var body = new Option<string?>("--body") { Description = "Body code: the committee of a member, or the body an editor edits (default: all)." };
        var password = new Option<string?>("--password") { Description = "At least 12 characters; without it a password is generated and printed." };
        var name = new Option<string?>("--name") { Description = "Display name." };
        var unit = new Option<string?>("--unit") { Description = "Secretariat unit of an officer." };
        var add = new Command("add", "Create a user with a role (the first administrator too).") { email, role, body, password, name, unit };
        add.SetAction(async (result, cancellationToken) =>
        {
            var language = cli.LanguageOf(result);
            return await cli.WithServicesAsync(result, async services =>
            {
                var outcome = await services.GetRequiredService<AddUser.Handler>().HandleAsync(new AddUser.Command(
                    result.GetValue(email)!, result.GetValue(role)!, result.GetValue(body), result.GetValue(password),
                    result.GetValue(name), result.GetValue(unit)), cancellationToken);
                if (!outcome.Succeeded)
                {
                    foreach (var problem in outcome.Problems)
                    {
                        await cli.Error.WriteLineAsync(problem.For(language).Text);
                    }

                    return WpCli.Failed;
                }

                await cli.Output.WriteLineAsync(Say(language, $"Utilisateur {result.GetValue(email)} créé ({result.GetValue(role)}).",
                    $"User {result.GetValue(email)} created ({result.GetValue(role)})."));
                if (outcome.GeneratedPassword is { } generated)
                {
                    await cli.Output.WriteLineAsync(Say(language, $"Mot de passe (affiché une seule fois) : {generated}",
                        $"Password (shown once): {generated}"));
                }

                return WpCli.Success;
            });
        });
        return new Command("user", "Manage users.") { add };
    }
}
