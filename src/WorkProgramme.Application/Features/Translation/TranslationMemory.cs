using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Documents.Translation;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Translation;

/// <summary>
/// The translation memory: every FR/EN pair the system holds, programme texts of every version and status reports of
/// every session, each pair once (docs/decisions/0044). Derived, never stored: it is always what the record says. The
/// pairs imported from the translation service's TMX files follow, each with its origin, where the record does not
/// hold the same pair (docs/decisions/0047).
/// </summary>
public static class TranslationMemory
{
    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<IReadOnlyList<MemoryPair>> HandleAsync(CancellationToken cancellationToken)
        {
            var rows = await db.Programmes.AsNoTracking().Include(p => p.Versions).ThenInclude(v => v.Activities)
                .SelectMany(p => p.Versions).SelectMany(v => v.Activities).ToListAsync(cancellationToken);
            var reports = await db.StatusReports.AsNoTracking().ToListAsync(cancellationToken);
            var texts = rows.SelectMany(r => r.Texts.Select(t => t.Text))
                .Concat(reports.SelectMany(r => new[] { r.Narrative, r.NextSteps }.Concat(r.MilestonesReached.Select(m => m.Text))));
            var record = Pairs(texts);
            var held = record.Select(p => (p.Fr, p.En)).ToHashSet();
            var imported = await db.TranslationMemoryUnits.AsNoTracking()
                .Join(db.TranslationMemoryImports, u => u.ImportId, i => i.Id, (u, i) => new { u.Fr, u.En, i.Origin })
                .ToListAsync(cancellationToken);
            return
            [
                .. record,
                .. imported.Where(u => !held.Contains((u.Fr, u.En)))
                    .OrderBy(u => u.Fr, StringComparer.Ordinal).ThenBy(u => u.En, StringComparer.Ordinal)
                    .Select(u => new MemoryPair(u.Fr, u.En) { Origin = u.Origin }),
            ];
        }
    }

    public static IReadOnlyList<MemoryPair> Pairs(IEnumerable<BilingualText> texts) =>
        texts.Where(t => t.Fr is not null && t.En is not null)
            .Select(t => new MemoryPair(t.Fr!, t.En!))
            .Distinct()
            .OrderBy(p => p.Fr, StringComparer.Ordinal).ThenBy(p => p.En, StringComparer.Ordinal)
            .ToList();
}
