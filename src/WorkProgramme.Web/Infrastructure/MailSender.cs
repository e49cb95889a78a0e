using WorkProgramme.Application.Features.Mail;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// The outbox's sender in the web app (docs/decisions/0030): a pass every <c>Email:PollSeconds</c> (30 by default),
/// and at once when a page has just queued a message. Off when e-mail is not configured, or with
/// <c>Email:Sender:Enabled=false</c> (an instance that should only serve pages).
/// </summary>
public static class MailSender
{
    public static IServiceCollection AddWebMail(this IServiceCollection services)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddHostedService<OutboxSender>();
        services.AddHostedService<ReminderService>();
        return services;
    }
}

/// <summary>Wakes the sender: a page that queued a message does not wait for the next pass.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already awake.
            }
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => await signal.WaitAsync(timeout, cancellationToken);
}

internal sealed partial class OutboxSender(IServiceScopeFactory scopes, MailSettings settings, OutboxSignal signal, IConfiguration configuration,
    ILogger<OutboxSender> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.IsConfigured || !configuration.GetValue("Email:Sender:Enabled", true))
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue<int?>("Email:PollSeconds") ?? 30));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var summary = await scope.ServiceProvider.GetRequiredService<DeliverOutbox.Handler>().RunOnceAsync(stoppingToken);
                if (summary.Sent + summary.Retried + summary.Failed > 0)
                {
                    Delivered(log, summary.Sent, summary.Retried, summary.Failed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be away for a moment: the messages stay queued, the next pass tries again.
                PassFailed(log, exception);
            }

            try
            {
                await signal.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Outbox pass: {Sent} sent, {Retried} to retry, {Failed} failed.")]
    private static partial void Delivered(ILogger logger, int sent, int retried, int failed);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Outbox pass failed; the messages stay queued.")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
