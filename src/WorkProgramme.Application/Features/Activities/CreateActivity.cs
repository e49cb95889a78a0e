using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Activities;

/// <summary>Adds a new activity at the end of its section in the programme's latest version (marked new, next number).</summary>
public static class CreateActivity
{
    public sealed record Command(Viewer Viewer, string Slug, ActivityContent Content);

    public sealed record Outcome(EditActivity.Status Status, Guid? ActivityId, IReadOnlyList<BilingualText> Problems);

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<Outcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var programme = await db.Programmes.Include(p => p.Versions).ThenInclude(v => v.Activities)
                .SingleOrDefaultAsync(p => p.Slug == command.Slug, cancellationToken);
            var version = programme?.Latest;
            if (programme is null || version is null)
            {
                return new Outcome(EditActivity.Status.NotFound, null, []);
            }

            if (!command.Viewer.CanEdit(programme.BodyCode))
            {
                return new Outcome(EditActivity.Status.Forbidden, null, []);
            }

            var (edited, unknownReference) = EditableReferences.Resolve(command.Content, version, shown: null);
            if (edited is null)
            {
                return new Outcome(EditActivity.Status.Invalid, null, [unknownReference!]);
            }

            var content = edited with { Number = 1, PreviousNumber = null, Revision = RevisionKind.New };
            var problems = await ActivityValidation.ProblemsAsync(db, content, cancellationToken);
            if (problems.Count > 0)
            {
                return new Outcome(EditActivity.Status.Invalid, null, problems);
            }

            var activity = new Activity(Guid.NewGuid(), programme.Id);
            try
            {
                version.AddNewActivity(activity.Id, content);
            }
            catch (DomainException refused)
            {
                return new Outcome(EditActivity.Status.Invalid, null, [refused.Messages]);
            }

            db.Activities.Add(activity);
            await db.SaveChangesAsync(cancellationToken);
            return new Outcome(EditActivity.Status.Saved, activity.Id, []);
        }
    }
}
