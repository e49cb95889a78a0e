using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Assignments;
using WorkProgramme.Application.Features.Mail;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Rounds;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Notices;

/// <summary>
/// The round reminders of today (docs/decisions/0036). For each open round whose session starts in the future, the
/// reminder day is the latest of "start less <c>Reminders:DaysBefore</c>" that has come and is not before the round was
/// opened. On it, each officer assigned to a report not yet updated gets the list of those reports, and each editor of
/// the body the round's progress; once per round, person and day (<see cref="NoticeRecord"/>, written with the message).
/// Run by the web app's reminder service every tick and by <c>wp reminders send</c>.
/// </summary>
public static partial class SendReminders
{
    public sealed record Notice(NoticeKind Kind, string To, string Slug, string SessionKey, DateOnly Day, int Reports);

    /// <summary><see cref="AlreadySent"/> counts the notices of today's reminder days that had already left.</summary>
    public sealed record Result(bool MailConfigured, IReadOnlyList<Notice> Queued, int AlreadySent);

    public sealed partial class Handler(WorkProgrammeDb db, MailSettings mail, ReminderSettings settings, TimeProvider clock, ILogger<Handler> log)
    {
        /// <summary>Queues today's reminders; with <paramref name="dryRun"/>, only says what it would queue.</summary>
        public async Task<Result> RunAsync(bool dryRun, CancellationToken cancellationToken)
        {
            if (!mail.IsConfigured)
            {
                return new Result(false, [], 0);
            }

            var now = clock.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var queued = new List<Notice>();
            var already = 0;
            var rounds = await db.Rounds.AsNoTracking().Where(r => r.State == RoundState.Open).OrderBy(r => r.Id).ToListAsync(cancellationToken);
            foreach (var round in rounds)
            {
                var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Key == round.SessionKey, cancellationToken);
                var start = StartOf(session);
                if (DayOf(settings.DaysBefore, start, DateOnly.FromDateTime(round.OpenedAt.UtcDateTime), today) is not { } day)
                {
                    continue;
                }

                var plan = await PlanAsync(round, session, start, today, cancellationToken);
                foreach (var (notice, userId, compose) in plan)
                {
                    var sent = await db.Set<NoticeRecord>().AnyAsync(r => r.Kind == notice.Kind && r.RoundId == round.Id && r.UserId == userId && r.Day == day,
                        cancellationToken);
                    if (sent)
                    {
                        already++;
                        continue;
                    }

                    var dated = notice with { Day = day };
                    if (dryRun)
                    {
                        queued.Add(dated);
                        continue;
                    }

                    var (language, composed) = compose();
                    db.Add(new NoticeRecord(notice.Kind, round.Id, userId, day, now));
                    Outbox.Add(db, mail, clock, notice.Kind == NoticeKind.RoundReminder ? MailKind.RoundReminder : MailKind.RoundProgress, notice.To, null,
                        language, composed);
                    try
                    {
                        await db.SaveChangesAsync(cancellationToken);
                        queued.Add(dated);
                    }
                    catch (DbUpdateException exception)
                    {
                        // Another sender (a second instance, wp) recorded this one first: the unique ledger keeps it single.
                        db.ChangeTracker.Clear();
                        SentElsewhere(log, notice.Kind.ToString(), round.Id, day, exception.InnerException?.Message ?? exception.Message);
                        already++;
                    }
                }
            }

            return new Result(true, queued, already);
        }

        /// <summary>A session without a start date starts, for reminders, on the first day of its month.</summary>
        public static DateOnly StartOf(Session session) => session.StartDate ?? new DateOnly(session.Year, session.Month, 1);

        /// <summary>
        /// The reminder day in force on <paramref name="today"/>: the latest day "start less n" already reached, not before
        /// the round was opened, while the session has not started; null when none.
        /// </summary>
        public static DateOnly? DayOf(IEnumerable<int> daysBefore, DateOnly start, DateOnly opened, DateOnly today)
        {
            if (today >= start)
            {
                return null;
            }

            var days = daysBefore.Select(n => start.AddDays(-n)).Where(d => d <= today && d >= opened).ToList();
            return days.Count == 0 ? null : days.Max();
        }

