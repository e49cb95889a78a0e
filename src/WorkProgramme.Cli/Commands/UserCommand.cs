using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary>
/// <c>wp user add --email … --role admin|editor|member [--body CODE] [--password …]</c>; <c>wp user list</c>;
/// <c>wp user set --email … [--role …] [--body CODE | --all-bodies]</c>; <c>wp user deactivate|reactivate --email …</c>.
/// </summary>
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
        return new Command("user", "Manage users.") { add, invite, List(cli), Set(cli), ChangeState(cli, active: false), ChangeState(cli, active: true) };
    }

    private static Command List(CliContext cli)
    {
        var role = new Option<string?>("--role") { Description = "Only users of this role." };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var body = new Option<string?>("--body") { Description = "Only users of this body." };
        var state = new Option<string?>("--state") { Description = "active or deactivated." };
        state.AcceptOnlyFromAmong("active", "deactivated");
        var list = new Command("list", "List users: role, body, state, last sign-in.") { role, body, state };
        list.SetAction((result, cancellationToken) => cli.WithServicesAsync(result, async services =>
        {
            var language = cli.LanguageOf(result);
            var active = result.GetValue(state) switch { "active" => true, "deactivated" => (bool?)false, _ => null };
            var rows = await services.GetRequiredService<UserDirectory.Handler>().ListAsync(
                new UserDirectory.Query(result.GetValue(role), result.GetValue(body), active), cancellationToken);
            foreach (var row in rows)
            {
                var lastSignIn = row.LastSignInAt is { } at
                    ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC"
                    : Say(language, "jamais connecté", "never signed in");
                await cli.Output.WriteLineAsync(string.Join("  ", row.Email, RoleWord(row.Role, language),
                    row.BodyCode ?? Say(language, "tous les organes", "all bodies"), StateWord(row.Active, language), lastSignIn));
            }

            await cli.Error.WriteLineAsync(Say(language, $"{rows.Count} utilisateur{(rows.Count == 1 ? "" : "s")}.",
                $"{rows.Count} user{(rows.Count == 1 ? "" : "s")}."));
            return WpCli.Success;
        }));
        return list;
    }

    private static Command Set(CliContext cli)
    {
        var email = new Option<string>("--email") { Description = "The user's email address.", Required = true };
        var role = new Option<string?>("--role") { Description = "The new role: admin, editor or member." };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var body = new Option<string?>("--body") { Description = "The new body code." };
        var allBodies = new Option<bool>("--all-bodies") { Description = "No body: an editor of every body, or an administrator." };
        var set = new Command("set", "Change a user's role or body.") { email, role, body, allBodies };
        set.SetAction((result, cancellationToken) => EditAsync(cli, result, email, (row, language) =>
        {
            if (result.GetValue(body) is not null && result.GetValue(allBodies))
            {
                return (null, Say(language, "Choisissez --body ou --all-bodies, pas les deux.", "Give --body or --all-bodies, not both."));
            }

            var newBody = result.GetValue(allBodies) ? null : result.GetValue(body) ?? row.BodyCode;
            return ((result.GetValue(role) ?? row.Role ?? Roles.Member, newBody, row.Active), null);
        }, cancellationToken));
        return set;
    }

    private static Command ChangeState(CliContext cli, bool active)
    {
        var email = new Option<string>("--email") { Description = "The user's email address.", Required = true };
        var command = active
            ? new Command("reactivate", "Let a deactivated user sign in again.") { email }
            : new Command("deactivate", "Stop a user from signing in; their sessions and API tokens stop working. Never deletes them.") { email };
        command.SetAction((result, cancellationToken) =>
            EditAsync(cli, result, email, (row, _) => ((row.Role ?? Roles.Member, row.BodyCode, active), null), cancellationToken));
        return command;
    }

    /// <summary>Reads the user, applies the change on top of the version just read, and says what happened or why not.</summary>
    private static Task<int> EditAsync(CliContext cli, ParseResult result, Option<string> email,
        Func<UserDirectory.Row, Language, ((string Role, string? Body, bool Active)? Change, string? Usage)> change, CancellationToken cancellationToken) =>
        cli.WithServicesAsync(result, async services =>
        {
            var language = cli.LanguageOf(result);
            var address = result.GetValue(email)!;
            var row = await services.GetRequiredService<UserDirectory.Handler>().FindByEmailAsync(address, cancellationToken);
            if (row is null)
            {
                await cli.Error.WriteLineAsync(Say(language, $"Aucun utilisateur {address}.", $"No user {address}."));
                return WpCli.Usage;
            }

            var (wanted, usage) = change(row, language);
            if (wanted is not { } target)
            {
                await cli.Error.WriteLineAsync(usage);
                return WpCli.Usage;
            }

            var edited = await services.GetRequiredService<EditUser.Handler>().HandleAsync(
                new EditUser.Command(Viewer.Operator, row.Id, target.Role, target.Body, target.Active, row.Version), cancellationToken);
            if (!edited.Succeeded)
            {
                foreach (var problem in edited.Failure!.Messages.Count == 0
                             ? [new BilingualText("L’utilisateur a été modifié entre-temps : recommencez.", "The user was changed in the meantime: try again.")]
                             : edited.Problems)
                {
                    await cli.Error.WriteLineAsync(problem.For(language).Text);
                }

                return WpCli.Failed;
            }

            await cli.Output.WriteLineAsync(Say(language,
                $"{address} : {RoleWord(target.Role, language)}, {target.Body ?? "tous les organes"}, {StateWord(target.Active, language)}.",
                $"{address}: {RoleWord(target.Role, language)}, {target.Body ?? "all bodies"}, {StateWord(target.Active, language)}."));
            return WpCli.Success;
        });

    private static string RoleWord(string? role, Language language) => role switch
    {
        Roles.Admin => Say(language, "administrateur", "administrator"),
        Roles.Editor => Say(language, "rédacteur", "editor"),
        Roles.Member => Say(language, "membre", "member"),
        _ => Say(language, "sans rôle", "no role"),
    };

    private static string StateWord(bool active, Language language) =>
        active ? Say(language, "actif", "active") : Say(language, "désactivé", "deactivated");
}
