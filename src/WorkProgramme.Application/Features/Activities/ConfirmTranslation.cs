using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Activities;

/// <summary>
/// "Translation checked": an editor confirms that the activity's texts say the same in French and English although one
/// side changed after the other was written. Clears the drift marks of the row in the latest version; audited like any
/// edit (the field and its old value), and refused on a stale row version.
/// </summary>
public static class ConfirmTranslation
{
    public sealed record Command(Viewer Viewer, string Slug, Guid ActivityId, int? ExpectedRowVersion);

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<EditActivity.Outcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var programme = await db.Programmes.Include(p => p.Versions).ThenInclude(v => v.Activities)
                .SingleOrDefaultAsync(p => p.Slug == command.Slug, cancellationToken);
            var version = programme?.Latest;
            var row = version?.Activities.SingleOrDefault(a => a.ActivityId == command.ActivityId);
            if (programme is null || version is null || row is null)
            {
                return EditActivity.Outcome.Of(EditActivity.Status.NotFound);
            }

            if (!command.Viewer.CanEdit(programme.BodyCode))
            {
                return EditActivity.Outcome.Of(EditActivity.Status.Forbidden);
            }

            if (command.ExpectedRowVersion != row.RowVersion)
            {
                return new EditActivity.Outcome(command.ExpectedRowVersion is null ? EditActivity.Status.MissingVersion : EditActivity.Status.Conflict,
                    row.Content, row.RowVersion, []);
            }

            try
            {
                version.ConfirmTranslations(row.ActivityId);
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
}