        private async Task<List<(Notice Notice, string UserId, Func<(Language, MailTemplates.Composed)> Compose)>> PlanAsync(ReportingRound round,
            Session session, DateOnly start, DateOnly today, CancellationToken cancellationToken)
        {
            var programme = await db.Programmes.AsNoTracking().Include(p => p.Versions).ThenInclude(v => v.Activities)
                .SingleAsync(p => p.Id == round.ProgrammeId, cancellationToken);
            var body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == session.BodyCode, cancellationToken);
            var sessionName = SessionName.Of(session, body is null
                ? new SessionName.BodyWords(session.BodyCode, BilingualText.Empty, Domain.Bodies.BodyKind.Committee)
                : SessionName.BodyWords.Of(body));
            var rows = programme.Latest?.Activities.Where(a => !a.IsDeleted).OrderBy(a => a.SortKey).ToList() ?? [];
            var ids = rows.Select(r => r.ActivityId).ToList();
            var reports = await db.StatusReports.AsNoTracking().Where(r => r.SessionKey == round.SessionKey && ids.Contains(r.ActivityId))
                .ToDictionaryAsync(r => r.ActivityId, cancellationToken);
            rows = rows.Where(r => reports.ContainsKey(r.ActivityId)).ToList();
            var notUpdated = rows.Where(r => reports[r.ActivityId].State == ReportState.Draft && reports[r.ActivityId].Progress == ReportProgress.NotUpdated)
                .ToList();
            var pendingIds = notUpdated.Select(r => r.ActivityId).ToList();
            var assignments = await db.Set<ActivityAssignment>().AsNoTracking().Where(a => pendingIds.Contains(a.ActivityId)).ToListAsync(cancellationToken);
            var editorRole = await db.Roles.Where(r => r.Name == Roles.Editor).Select(r => r.Id).ToListAsync(cancellationToken);
            var officerIds = assignments.Select(a => a.UserId).Distinct().ToList();
            var editorIds = await db.Users.AsNoTracking()
                .Where(u => u.BodyCode == programme.BodyCode && db.UserRoles.Any(l => l.UserId == u.Id && editorRole.Contains(l.RoleId)))
                .Select(u => u.Id).ToListAsync(cancellationToken);
            var people = await db.Users.AsNoTracking().Where(u => officerIds.Contains(u.Id) || editorIds.Contains(u.Id)).ToListAsync(cancellationToken);
            var wanted = people.Where(u => u.IsActive && u.EmailRoundReminders && !string.IsNullOrWhiteSpace(u.Email))
                .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase).ToList();
            var daysLeft = start.DayNumber - today.DayNumber;
            var plan = new List<(Notice, string, Func<(Language, MailTemplates.Composed)>)>();
            foreach (var officer in wanted.Where(u => officerIds.Contains(u.Id)))
            {
                var theirs = notUpdated.Where(r => assignments.Any(a => a.UserId == officer.Id && a.ActivityId == r.ActivityId))
                    .Select(r => new NoticeTemplates.Report(RoundContext.Reference(r), r.Title,
                        mail.LinkTo(NoticeLinks.Report(programme.Slug, round.SessionKey, r.ActivityId), NoticeLinks.FallbackBase)))
                    .ToList();
                var language = Outbox.LanguageOf(officer.PreferredLanguage);
                plan.Add((new Notice(NoticeKind.RoundReminder, officer.Email!, programme.Slug, round.SessionKey, default, theirs.Count), officer.Id,
                    () => (language, NoticeTemplates.RoundReminder(language, mail.OrganisationName, programme.Title, sessionName, start, daysLeft, theirs))));
            }

            var updated = rows.Count(r => reports[r.ActivityId].Progress == ReportProgress.Updated);
            var reviewed = rows.Count(r => reports[r.ActivityId].Progress == ReportProgress.Reviewed);
            var roundLink = mail.LinkTo(NoticeLinks.Round(programme.Slug, round.SessionKey), NoticeLinks.FallbackBase);
            foreach (var editor in wanted.Where(u => editorIds.Contains(u.Id)))
            {
                var language = Outbox.LanguageOf(editor.PreferredLanguage);
                plan.Add((new Notice(NoticeKind.RoundProgress, editor.Email!, programme.Slug, round.SessionKey, default, rows.Count), editor.Id,
                    () => (language, NoticeTemplates.RoundProgress(language, mail.OrganisationName, programme.Title, sessionName, start, daysLeft, rows.Count,
                        updated, reviewed, roundLink))));
            }

            return plan;
        }

        [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Reminder {Kind} of round {Round} for {Day} already recorded by another sender: {Error}")]
        private static partial void SentElsewhere(ILogger logger, string kind, int round, DateOnly day, string error);
    }
}
