using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Notices;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary>
/// <c>wp reminders send [--dry-run]</c>: queues today's round reminders, as the web app's reminder service does each
/// tick (for an operator or a cron job); never twice for the same round, person and day (docs/decisions/0036).
/// </summary>
public static class RemindersCommand
{
    public static Command Create(CliContext cli)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Only list the reminders that would be queued." };
        var send = new Command("send", "Queue today's round reminders (the running web app sends them).") { dryRun };
        send.SetAction((result, cancellationToken) => cli.WithServicesAsync(result, async services =>
        {
            var language = cli.LanguageOf(result);
            var dry = result.GetValue(dryRun);
            var outcome = await services.GetRequiredService<SendReminders.Handler>().RunAsync(dry, cancellationToken);
            if (!outcome.MailConfigured)
            {
                await cli.Output.WriteLineAsync(Say(language, "L’envoi de courriels n’est pas configuré (Email:Smtp:Host, Email:From) : aucun rappel.",
                    "Email is off (Email:Smtp:Host, Email:From): no reminders."));
                return WpCli.Success;
            }

            foreach (var notice in outcome.Queued)
            {
                var kind = notice.Kind == NoticeKind.RoundReminder ? Say(language, "rappel", "reminder") : Say(language, "avancement", "progress");
                await cli.Output.WriteLineAsync(string.Join('\t', kind, notice.To, notice.Slug, notice.SessionKey,
                    notice.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), notice.Reports));
            }

            var count = outcome.Queued.Count;
            await cli.Output.WriteLineAsync(dry
                ? Say(language, $"À envoyer : {count} · Déjà envoyés : {outcome.AlreadySent} (rien n’a été mis en file)",
                    $"To send: {count} · Already sent: {outcome.AlreadySent} (nothing queued)")
                : Say(language, $"Mis en file : {count} · Déjà envoyés : {outcome.AlreadySent}", $"Queued: {count} · Already sent: {outcome.AlreadySent}"));
            return WpCli.Success;
        }));
        return new Command("reminders", "Round reminders by e-mail.") { send };
    }
}
