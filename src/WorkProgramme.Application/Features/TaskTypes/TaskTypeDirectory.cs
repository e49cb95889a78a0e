using WorkProgramme.Application.Data;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.TaskTypes;

/// <summary>
/// The task types as the administrators' page and <c>wp task-type list</c> show them (docs/decisions/0052): code, words,
/// order and how many activity versions name each (a type in use is renamed, never deleted), with the list's version.
/// </summary>
public sealed class TaskTypeDirectory(WorkProgrammeDb db)
{
    public sealed record Row(string Code, BilingualText Name, int Order, int Activities);

    public sealed record Listing(IReadOnlyList<Row> Types, string Version);

    public async Task<Listing> ListAsync(CancellationToken cancellationToken)
    {
        var types = await TaskTypeList.LoadAsync(db, cancellationToken);
        var use = await TaskTypeEdits.UseAsync(db, cancellationToken);
        return new Listing(types.Select(t => new Row(t.Code, t.Name, t.Order, use.GetValueOrDefault(t.Code))).ToList(), TaskTypeEdits.VersionOf(types));
    }
}
