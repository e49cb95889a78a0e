using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Decisions;

/// <summary>
/// The session outcome: after a session the Secretariat records the committee's decision on each activity it discussed;
/// the activity's history shows them and the next round offers them as dated milestones reached.
/// </summary>
public static class SessionDecisions
{
    /// <param name="ExpectedVersion">The <see cref="Row.Version"/> the caller saw (the ETag): the decision is not replaced on top of a newer one.</param>
    public sealed record Record(Viewer Viewer, string Slug, string SessionKey, Guid ActivityId, DecisionKind Kind, BilingualText Text,
        string? DocumentSymbol, string? ExpectedVersion);

    /// <summary>An activity and the decision recorded for the session, if any, with the version an edit of it must name.</summary>
    public sealed record Row(Guid ActivityId, string Reference, BilingualText Title, SessionDecision? Decision)
    {
        public string Version => VersionOf(Decision);
    }

    /// <summary>The version of the decision on one activity at one session (none recorded yet is a version too).</summary>
    public static string VersionOf(SessionDecision? decision) =>
        StateVersion.Of(decision?.Kind, decision?.Text.Fr, decision?.Text.En, decision?.DocumentSymbol);

    public sealed record SessionResult(string Slug, BilingualText ProgrammeTitle, string SessionKey, string BodyCode, Session Session,
        IReadOnlyList<Row> Rows);

    /// <summary>A decision of an earlier session, as the milestone the report form offers to add.</summary>
    public sealed record Offer(int DecisionId, string SessionKey, DecisionKind Kind, ReachedMilestone Milestone);

    public sealed class Handler(WorkProgrammeDb db, TimeProvider clock, WritePipeline pipeline)
    {
        public Task<Result<string>> HandleAsync(Record command, CancellationToken cancellationToken) =>
            pipeline.RunAsync(new Write<(RoundContext Context, SessionDecision? Decision), string>(command.Viewer, command.ExpectedVersion, async ct =>
            {
                var (context, _) = await RoundContext.LoadAsync(db, Viewer.Operator, command.Slug, command.SessionKey, ct);
                if (context is null || context.LiveRows.All(r => r.ActivityId != command.ActivityId))
                {
                    return null;
                }

                var decision = await db.Decisions.SingleOrDefaultAsync(d => d.ActivityId == command.ActivityId && d.SessionKey == command.SessionKey, ct);
                return new Target<(RoundContext, SessionDecision?)>((context, decision), context.Programme.BodyCode, VersionOf(decision));
            },
            (target, _) =>
            {
                var (context, decision) = target;
                if (context.Session.BodyCode != context.Programme.BodyCode)
                {
                    throw context.NotThisBodysSession();
                }

                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                if ((context.Session.StartDate ?? new DateOnly(context.Session.Year, context.Session.Month, 1)) > today)
                {
                    throw new DomainException("Une décision s’enregistre une fois la session commencée.",
                        "A decision is recorded once the session has started.");
                }

                if (decision is null)
                {
                    decision = new SessionDecision(command.ActivityId, command.SessionKey, command.Kind, command.Text, command.DocumentSymbol);
                    db.Decisions.Add(decision);
                }
                else
                {
                    decision.Revise(command.Kind, command.Text, command.DocumentSymbol);
                }

                return Task.FromResult<Result<string>>(VersionOf(decision));
            }) { Refusal = FailureKind.Conflict, Serialized = true }, cancellationToken);

        /// <summary>The programme's live activities with the decision recorded for the session, if any (editors).</summary>
        public async Task<SessionResult?> ForSessionAsync(Viewer viewer, string slug, string sessionKey, CancellationToken cancellationToken)
        {
            var (context, _) = await RoundContext.LoadAsync(db, viewer, slug, sessionKey, cancellationToken);
            if (context is null || context.Session.BodyCode != context.Programme.BodyCode)
            {
                return null;
            }

            var decisions = await db.Decisions.AsNoTracking().Where(d => d.SessionKey == sessionKey).ToListAsync(cancellationToken);
            var rows = context.LiveRows.Select(r => new Row(r.ActivityId, RoundContext.Reference(r), r.Title,
                decisions.SingleOrDefault(d => d.ActivityId == r.ActivityId))).ToList();
            return new SessionResult(context.Programme.Slug, context.Programme.Title, sessionKey, context.Programme.BodyCode, context.Session, rows);
        }

        /// <summary>An activity's decisions, newest session first, with their session.</summary>
        public async Task<IReadOnlyList<(Session Session, SessionDecision Decision)>> ForActivityAsync(Guid activityId, CancellationToken cancellationToken)
        {
            var decisions = await db.Decisions.AsNoTracking().Where(d => d.ActivityId == activityId).ToListAsync(cancellationToken);
            var keys = decisions.Select(d => d.SessionKey).ToList();
            var sessions = await db.Sessions.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, cancellationToken);
            return decisions.Where(d => sessions.ContainsKey(d.SessionKey))
                .Select(d => (sessions[d.SessionKey], d))
                .OrderByDescending(x => x.Item1.MonthIndex)
                .ToList();
        }

        /// <summary>
        /// Decisions on the activity from sessions before <paramref name="sessionKey"/> whose milestone the report does not
        /// hold yet: what the report form offers to add as milestones reached.
        /// </summary>
        public async Task<IReadOnlyList<Offer>> OffersAsync(Guid activityId, string sessionKey, IReadOnlyList<ReachedMilestone> already,
            CancellationToken cancellationToken)
        {
            var current = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Key == sessionKey, cancellationToken);
            if (current is null)
            {
                return [];
            }

            return (await ForActivityAsync(activityId, cancellationToken))
                .Where(x => x.Session.MonthIndex < current.MonthIndex)
                .Select(x => new Offer(x.Decision.Id, x.Session.Key, x.Decision.Kind, x.Decision.AsMilestone(x.Session)))
                .Where(o => !already.Contains(o.Milestone))
                .ToList();
        }
    }
}
