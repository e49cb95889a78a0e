using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Rounds;

/// <summary>
/// An officer updates a draft report, or a second editor marks it reviewed. Both name the row version they started
/// from, like every edit.
/// </summary>
public static class WriteReport
{
    public sealed record Update(Viewer Viewer, string Slug, string SessionKey, Guid ActivityId, int? ExpectedRowVersion,
        StatusKeyword? Keyword, BilingualText Narrative, BilingualText NextSteps, IReadOnlyList<ReachedMilestone> Milestones);

    public sealed record Review(Viewer Viewer, string Slug, string SessionKey, Guid ActivityId, int? ExpectedRowVersion);

    /// <summary>"Translation checked": the report's texts say the same in both languages; clears its drift marks.</summary>
    public sealed record CheckTranslation(Viewer Viewer, string Slug, string SessionKey, Guid ActivityId, int? ExpectedRowVersion);

    public sealed class Handler(WorkProgrammeDb db, ICurrentActor actor, WritePipeline pipeline)
    {
        /// <summary>The value is the report's version after the change (its ETag).</summary>
        public Task<Result<string>> HandleAsync(Update command, CancellationToken cancellationToken) =>
            ChangeAsync(command.Viewer, command.Slug, command.SessionKey, command.ActivityId, command.ExpectedRowVersion,
                report => report.Update(command.Keyword, command.Narrative, command.NextSteps, command.Milestones, command.Viewer.Name ?? actor.Name),
                cancellationToken);

        public Task<Result<string>> HandleAsync(Review command, CancellationToken cancellationToken) =>
            ChangeAsync(command.Viewer, command.Slug, command.SessionKey, command.ActivityId, command.ExpectedRowVersion,
                report => report.Review(command.Viewer.Name ?? actor.Name), cancellationToken);

        public Task<Result<string>> HandleAsync(CheckTranslation command, CancellationToken cancellationToken) =>
            ChangeAsync(command.Viewer, command.Slug, command.SessionKey, command.ActivityId, command.ExpectedRowVersion,
                report => report.ConfirmTranslations(), cancellationToken);

        private Task<Result<string>> ChangeAsync(Viewer viewer, string slug, string sessionKey, Guid activityId, int? expected,
            Action<StatusReport> change, CancellationToken cancellationToken) =>
            pipeline.RunAsync(new Write<StatusReport, string>(viewer, StateVersion.Of(expected), async ct =>
            {
                // The round's context decides who may write (the programme's body); a missing one reads as not found.
                var (context, _) = await RoundContext.LoadAsync(db, Viewer.Operator, slug, sessionKey, ct);
                return context is not null && context.Reports.TryGetValue(activityId, out var report)
                    ? new Target<StatusReport>(report, context.Programme.BodyCode, StateVersion.Of(report.RowVersion))
                    : null;
            },
            (report, _) =>
            {
                change(report);
                return Task.FromResult<Result<string>>(StateVersion.Of(report.RowVersion));
            }) { Refusal = FailureKind.Conflict }, cancellationToken);
    }
}
