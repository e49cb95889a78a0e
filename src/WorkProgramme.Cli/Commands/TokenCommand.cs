using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary><c>wp token create --email … --name …</c> prints a new API token once; <c>wp token revoke</c> ends it.</summary>
public static class TokenCommand
{
    public static Command Create(CliContext cli)
    {
        var email = new Option<string>("--email") { Description = "The token's owner.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for, e.g. \"nightly export\".", Required = true };
        var create = new Command("create", "Create an API token and print it once.") { email, name };
        create.SetAction((result, cancellationToken) => WithUserAsync(cli, result, email, async (services, user, language) =>
        {
            var created = await services.GetRequiredService<ApiTokens.Handler>()
                .CreateAsync(new ApiTokens.Create(user.Id, result.GetValue(name)!), cancellationToken);
            await cli.Output.WriteLineAsync(created.Secret);
            await cli.Error.WriteLineAsync(Say(language,
                "Conservez ce jeton : il ne sera plus affiché. Envoyez-le comme « Authorization: Bearer <jeton> ».",
                "Keep this token: it will not be shown again. Send it as 'Authorization: Bearer <token>'."));
            return WpCli.Success;
        }));

        var revoke = new Command("revoke", "Revoke a user's API token by name.") { email, name };
        revoke.SetAction((result, cancellationToken) => WithUserAsync(cli, result, email, async (services, user, language) =>
        {
            var handler = services.GetRequiredService<ApiTokens.Handler>();
            var token = (await handler.ListAsync(user.Id, cancellationToken)).FirstOrDefault(t => t.Name == result.GetValue(name) && t.RevokedAt is null);
            if (token is null || !await handler.RevokeAsync(user.Id, token.Id, cancellationToken))
            {
                await cli.Error.WriteLineAsync(Say(language, "Aucun jeton actif de ce nom.", "No active token with that name."));
                return WpCli.Usage;
            }

            await cli.Output.WriteLineAsync(Say(language, "Jeton révoqué.", "Token revoked."));
            return WpCli.Success;
        }));
        return new Command("token", "Manage API tokens.") { create, revoke };
    }

    private static Task<int> WithUserAsync(CliContext cli, ParseResult result, Option<string> email,
        Func<IServiceProvider, AppUser, WorkProgramme.Domain.Common.Language, Task<int>> work) =>
        cli.WithServicesAsync(result, async services =>
        {
            var language = cli.LanguageOf(result);
            var user = await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(result.GetValue(email)!);
            if (user is null)
            {
                await cli.Error.WriteLineAsync(Say(language, $"Aucun utilisateur {result.GetValue(email)}.", $"No user {result.GetValue(email)}."));
                return WpCli.Usage;
            }

            return await work(services, user, language);
        });
}
