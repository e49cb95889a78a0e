using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Programmes;

namespace WorkProgramme.Application.Features.Activities;

/// <summary>Adds a new activity at the end of its section in the programme's latest version (marked new, next number).</summary>
public static class CreateActivity
{
    public sealed record Command(Viewer Viewer, string Slug, ActivityContent Content);

    public sealed class Handler(WorkProgrammeDb db, WritePipeline pipeline)
    {
        /// <summary>The new activity's id.</summary>
        public Task<Result<Guid>> HandleAsync(Command command, CancellationToken cancellationToken) =>
            pipeline.RunAsync(new Write<(Programme Programme, ProgrammeVersion Version), Guid>(command.Viewer, null, async ct =>
            {
                var programme = await db.Programmes.Include(p => p.Versions).ThenInclude(v => v.Activities)
                    .SingleOrDefaultAsync(p => p.Slug == command.Slug, ct);
                var version = programme?.Latest;
                return programme is null || version is null
                    ? null
                    : new Target<(Programme, ProgrammeVersion)>((programme, version), programme.BodyCode, StateVersion.Of(version.Sequence));
            },
            async (target, ct) =>
            {
                var (programme, version) = target;
                var (edited, unknownReference) = EditableReferences.Resolve(command.Content, version, shown: null);
                if (edited is null)
                {
                    return Failure.Invalid(unknownReference!);
                }

                var content = await ActivityValidation.WithRolesThatSaySomethingAsync(db,
                    edited with { Number = 1, PreviousNumber = null, Revision = RevisionKind.New }, ct);
                var problems = await ActivityValidation.ProblemsAsync(db, programme.Id, content, ct);
                if (problems.Count > 0)
                {
                    return Failure.Invalid(problems);
                }

                var activity = new Activity(Guid.NewGuid(), programme.Id);
                version.AddNewActivity(activity.Id, content);
                db.Activities.Add(activity);
                return activity.Id;
            }) { CreatesNew = true }, cancellationToken);
    }
}
