using WorkProgramme.Application.Features.Notices;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// Queues the round reminders (docs/decisions/0036): at start, then every <c>Reminders:TickMinutes</c> (60) on the app's
/// <see cref="TimeProvider"/>, so a test moves it with a fake clock. Off without e-mail or with
/// <c>Reminders:Enabled=false</c>. Several instances may run it: the ledger keeps each reminder single.
/// </summary>
internal sealed partial class ReminderService(IServiceScopeFactory scopes, ReminderSettings settings, Application.Features.Mail.MailSettings mail,
    TimeProvider clock, OutboxSignal signal, ILogger<ReminderService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!mail.IsConfigured || !settings.Enabled || settings.DaysBefore.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.Tick, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<SendReminders.Handler>().RunAsync(dryRun: false, stoppingToken);
                if (result.Queued.Count > 0)
                {
                    Queued(log, result.Queued.Count);
                    signal.Wake();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be away for a moment: the next tick tries again, and nothing was half-sent.
                TickFailed(log, exception);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Round reminders: {Count} queued.")]
    private static partial void Queued(ILogger logger, int count);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Round reminders: the tick failed; the next one tries again.")]
    private static partial void TickFailed(ILogger logger, Exception exception);
}
