using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Activities;

namespace WorkProgramme.Application.Features.Activities;

/// <summary>
/// Gives an activity another number in its section of the latest version; the activities between move one place and
/// every number of the section is recomputed (cross-references follow, being stored by id). Needs the row version the
/// user saw, like any edit.
/// </summary>
public static class MoveActivity
{
    public sealed record Command(Viewer Viewer, string Slug, Guid ActivityId, int? ExpectedRowVersion, int ToNumber);

    public sealed class Handler(WorkProgrammeDb db, WritePipeline pipeline)
    {
        public Task<Result<Versioned<ActivityContent>>> HandleAsync(Command command, CancellationToken cancellationToken) =>
            LatestRow.ChangeAsync(pipeline, db, command.Viewer, command.Slug, command.ActivityId, command.ExpectedRowVersion,
                (version, row) => version.MoveActivity(row.ActivityId, command.ToNumber), cancellationToken);
    }
}
