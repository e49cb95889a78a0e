using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;
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

    public sealed class Handler(WorkProgrammeDb db, ICurrentActor actor, TimeProvider clock, WritePipeline pipeline, DocumentWarming warming)
    {
        /// <summary>The round's progress as it stands, for a caller that publishes what it has just read (the CLI, the API).</summary>
        public async Task<string?> CurrentVersionAsync(string slug, string sessionKey, CancellationToken cancellationToken) =>
            (await RoundContext.LoadAsync(db, Viewer.Operator, slug, sessionKey, cancellationToken)).Context?.ProgressVersion;

        public async Task<Result<Done>> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var result = await PublishAsync(command, cancellationToken);
            if (result.Succeeded)
            {
                // After the commit: the delegates' downloads are built before they ask (docs/decisions/0038).
                warming.Request(command.Slug);
            }

            return result;
        }

        private Task<Result<Done>> PublishAsync(Command command, CancellationToken cancellationToken) =>
            // Serialized: the progress is a digest of every report, so the check and the publication share one transaction.
            pipeline.RunAsync(new Write<RoundContext, Done>(command.Viewer, command.ExpectedVersion, async ct =>
                // The round's context decides who may publish (the programme's body); a missing one reads as not found.
                (await RoundContext.LoadAsync(db, Viewer.Operator, command.Slug, command.SessionKey, ct)).Context is { } context
                    ? new Target<RoundContext>(context, context.Programme.BodyCode, context.ProgressVersion)
                    : null,
                (context, _) => Task.FromResult(Publish(context, command))) { Serialized = true, Refusal = FailureKind.Conflict }, cancellationToken);

        private Result<Done> Publish(RoundContext context, Command command)
        {
            if (context.Round is null)
            {
                return Failure.Refused(new BilingualText($"Aucun cycle de rapports n’est ouvert pour la session {command.SessionKey}.", $"No reporting round is open for session {command.SessionKey}."));
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
            return Done.Value;
        }
    }
}
