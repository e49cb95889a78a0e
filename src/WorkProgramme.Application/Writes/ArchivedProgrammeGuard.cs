using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Assignments;
using WorkProgramme.Application.Features.Comments;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.Rounds;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Writes;

/// <summary>
/// The one guard of archived programmes (docs/decisions/0040): a save that adds, changes or deletes anything of a
/// programme archived in the store (the programme, its versions and rows, its activities, their reports, decisions,
/// comments and assignments, its rounds) is refused with <see cref="ArchivedProgrammeException"/>, whichever handler
/// made it. The write pipeline answers it as a conflict in words; nothing is saved. The save that archives a programme
/// (a next period taking over) passes, since the store does not hold it archived yet.
/// </summary>
public sealed class ArchivedProgrammeGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is WorkProgrammeDb db)
        {
            CheckAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is WorkProgrammeDb db)
        {
            await CheckAsync(db, cancellationToken);
        }

        return result;
    }

    private static async Task CheckAsync(WorkProgrammeDb db, CancellationToken cancellationToken)
    {
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity)
            .Where(e => e is Programme or ProgrammeVersion or ActivityVersion or Activity or StatusReport or SessionDecision or Comment
                or ActivityAssignment or ReportingRound)
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var archived = await db.Programmes.AsNoTracking().Where(p => p.IsArchived).ToDictionaryAsync(p => p.Id, cancellationToken);
        if (archived.Count == 0)
        {
            return;
        }

        var ids = archived.Keys.ToList();
        var versions = await db.ProgrammeVersions.AsNoTracking().Where(v => ids.Contains(v.ProgrammeId))
            .ToDictionaryAsync(v => v.Id, v => v.ProgrammeId, cancellationToken);
        var activities = await db.Activities.AsNoTracking().Where(a => ids.Contains(a.ProgrammeId))
            .ToDictionaryAsync(a => a.Id, a => a.ProgrammeId, cancellationToken);
        int? ProgrammeOf(object entity) => entity switch
        {
            Programme p => p.Id,
            ProgrammeVersion v => v.ProgrammeId,
            ActivityVersion r => versions.TryGetValue(r.ProgrammeVersionId, out var p) ? p : null,
            Activity a => a.ProgrammeId,
            ReportingRound r => r.ProgrammeId,
            StatusReport r => Of(r.ActivityId),
            SessionDecision d => Of(d.ActivityId),
            Comment c => Of(c.ActivityId),
            ActivityAssignment x => Of(x.ActivityId),
            _ => null,
        };
        int? Of(Guid activityId) => activities.TryGetValue(activityId, out var p) ? p : null;

        foreach (var entity in changed)
        {
            if (ProgrammeOf(entity) is { } programmeId && archived.TryGetValue(programmeId, out var programme))
            {
                throw new ArchivedProgrammeException(programme.Title);
            }
        }
    }
}
