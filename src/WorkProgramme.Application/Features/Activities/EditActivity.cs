using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.Rules;

namespace WorkProgramme.Application.Features.Activities;

/// <summary>
/// Changes an activity in the programme's latest version. The caller names the row version it started from: a missing
/// or stale one is refused and the current row returned, so nobody overwrites a colleague's change without seeing it.
/// </summary>
public static class EditActivity
{
    /// <param name="LinkReferences">Turn plain "activité N" / "activity N" into references to the activities so numbered.</param>
    /// <param name="ShownReferences">
    /// The activity each "[[I.12]]" label named when the edit form was shown (<see cref="Handler.EditableAsync"/>); labels
    /// written since name the activity so numbered now.
    /// </param>
    public sealed record Command(Viewer Viewer, string Slug, Guid ActivityId, int? ExpectedRowVersion, ActivityContent Content, bool LinkReferences = false,
        IReadOnlyDictionary<string, Guid>? ShownReferences = null);

    /// <summary>The same edit with the values as the edit form posts them, mapped against the row as stored when it is changed.</summary>
    public sealed record FormCommand(Viewer Viewer, string Slug, Guid ActivityId, int? ExpectedRowVersion, ActivityFields Fields, bool LinkReferences = false,
        IReadOnlyDictionary<string, Guid>? ShownReferences = null);

    /// <summary>The same edit with the activity in the programme file's shape (the API's PUT body).</summary>
    public sealed record FileCommand(Viewer Viewer, string Slug, Guid ActivityId, int? ExpectedRowVersion, ActivityDto Activity);

    /// <summary>"activité 25" in a text could refer to the activity now numbered 25 (its title given).</summary>
    public sealed record Suggestion(int Number, Guid ActivityId, BilingualText Title);

    /// <summary>The activity as the API shows it, with the row version an edit must name.</summary>
    public sealed record Current(ActivityDto Activity, int RowVersion)
    {
        /// <summary>For the edit form (<see cref="Handler.EditableAsync"/>): the activity each "[[I.12]]" in its texts names.</summary>
        public IReadOnlyDictionary<string, Guid> ShownReferences { get; init; } = new Dictionary<string, Guid>();
    }

    public sealed class Handler(WorkProgrammeDb db, WritePipeline pipeline)
    {
        /// <summary>The change; the value is the row as stored after the call (the winner's, on a conflict), with its version.</summary>
        public Task<Result<Versioned<ActivityContent>>> HandleAsync(Command command, CancellationToken cancellationToken) =>
            ChangeAsync(command.Viewer, command.Slug, command.ActivityId, command.ExpectedRowVersion, _ => command.Content, command.LinkReferences,
                command.ShownReferences, cancellationToken);

        public Task<Result<Versioned<ActivityContent>>> HandleAsync(FormCommand command, CancellationToken cancellationToken) =>
            ChangeAsync(command.Viewer, command.Slug, command.ActivityId, command.ExpectedRowVersion, command.Fields.ToContent, command.LinkReferences,
                command.ShownReferences, cancellationToken);

        private Task<Result<Versioned<ActivityContent>>> ChangeAsync(Viewer viewer, string slug, Guid activityId, int? expectedRowVersion,
            Func<ActivityContent, ActivityContent> contentOf, bool linkReferences, IReadOnlyDictionary<string, Guid>? shownReferences,
            CancellationToken cancellationToken) =>
            pipeline.RunAsync(new Write<LatestRow, Versioned<ActivityContent>>(viewer, StateVersion.Of(expectedRowVersion),
                ct => LatestRow.LoadAsync(db, slug, activityId, ct),
                async (latest, ct) =>
                {
                    var row = latest.Row;
                    var (edited, unknownReference) = EditableReferences.Resolve(contentOf(row.Content), latest.Version, shownReferences);
                    if (edited is null)
                    {
                        return Failure.Invalid(unknownReference!);
                    }

                    var content = Normalise(row.Content, await ActivityValidation.WithRolesThatSaySomethingAsync(db,
                        linkReferences ? new VersionReferences(latest.Version).LinkMentions(edited with { Section = row.Section }) : edited, ct));
                    var problems = await ActivityValidation.ProblemsAsync(db, latest.Version.ProgrammeId, content, ct);
                    if (problems.Count > 0)
                    {
                        return Failure.Invalid(problems);
                    }

                    latest.Version.ReviseActivity(row.ActivityId, content);
                    return LatestRow.Shown(latest);
                }) { Shown = LatestRow.Shown }, cancellationToken);

