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
        var inviteEmail = new Option<string>("--email") { Description = "The person's email address.", Required = true };
        var inviteRole = new Option<string>("--role") { Description = "admin, editor or member.", Required = true };
        inviteRole.AcceptOnlyFromAmong([.. Roles.All]);
        var inviteBody = new Option<string?>("--body") { Description = "Body code: the committee of a member, or the body an editor edits (default: all)." };
        var inviteLanguage = new Option<string?>("--language") { Description = "fr or en: the language of the invitation (default: fr)." };
        var invite = new Command("invite", "Invite a person by email: a single-use link, valid 7 days, to set a password.")
        {
            inviteEmail, inviteRole, inviteBody, name, inviteLanguage,
        };
        invite.SetAction(async (result, cancellationToken) =>
        {
            var language = cli.LanguageOf(result);
            return await cli.WithServicesAsync(result, async services =>
            {
                var outcome = await services.GetRequiredService<InviteUser.Handler>().HandleAsync(new InviteUser.Command(
                    result.GetValue(inviteEmail)!, result.GetValue(inviteRole)!, result.GetValue(inviteBody), result.GetValue(name),
                    result.GetValue(inviteLanguage), "http://localhost:5080"), cancellationToken);
                if (!outcome.Succeeded)
                {
                    foreach (var problem in outcome.Problems)
                    {
                        await cli.Error.WriteLineAsync(problem.For(language).Text);
                    }

                    return WpCli.Failed;
                }

                var invited = outcome.Value!;
                if (invited.Queued)
                {
                    await cli.Output.WriteLineAsync(Say(language,
                        $"Invitation pour {invited.Email} en file d’envoi ; l’application web l’envoie. Le lien expire le {invited.ExpiresAt:yyyy-MM-dd HH:mm} UTC.",
                        $"Invitation for {invited.Email} queued; the web app sends it. The link expires on {invited.ExpiresAt:yyyy-MM-dd HH:mm} UTC."));
                }
                else
                {
                    // E-mail is off: the operator passes the link on (it is shown once; only its hash is stored).
                    await cli.Output.WriteLineAsync(Say(language,
                        $"L’envoi de courriels n’est pas configuré. Transmettez ce lien à {invited.Email} (une seule fois, jusqu’au {invited.ExpiresAt:yyyy-MM-dd HH:mm} UTC) :",
                        $"Email is off. Pass this link on to {invited.Email} (works once, until {invited.ExpiresAt:yyyy-MM-dd HH:mm} UTC):"));
                    await cli.Output.WriteLineAsync(invited.Link);
                }

                return WpCli.Success;
            });
        });
        return new Command("user", "Manage users.") { add, invite };
    }
}
