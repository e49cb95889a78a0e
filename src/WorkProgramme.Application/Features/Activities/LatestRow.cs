using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Programmes;

namespace WorkProgramme.Application.Features.Activities;

/// <summary>
/// An activity's row in the programme's latest version, loaded for change: the target of every activity write (edit,
/// retire, move, translation checked), whose version is the row version.
/// </summary>
internal sealed record LatestRow(Programme Programme, ProgrammeVersion Version, ActivityVersion Row)
{
    public static async Task<Target<LatestRow>?> LoadAsync(WorkProgrammeDb db, string slug, Guid activityId, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.Include(p => p.Versions).ThenInclude(v => v.Activities)
            .SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        var version = programme?.Latest;
        var row = version?.Activities.SingleOrDefault(a => a.ActivityId == activityId);
        return programme is null || version is null || row is null
            ? null
            : new Target<LatestRow>(new LatestRow(programme, version, row), programme.BodyCode, StateVersion.Of(row.RowVersion));
    }

    /// <summary>The row's content and version as they are now (after the change, on success).</summary>
    public static Versioned<ActivityContent> Shown(LatestRow latest) => new(latest.Row.Content, StateVersion.Of(latest.Row.RowVersion));

    /// <summary>A change of the row's place or marks through the domain, on top of the row version the caller saw.</summary>
    public static Task<Result<Versioned<ActivityContent>>> ChangeAsync(WritePipeline pipeline, WorkProgrammeDb db, Viewer viewer, string slug,
        Guid activityId, int? expectedRowVersion, Action<ProgrammeVersion, ActivityVersion> change, CancellationToken cancellationToken) =>
        pipeline.RunAsync(new Write<LatestRow, Versioned<ActivityContent>>(viewer, StateVersion.Of(expectedRowVersion),
            ct => LoadAsync(db, slug, activityId, ct),
            (latest, _) =>
            {
                change(latest.Version, latest.Row);
                return Task.FromResult<Result<Versioned<ActivityContent>>>(Shown(latest));
            }) { Shown = Shown }, cancellationToken);
}
