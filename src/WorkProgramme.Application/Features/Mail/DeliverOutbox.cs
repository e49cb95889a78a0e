using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;
using WorkProgramme.Application.Data;

namespace WorkProgramme.Application.Features.Mail;

/// <summary>
/// One pass of the sender: claims the queued messages that are due, delivers them over one SMTP connection and marks
/// each as sent right after the server accepted it. A server that is down or refuses for now leaves them queued with a
/// backoff; one that refuses a message for good (5xx) fails it. See docs/decisions/0030.
/// </summary>
public static partial class DeliverOutbox
{
    public sealed record Summary(int Sent, int Retried, int Failed);

    /// <summary>How long a claim keeps other senders away: longer than one pass can take.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    public const int BatchSize = 50;

    public sealed partial class Handler(WorkProgrammeDb db, MailSettings settings, TimeProvider clock, ILogger<Handler> log)
    {
        public async Task<Summary> RunOnceAsync(CancellationToken cancellationToken)
        {
            if (!settings.IsConfigured)
            {
                return new Summary(0, 0, 0);
            }

            var now = clock.GetUtcNow();
            var due = await db.OutboxMessages
                .Where(m => m.State == OutboxState.Queued && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                .Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
            var claimed = new List<long>();
            var until = now + ClaimFor;
            foreach (var id in due)
            {
                // A conditional update: of two senders (two app instances) only one changes the row, and only it sends.
                var taken = await db.OutboxMessages
                    .Where(m => m.Id == id && m.State == OutboxState.Queued && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                    .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedUntil, until), cancellationToken);
                if (taken == 1)
                {
                    claimed.Add(id);
                }
            }

            if (claimed.Count == 0)
            {
                return new Summary(0, 0, 0);
            }

            var messages = await db.OutboxMessages.Where(m => claimed.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
            int sent = 0, retried = 0, failed = 0;
            using var smtp = new SmtpClient();
            try
            {
                await ConnectAsync(smtp, cancellationToken);
            }
            catch (Exception exception) when (IsTransient(exception))
            {
                ServerUnavailable(log, settings.Host!, settings.Port, exception.Message);
                foreach (var message in messages)
                {
                    message.MarkFailed(clock.GetUtcNow(), exception.Message, permanent: false);
                }

                await db.SaveChangesAsync(CancellationToken.None);
                return new Summary(0, messages.Count, 0);
            }

            for (var i = 0; i < messages.Count; i++)
            {
                var message = messages[i];
                try
                {
                    await smtp.SendAsync(ToMime(message), cancellationToken);
                }
                catch (SmtpCommandException refused)
                {
                    var permanent = (int)refused.StatusCode >= 500;
                    message.MarkFailed(clock.GetUtcNow(), $"{(int)refused.StatusCode} {refused.Message}", permanent);
                    MessageRefused(log, message.Id, (int)refused.StatusCode, refused.Message);
                    if (message.State == OutboxState.Failed)
                    {
                        failed++;
                    }
                    else
                    {
                        retried++;
                    }

                    await db.SaveChangesAsync(CancellationToken.None);
                    continue;
                }
                catch (Exception exception) when (IsTransient(exception))
                {
                    // The connection broke: this message and the rest wait for the next pass.
                    ServerUnavailable(log, settings.Host!, settings.Port, exception.Message);
                    foreach (var waiting in messages.Skip(i))
                    {
                        waiting.MarkFailed(clock.GetUtcNow(), exception.Message, permanent: false);
                        retried++;
                    }

                    await db.SaveChangesAsync(CancellationToken.None);
                    return new Summary(sent, retried, failed);
                }

                // Marked at once, not at the end of the pass: a crash now repeats at most this one message.
                message.MarkSent(clock.GetUtcNow());
                await db.SaveChangesAsync(CancellationToken.None);
                sent++;
            }

            await smtp.DisconnectAsync(quit: true, CancellationToken.None);
            return new Summary(sent, retried, failed);
        }

        private async Task ConnectAsync(SmtpClient smtp, CancellationToken cancellationToken)
        {
            smtp.Timeout = 30_000;
            var options = settings.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await smtp.ConnectAsync(settings.Host!, settings.Port, options, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }
        }

        private MimeMessage ToMime(OutboxMessage message)
        {
            var mime = new MimeMessage { MessageId = message.MessageId, Subject = message.Subject, Date = message.CreatedAt };
            mime.From.Add(new MailboxAddress(settings.OrganisationName, settings.From!));
            mime.To.Add(new MailboxAddress(message.ToName ?? "", message.ToAddress));
            mime.Headers.Add(HeaderId.ContentLanguage, message.Language);
            mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
            return mime;
        }

        private static bool IsTransient(Exception exception) => exception is SocketException or IOException or TimeoutException
            or ServiceNotConnectedException or SmtpProtocolException or SslHandshakeException or AuthenticationException
            or OperationCanceledException;

        [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Mail server {Host}:{Port} unavailable: {Error}. Messages stay queued.")]
        private static partial void ServerUnavailable(ILogger logger, string host, int port, string error);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Mail server refused message {Id}: {Status} {Error}")]
        private static partial void MessageRefused(ILogger logger, long id, int status, string error);
    }
}
