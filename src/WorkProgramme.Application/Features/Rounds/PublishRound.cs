using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Features.Mail;
using WorkProgramme.Application.Features.Notices;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Rounds;

/// <summary>
/// Publishes a round: every report of the session is frozen and becomes the current status. Reports nobody updated
/// are listed first, and published only when the caller confirms. The caller names the round's progress it saw
/// (<see cref="RoundContext.ProgressVersion"/>): a report changed since then refuses the publication.
/// </summary>
public static class PublishRound
{
    public sealed record Command(Viewer Viewer, string Slug, string SessionKey, bool Confirmed, string? ExpectedVersion);

    public sealed class Handler(WorkProgrammeDb db, ICurrentActor actor, TimeProvider clock, WritePipeline pipeline, MailSettings mail,
        SessionChanges.Handler digest, DocumentWarming warming)
    {
        /// <summary>The round's progress as it stands, for a caller that publishes what it has just read (the CLI, the API).</summary>
        public async Task<string?> CurrentVersionAsync(string slug, string sessionKey, CancellationToken cancellationToken) =>
            (await RoundContext.LoadAsync(db, Viewer.Operator, slug, sessionKey, cancellationToken)).Context?.ProgressVersion;

        public Task<Result<Done>> HandleAsync(Command command, CancellationToken cancellationToken) =>
            // Serialized: the progress is a digest of every report, so the check and the publication share one transaction.
            pipeline.RunAsync(new Write<RoundContext, Done>(command.Viewer, command.ExpectedVersion, async ct =>
                // The round's context decides who may publish (the programme's body); a missing one reads as not found.
                (await RoundContext.LoadAsync(db, Viewer.Operator, command.Slug, command.SessionKey, ct)).Context is { } context
                    ? new Target<RoundContext>(context, context.Programme.BodyCode, context.ProgressVersion)
                    : null,
                (context, ct) => PublishAsync(context, command, ct))
            {
                Serialized = true,
                Refusal = FailureKind.Conflict,
                // The delegates' downloads are built before they ask (docs/decisions/0038).
                Committed = () => warming.Request(command.Slug),
            }, cancellationToken);

        private async Task<Result<Done>> PublishAsync(RoundContext context, Command command, CancellationToken cancellationToken)
        {
            if (context.Round is null)
            {
                return Failure.Refused(new BilingualText($"Aucun cycle de rapports n’est ouvert pour {context.SessionLabelFrWithArticle}.", $"No reporting round is open for the {context.SessionLabel.En}."));
            }

            var pending = context.LiveRows
                .Where(r => context.Reports.GetValueOrDefault(r.ActivityId)?.Progress == ReportProgress.NotUpdated)
                .Select(RoundContext.Reference)
                .ToList();
            if (pending.Count > 0 && !command.Confirmed)
            {
                return Failure.Refused(new BilingualText(
                    "Des rapports n’ont pas été mis à jour : confirmez pour publier quand même.",
                    "Some reports were not updated: confirm to publish anyway.")) with { Pending = pending };
            }

            context.Round.Publish(command.Viewer.Name ?? actor.Name, clock.GetUtcNow(), context.Reports.Values);

            // Not saved yet: the digest reads the session's reports as drafts, which is what was just published.
            await QueueDigestsAsync(context, cancellationToken);
            return Done.Value;
        }

        /// <summary>
        /// The session digest to every active person of the programme's body who asked for it on their profile, in their
        /// language, queued with the publication (docs/decisions/0036). Null when e-mail is off.
        /// </summary>
        private async Task<int?> QueueDigestsAsync(RoundContext context, CancellationToken cancellationToken)
        {
            if (!mail.IsConfigured)
            {
                return null;
            }

            var body = context.Programme.BodyCode;
            var subscribers = await db.Users.AsNoTracking()
                .Where(u => u.BodyCode == body && u.EmailSessionDigest && u.DeactivatedAt == null && u.Email != null)
                .OrderBy(u => u.Email).ToListAsync(cancellationToken);
            if (subscribers.Count == 0)
            {
                return 0;
            }

            var changes = await digest.HandleAsync(new SessionChanges.Query(Viewer.Operator, context.Programme.Slug, context.Session.Key), cancellationToken);
            if (changes is null)
            {
                return 0;
            }

            var session = context.SessionLabel;
            var slug = context.Programme.Slug;
            string Link(string path) => mail.LinkTo(path, NoticeLinks.FallbackBase);
            foreach (var person in subscribers)
            {
                var language = Outbox.LanguageOf(person.PreferredLanguage);
                Outbox.Add(db, mail, clock, MailKind.SessionDigest, person.Email!, person.DisplayName, language,
                    NoticeTemplates.SessionDigest(language, mail.OrganisationName, changes, session, id => Link(NoticeLinks.Activity(slug, id)),
                        Link(NoticeLinks.Changes(slug, context.Session.Key))));
            }

            return subscribers.Count;
        }
    }
}
