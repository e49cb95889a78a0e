using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;

namespace WorkProgramme.Application.Features.Mail;

/// <summary>The outbox as the admin page and <c>wp mail status</c> show it: counts by state and the newest messages.</summary>
public static class MailStatus
{
    public sealed record Query(OutboxState? State = null, int Take = 200);

    public sealed record Row(long Id, MailKind Kind, string To, string Language, string Subject, OutboxState State, DateTimeOffset CreatedAt,
        DateTimeOffset? SentAt, int Attempts, DateTimeOffset NextAttemptAt, string? LastError, string MessageId);

    public sealed record Result(bool MailConfigured, int Queued, int Sent, int Failed, IReadOnlyList<Row> Rows);

    public sealed class Handler(WorkProgrammeDb db, MailSettings settings)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var counts = await db.OutboxMessages.GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            int Count(OutboxState state) => counts.FirstOrDefault(c => c.Key == state)?.Count ?? 0;
            var rows = db.OutboxMessages.AsNoTracking();
            if (query.State is { } state)
            {
                rows = rows.Where(m => m.State == state);
            }

            var list = await rows.OrderByDescending(m => m.Id).Take(query.Take)
                .Select(m => new Row(m.Id, m.Kind, m.ToAddress, m.Language, m.Subject, m.State, m.CreatedAt, m.SentAt, m.Attempts, m.NextAttemptAt,
                    m.LastError, m.MessageId))
                .ToListAsync(cancellationToken);
            return new Result(settings.IsConfigured, Count(OutboxState.Queued), Count(OutboxState.Sent), Count(OutboxState.Failed), list);
        }
    }
}
