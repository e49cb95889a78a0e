using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.TaskTypes;

/// <summary>
/// The administrators' changes to the task types (docs/decisions/0052): a type added at the end, renamed in French and
/// English, moved up or down, or deleted when no activity version names it. The code never changes. Each runs through
/// <see cref="WritePipeline"/> (administrators only, serialized, audited by the trail's interceptor) and names the version
/// of the whole list it started from, a digest of every type (<see cref="StateVersion"/>): a save on top of a change made
/// meanwhile is a conflict.
/// </summary>
public static class TaskTypeEdits
{
    public sealed record Add(Viewer Viewer, string? ExpectedVersion, string? Code, string? NameFr, string? NameEn);

    public sealed record Rename(Viewer Viewer, string? ExpectedVersion, string Code, string? NameFr, string? NameEn);

    public sealed record Move(Viewer Viewer, string? ExpectedVersion, string Code, bool Up);

    public sealed record Delete(Viewer Viewer, string? ExpectedVersion, string Code);

    /// <summary>The version of the list, shown in the page's forms and checked when one is saved.</summary>
    public static string VersionOf(IEnumerable<TaskType> types) =>
        StateVersion.Of(types.OrderBy(t => t.Order).ThenBy(t => t.Code, StringComparer.Ordinal)
            .Select(t => new object?[] { t.Code, t.Name.Fr, t.Name.En, t.Order }).ToList());

    /// <summary>How many activity versions name each code (every version: the record's history too).</summary>
    internal static async Task<Dictionary<string, int>> UseAsync(WorkProgrammeDb db, CancellationToken cancellationToken) =>
        await db.ActivityVersions.AsNoTracking().Where(r => r.TaskType != null).GroupBy(r => r.TaskType!)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);

    public sealed class Handler(WorkProgrammeDb db, WritePipeline pipeline)
    {
        /// <summary>The value is the list's new version.</summary>
        public Task<Result<string>> HandleAsync(Add command, CancellationToken cancellationToken) =>
            ChangeAsync(command.Viewer, command.ExpectedVersion, types =>
            {
                var type = new TaskType(command.Code, new BilingualText(command.NameFr, command.NameEn), types.Count == 0 ? 1 : types.Max(t => t.Order) + 1);
                if (types.Any(t => string.Equals(t.Code, type.Code, StringComparison.Ordinal)))
                {
                    throw new DomainException($"Le code « {type.Code} » est déjà celui d’un type de tâches.", $"The code '{type.Code}' is already a task type's.");
                }

                CheckWordsApart(types, type.Code, type.Name);
                db.TaskTypes.Add(type);
                types.Add(type);
            }, cancellationToken);

        public Task<Result<string>> HandleAsync(Rename command, CancellationToken cancellationToken) =>
            ChangeAsync(command.Viewer, command.ExpectedVersion, types =>
            {
                var type = Find(types, command.Code);
                type.Rename(new BilingualText(command.NameFr, command.NameEn));
                CheckWordsApart(types, type.Code, type.Name);
            }, cancellationToken);

        /// <summary>Swaps the type with the one before it (or after it); at the end of the list, nothing moves.</summary>
        public Task<Result<string>> HandleAsync(Move command, CancellationToken cancellationToken) =>
            ChangeAsync(command.Viewer, command.ExpectedVersion, types =>
            {
                var type = Find(types, command.Code);
                var ordered = types.OrderBy(t => t.Order).ThenBy(t => t.Code, StringComparer.Ordinal).ToList();
                var index = ordered.IndexOf(type);
                var other = index + (command.Up ? -1 : 1);
                if (other < 0 || other >= ordered.Count)
                {
                    return;
                }

                (ordered[index], ordered[other]) = (ordered[other], ordered[index]);
                for (var i = 0; i < ordered.Count; i++)
                {
                    if (ordered[i].Order != i + 1)
                    {
                        ordered[i].MoveTo(i + 1);
                    }
                }
            }, cancellationToken);

        public Task<Result<string>> HandleAsync(Delete command, CancellationToken cancellationToken) =>
            ChangeAsync(command.Viewer, command.ExpectedVersion, types =>
            {
                var type = Find(types, command.Code);
                TaskType.CheckUnused(type.Code, db.ActivityVersions.Count(r => r.TaskType == type.Code));
                db.TaskTypes.Remove(type);
                types.Remove(type);
            }, cancellationToken);

        private static TaskType Find(List<TaskType> types, string code) =>
            types.Find(t => string.Equals(t.Code, code, StringComparison.Ordinal))
            ?? throw new DomainException($"Il n’y a pas de type de tâches « {code} ».", $"There is no task type '{code}'.");

        /// <summary>
        /// A workbook or an annex names a type by its code or its words, accent- and case-insensitive: no two types may
        /// read alike, or a cell would name two.
        /// </summary>
        private static void CheckWordsApart(List<TaskType> types, string code, BilingualText name)
        {
            string[] mine = [ProgrammeTable.Normalise(code), ProgrammeTable.Normalise(name.Fr), ProgrammeTable.Normalise(name.En)];
            foreach (var other in types.Where(t => !string.Equals(t.Code, code, StringComparison.Ordinal)))
            {
                string[] theirs = [ProgrammeTable.Normalise(other.Code), ProgrammeTable.Normalise(other.Name.Fr), ProgrammeTable.Normalise(other.Name.En)];
                if (mine.Intersect(theirs).FirstOrDefault(w => w.Length > 0) is not null)
                {
                    throw new DomainException(
                        $"Ces mots se lisent comme ceux du type « {other.Name.Fr} » ({other.Code}) : un classeur ne saurait lequel des deux il nomme.",
                        $"These words read like those of the type '{other.Name.En}' ({other.Code}): a workbook could not tell which of the two it names.");
                }
            }
        }

        private Task<Result<string>> ChangeAsync(Viewer viewer, string? expectedVersion, Action<List<TaskType>> change, CancellationToken cancellationToken) =>
            pipeline.RunAsync(new Write<List<TaskType>, string>(viewer, expectedVersion, async ct =>
                {
                    var types = await db.TaskTypes.ToListAsync(ct);
                    return new Target<List<TaskType>>(types, "", VersionOf(types));
                },
                (types, _) =>
                {
                    change(types);
                    return Task.FromResult<Result<string>>(VersionOf(types));
                })
            {
                // Reference data is the administrators'.
                MayChange = (viewer, _) => viewer.IsAdmin,
                Serialized = true,
            }, cancellationToken);
    }
}
