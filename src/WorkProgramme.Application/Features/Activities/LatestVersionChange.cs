using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;

namespace WorkProgramme.Application.Features.Activities;

/// <summary>
/// A change to one activity's place in the latest version (retire, move): found, allowed, made on top of the row version
/// the user saw, refused by the domain with its message, or lost to a concurrent save — never silently.
/// </summary>
internal static class LatestVersionChange
{
    public static async Task<EditActivity.Outcome> ApplyAsync(WorkProgrammeDb db, Viewer viewer, string slug, Guid activityId,
        int? expectedRowVersion, Action<ProgrammeVersion, ActivityVersion> change, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.Include(p => p.Versions).ThenInclude(v => v.Activities)
            .SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        var version = programme?.Latest;
        var row = version?.Activities.SingleOrDefault(a => a.ActivityId == activityId);
        if (programme is null || version is null || row is null)
        {
            return EditActivity.Outcome.Of(EditActivity.Status.NotFound);
        }

        if (!viewer.CanEdit(programme.BodyCode))
        {
            return EditActivity.Outcome.Of(EditActivity.Status.Forbidden);
        }

        if (expectedRowVersion != row.RowVersion)
        {
            return new EditActivity.Outcome(expectedRowVersion is null ? EditActivity.Status.MissingVersion : EditActivity.Status.Conflict,
                row.Content, row.RowVersion, []);
        }

        try
        {
            change(version, row);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException refused)
        {
            return new EditActivity.Outcome(EditActivity.Status.Invalid, row.Content, row.RowVersion, [refused.Messages]);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new EditActivity.Outcome(EditActivity.Status.Conflict, null, null, []);
        }

        return new EditActivity.Outcome(EditActivity.Status.Saved, row.Content, row.RowVersion, []);
    }
}
