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
/// or an earlier import already holds is known, never added twice. The page at /translation/memory and
/// <c>wp translation memory --import</c> call it.
/// </summary>
public static class ImportMemory
{
    /// <summary><see cref="Origin"/> is the file's name, shown as the origin of its pairs.</summary>
    /// <param name="ExpectedState">The digest of the preview confirmed (<see cref="Outcome.State"/>): applied only when the
    /// file would still add exactly what the preview showed. Null from the command line, which previews and applies in one run.</param>
    public sealed record Command(Viewer Viewer, string Origin, TmxRead File, bool Apply, string? ExpectedState = null);

    /// <summary>A unit not taken: its number in the file (from 1) and why.</summary>
    public sealed record SkippedUnit(int Number, BilingualText Reason);

    /// <param name="State">A digest of what the file adds, finds known and skips against the memory as it is now.</param>
    public sealed record Outcome(int Added, int Known, IReadOnlyList<SkippedUnit> Skipped, bool Applied, string State = "")
    {
        /// <summary>The reasons for skipping, each with how many units it concerns, most frequent first.</summary>
        public IReadOnlyList<(BilingualText Reason, int Count)> Reasons =>
            Skipped.GroupBy(s => s.Reason).Select(g => (g.Key, g.Count())).OrderByDescending(r => r.Item2).ToList();
    }

    /// <summary>
    /// Who may feed the memory: it serves every body's programmes, so administrators and the editors of any body. The one
    /// rule: the handler checks it, and the page's policy (<c>Policies.TranslationMemory</c>) is it.
    /// </summary>
    public static bool MayImport(Viewer viewer) => viewer.IsAdmin || viewer.Roles.Contains(Roles.Editor);

    public sealed class Handler(WorkProgrammeDb db, TranslationMemory.Handler memory, TimeProvider clock)
    {
        public async Task<Result<Outcome>> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (command.File.Problem is { } unreadable)
            {
                return Failure.Invalid(unreadable);
            }

            if (!MayImport(command.Viewer))
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

            var state = StateVersion.Of(import.Origin, import.Units.Select(u => u.PairKey), alreadyKnown, skipped.Select(u => new object?[] { u.Number, u.Reason.En }));
            if (!command.Apply || import.Added == 0)
            {
                return new Outcome(import.Added, alreadyKnown, skipped, Applied: false, state);
            }

            if (command.ExpectedState is not null && command.ExpectedState != state)
            {
                return Failure.Refused(new BilingualText(
                    "La mémoire ou le fichier a changé depuis l’aperçu ; rien n’a été ajouté : envoyez le fichier de nouveau pour voir ce qu’il ajouterait maintenant.",
                    "The memory or the file has changed since the preview; nothing was added: upload the file again to see what it would add now."));
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

            return new Outcome(import.Added, alreadyKnown, skipped, Applied: true, state);
        }
    }
}
