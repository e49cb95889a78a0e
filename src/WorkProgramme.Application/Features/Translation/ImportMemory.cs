using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Translation;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Translation;

/// <summary>
/// Adds a TMX from the translation service to the translation memory (docs/decisions/0047): a preview first (pairs
/// added, already known, skipped with the reason), then the same plan saved as one import, audited. A pair the record
/// or an earlier import already holds is known, never added twice.
/// </summary>
public static class ImportMemory
{
    /// <summary><see cref="Origin"/> is the file's name, shown as the origin of its pairs.</summary>
    public sealed record Command(Viewer Viewer, string Origin, TmxRead File, bool Apply);

    /// <summary>A unit not taken: its number in the file (from 1) and why.</summary>
    public sealed record SkippedUnit(int Number, BilingualText Reason);

    public sealed record Outcome(int Added, int Known, IReadOnlyList<SkippedUnit> Skipped, bool Applied)
    {
        /// <summary>The reasons for skipping, each with how many units it concerns, most frequent first.</summary>
        public IReadOnlyList<(BilingualText Reason, int Count)> Reasons =>
            Skipped.GroupBy(s => s.Reason).Select(g => (g.Key, g.Count())).OrderByDescending(r => r.Item2).ToList();
    }

    public sealed class Handler(WorkProgrammeDb db, TranslationMemory.Handler memory, TimeProvider clock)
    {
        public async Task<Result<Outcome>> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (command.File.Problem is { } unreadable)
            {
                return Failure.Invalid(unreadable);
            }

            // The memory serves every body's programmes: those who edit them may feed it.
            if (!command.Viewer.IsAdmin && !command.Viewer.Roles.Contains(Roles.Editor))
            {
                return Failure.Forbidden;
            }

            if (command.File.Units.Count == 0)
            {
                return Failure.Invalid(new BilingualText("Cette mémoire de traduction ne contient aucune unité.", "This translation memory holds no unit."));
            }

            var known = (await memory.HandleAsync(cancellationToken)).Select(p => TranslationMemoryUnit.KeyOf(p.Fr, p.En)).ToHashSet(StringComparer.Ordinal);
            var import = new TranslationMemoryImport(Path.GetFileName(command.Origin), command.Viewer.Name ?? "", clock.GetUtcNow());
            var (alreadyKnown, skipped) = (0, new List<SkippedUnit>());
            foreach (var unit in command.File.Units)
            {
                if (unit.Skipped is { } reason)
                {
                    skipped.Add(new SkippedUnit(unit.Number, reason));
                }
                else if (!known.Add(TranslationMemoryUnit.KeyOf(unit.Fr!, unit.En!)))
                {
                    alreadyKnown++;
                }
                else
                {
                    import.Add(unit.Fr!, unit.En!, unit.Source);
                }
            }

            if (!command.Apply || import.Added == 0)
            {
                return new Outcome(import.Added, alreadyKnown, skipped, Applied: false);
            }

            db.TranslationMemoryImports.Add(import);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another import added one of these pairs meanwhile (the unique key): nothing of this one is saved.
                db.ChangeTracker.Clear();
                return Failure.Refused(new BilingualText(
                    "La mémoire a été modifiée pendant l’import ; rien n’a été ajouté : réessayez.",
                    "The memory was changed during the import; nothing was added: try again."));
            }

            return new Outcome(import.Added, alreadyKnown, skipped, Applied: true);
        }
    }
}
