using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Assignments;
using WorkProgramme.Application.Features.Mail;
using WorkProgramme.Application.Features.Notices;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Comments;

/// <summary>Members and the Secretariat comment on an activity for a session; they (and only they) read the comments.</summary>
public static class Comments
{
    public sealed record Add(Viewer Viewer, string Slug, Guid ActivityId, string SessionKey, string Text, Language Language);

    public sealed record View(string SessionKey, string Author, BilingualText Text, DateTimeOffset CreatedAt);

    public sealed class Handler(WorkProgrammeDb db, TimeProvider clock, MailSettings mail)
    {
        /// <summary>False when the viewer may not comment here (anonymous, another committee, unknown activity or session).</summary>
        public async Task<bool> AddAsync(Add command, CancellationToken cancellationToken)
        {
            var body = await BodyOfAsync(command.Slug, command.ActivityId, cancellationToken);
            if (body is null || !command.Viewer.IsSignedIn || !command.Viewer.CanSeeDrafts(body)
                || !await db.Sessions.AnyAsync(s => s.Key == command.SessionKey, cancellationToken))
            {
                return false;
            }

            var text = command.Language == Language.Fr ? new BilingualText(command.Text, null) : new BilingualText(null, command.Text);
            db.Add(new Comment(command.ActivityId, command.SessionKey, command.Viewer.Name!, text, clock.GetUtcNow()));
            await QueueNoticesAsync(command, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        /// <summary>
        /// Tells the officers assigned to the activity, in the comment's transaction: each active one who wants comment
        /// notices (profile), never the commenter themself (docs/decisions/0036).
        /// </summary>
        private async Task QueueNoticesAsync(Add command, CancellationToken cancellationToken)
        {
            if (!mail.IsConfigured)
            {
                return;
            }

            var officers = await db.Set<ActivityAssignment>().AsNoTracking().Where(a => a.ActivityId == command.ActivityId)
                .Join(db.Users.AsNoTracking(), a => a.UserId, u => u.Id, (a, u) => u)
                .Where(u => u.Id != command.Viewer.UserId && u.DeactivatedAt == null && u.EmailCommentNotices && u.Email != null)
                .OrderBy(u => u.Email).ToListAsync(cancellationToken);
            if (officers.Count == 0)
            {
                return;
            }

            var programme = await db.Programmes.AsNoTracking().Include(p => p.Versions).ThenInclude(v => v.Activities)
                .SingleAsync(p => p.Slug == command.Slug, cancellationToken);
            var row = programme.Latest?.Activities.FirstOrDefault(a => a.ActivityId == command.ActivityId);
            if (row is null)
            {
                return;
            }

            var link = mail.LinkTo(NoticeLinks.Activity(programme.Slug, command.ActivityId), NoticeLinks.FallbackBase);
            foreach (var officer in officers)
            {
                var language = Outbox.LanguageOf(officer.PreferredLanguage);
                Outbox.Add(db, mail, clock, MailKind.CommentNotice, officer.Email!, officer.DisplayName, language,
                    NoticeTemplates.CommentNotice(language, mail.OrganisationName, programme.Title, Rounds.RoundContext.Reference(row), row.Title,
                        command.Viewer.Name!, command.Text, link));
            }
        }

        /// <summary>The activity's comments, newest first, optionally for one session; empty for those who may not read them.</summary>
        public async Task<IReadOnlyList<View>> ListAsync(Viewer viewer, string slug, Guid activityId, string? sessionKey, CancellationToken cancellationToken)
        {
            var body = await BodyOfAsync(slug, activityId, cancellationToken);
            if (body is null || !viewer.CanSeeDrafts(body))
            {
                return [];
            }

            var comments = await db.Set<Comment>().AsNoTracking()
                .Where(c => c.ActivityId == activityId && (sessionKey == null || c.SessionKey == sessionKey))
                .ToListAsync(cancellationToken);
            return comments.OrderByDescending(c => c.CreatedAt).Select(c => new View(c.SessionKey, c.AuthorName, c.Text, c.CreatedAt)).ToList();
        }

        private Task<string?> BodyOfAsync(string slug, Guid activityId, CancellationToken cancellationToken) =>
            db.Programmes.Where(p => p.Slug == slug && db.Activities.Any(a => a.Id == activityId && a.ProgrammeId == p.Id))
                .Select(p => p.BodyCode).SingleOrDefaultAsync(cancellationToken);
    }
}