        public async Task<Result<Versioned<ActivityContent>>> HandleAsync(FileCommand command, CancellationToken cancellationToken)
        {
            var mapper = new ProgrammeFileMapper(
                await db.Bodies.Select(b => b.Code).ToListAsync(cancellationToken),
                await db.Sessions.Select(s => s.Key).ToListAsync(cancellationToken),
                await ActivityValidation.PlanElementsOf(db, command.Slug).Select(e => e.Code).ToListAsync(cancellationToken),
                (await TaskTypes.TaskTypeList.LoadAsync(db, cancellationToken)).Select(t => t.Code));
            var (content, _) = mapper.Activity(command.Activity with { Status = null }, 0, null);
            return content is null
                ? Failure.InvalidFields(mapper.Problems.Select(p => new FieldMessage(
                    p.Location.Replace("activities[0]", "activity", StringComparison.Ordinal), new BilingualText(
                    $"{p.Location.Replace("activities[0]", "activity", StringComparison.Ordinal)} : {p.Message.Fr}",
                    $"{p.Location.Replace("activities[0]", "activity", StringComparison.Ordinal)}: {p.Message.En}"))))
                : await HandleAsync(new Command(command.Viewer, command.Slug, command.ActivityId, command.ExpectedRowVersion, content), cancellationToken);
        }

        /// <summary>The activity in the latest version the viewer may see, references as stored; null when there is none.</summary>
        public Task<Current?> CurrentAsync(Viewer viewer, string slug, Guid activityId, CancellationToken cancellationToken) =>
            LoadAsync(viewer, slug, activityId, editable: false, cancellationToken);

        /// <summary>The activity as the edit form shows it: its references as "[[I.12]]" labels, with the activity each names.</summary>
        public Task<Current?> EditableAsync(Viewer viewer, string slug, Guid activityId, CancellationToken cancellationToken) =>
            LoadAsync(viewer, slug, activityId, editable: true, cancellationToken);

        private async Task<Current?> LoadAsync(Viewer viewer, string slug, Guid activityId, bool editable, CancellationToken cancellationToken)
        {
            var snapshot = await ProgrammeSnapshot.LoadAsync(db, slug, null, viewer, cancellationToken);
            var row = snapshot?.Version.Activities.SingleOrDefault(a => a.ActivityId == activityId);
            if (snapshot is null || row is null)
            {
                return null;
            }

            var shown = editable ? EditableReferences.Show(row, snapshot.Version) : new Dictionary<string, Guid>();
            return new Current(ExportProgramme.Handler.ToDto(row, snapshot.Reports.GetValueOrDefault(activityId)), row.RowVersion)
            {
                ShownReferences = shown,
            };
        }

        /// <summary>
        /// The plain "activité N" mentions in the activity's texts that name a live activity of its section: what the edit
        /// form offers to turn into references.
        /// </summary>
        public async Task<IReadOnlyList<Suggestion>> SuggestReferencesAsync(Viewer viewer, string slug, Guid activityId, CancellationToken cancellationToken)
        {
            var snapshot = await ProgrammeSnapshot.LoadAsync(db, slug, null, viewer, cancellationToken);
            var row = snapshot?.Version.Activities.SingleOrDefault(a => a.ActivityId == activityId);
            if (snapshot is null || row is null)
            {
                return [];
            }

            return new VersionReferences(snapshot.Version).MentionTargets(row.Content)
                .Select(t => new Suggestion(t.Number, t.ActivityId, snapshot.Version.Activities.Single(a => a.ActivityId == t.ActivityId).Title))
                .ToList();
        }

        /// <summary>
        /// Numbers belong to the programme, not to the form: they and the section stay as they are. A change of wording
        /// makes an unchanged or renumbered row "reworded".
        /// </summary>
        private static ActivityContent Normalise(ActivityContent stored, ActivityContent edited)
        {
            var content = edited with
            {
                Section = stored.Section,
                Number = stored.Number,
                PreviousNumber = stored.PreviousNumber,
                Revision = stored.Revision,
            };
            var reworded = !content.Equals(stored) && stored.Revision is RevisionKind.Unchanged or RevisionKind.Renumbered;
            return reworded ? content with { Revision = RevisionKind.Reworded } : content;
        }
    }
}
