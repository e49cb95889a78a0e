using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Activities;

namespace WorkProgramme.Application.Features.Activities;

/// <summary>
/// "Translation checked": an editor confirms that the activity's texts say the same in French and English although one
/// side changed after the other was written. Clears the drift marks of the row in the latest version; audited like any
/// edit (the field and its old value), and refused on a stale row version.
/// </summary>
public static class ConfirmTranslation
{
    public sealed record Command(Viewer Viewer, string Slug, Guid ActivityId, int? ExpectedRowVersion);

    public sealed class Handler(WorkProgrammeDb db, WritePipeline pipeline)
    {
        public Task<Result<Versioned<ActivityContent>>> HandleAsync(Command command, CancellationToken cancellationToken) =>
            LatestRow.ChangeAsync(pipeline, db, command.Viewer, command.Slug, command.ActivityId, command.ExpectedRowVersion,
                (version, row) => version.ConfirmTranslations(row.ActivityId), cancellationToken);
    }
}
