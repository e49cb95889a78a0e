using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Mail;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary><c>wp mail status [--state queued|sent|failed]</c>: the outbox, as the admin page shows it.</summary>
public static class MailCommand
{
    public static Command Create(CliContext cli)
    {
        var state = new Option<string?>("--state") { Description = "Only messages in this state: queued, sent or failed." };
        state.AcceptOnlyFromAmong("queued", "sent", "failed");
        var status = new Command("status", "List queued, sent and failed messages, newest first.") { state };
        status.SetAction((result, cancellationToken) => cli.WithServicesAsync(result, async services =>
        {
            var language = cli.LanguageOf(result);
            OutboxState? only = result.GetValue(state) is { } chosen ? Enum.Parse<OutboxState>(chosen, ignoreCase: true) : null;
            var outbox = await services.GetRequiredService<MailStatus.Handler>().HandleAsync(new MailStatus.Query(only), cancellationToken);
            if (!outbox.MailConfigured)
            {
                await cli.Output.WriteLineAsync(Say(language, "L’envoi de courriels n’est pas configuré (Email:Smtp:Host, Email:From).",
                    "Email is off (Email:Smtp:Host, Email:From)."));
            }

            foreach (var row in outbox.Rows)
            {
                var when = row.SentAt ?? row.CreatedAt;
                await cli.Output.WriteLineAsync(string.Join('\t', row.Id, Words(row.State, language), Words(row.Kind, language), row.To,
                    when.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), row.Attempts, row.LastError ?? "-"));
            }

            await cli.Output.WriteLineAsync(Say(language,
                $"En attente : {outbox.Queued} · Envoyés : {outbox.Sent} · En échec : {outbox.Failed}",
                $"Queued: {outbox.Queued} · Sent: {outbox.Sent} · Failed: {outbox.Failed}"));
            return WpCli.Success;
        }));
        return new Command("mail", "The e-mail outbox.") { status };
    }

    private static string Words(OutboxState state, Domain.Common.Language language) => state switch
    {
        OutboxState.Queued => Say(language, "en attente", "queued"),
        OutboxState.Sent => Say(language, "envoyé", "sent"),
        _ => Say(language, "en échec", "failed"),
    };

    private static string Words(MailKind kind, Domain.Common.Language language) => kind switch
    {
        MailKind.Invitation => "invitation",
        MailKind.RoundReminder => Say(language, "rappel de rapports", "report reminder"),
        MailKind.RoundProgress => Say(language, "avancement du cycle", "round progress"),
        MailKind.SessionDigest => Say(language, "résumé de session", "session digest"),
        MailKind.CommentNotice => Say(language, "nouveau commentaire", "new comment"),
        _ => Say(language, "nouveau mot de passe", "password reset"),
    };
}
