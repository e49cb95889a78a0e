using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Activities;

/// <summary>
/// Retires an activity from the latest version: never a hard delete, the row stays as deleted and the rows after it
/// move up one number. Needs the row version the user saw, like any edit.
/// </summary>
public static class RetireActivity
{
    public sealed record Command(Viewer Viewer, string Slug, Guid ActivityId, int? ExpectedRowVersion);

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<EditActivity.Outcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var programme = await db.Programmes.Include(p => p.Versions).ThenInclude(v => v.Activities)
                .SingleOrDefaultAsync(p => p.Slug == command.Slug, cancellationToken);
            var version = programme?.Versions.MaxBy(v => v.Sequence);
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
                version.Retire(row.ActivityId);
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
