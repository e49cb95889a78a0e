using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Domain.Activities;

namespace WorkProgramme.Application.Features.TaskTypes;

/// <summary>The task types as every reader lists them: the table's order, then the code (docs/decisions/0052).</summary>
public static class TaskTypeList
{
    public static async Task<IReadOnlyList<TaskType>> LoadAsync(WorkProgrammeDb db, CancellationToken cancellationToken) =>
        (await db.TaskTypes.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(t => t.Order).ThenBy(t => t.Code, StringComparer.Ordinal).ToList();
}
