using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Activities;

namespace WorkProgramme.Application.Features.Activities;

/// <summary>
/// Retires an activity from the latest version: never a hard delete, the row stays as deleted and the rows after it
/// move up one number. Needs the row version the user saw, like any edit.
/// </summary>
public static class RetireActivity
{
    public sealed record Command(Viewer Viewer, string Slug, Guid ActivityId, int? ExpectedRowVersion);

    public sealed class Handler(WorkProgrammeDb db, WritePipeline pipeline)
    {
        public Task<Result<Versioned<ActivityContent>>> HandleAsync(Command command, CancellationToken cancellationToken) =>
            LatestRow.ChangeAsync(pipeline, db, command.Viewer, command.Slug, command.ActivityId, command.ExpectedRowVersion,
                (version, row) => version.Retire(row.ActivityId), cancellationToken);
    }
}
