using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Documents.Translation;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Translation;

/// <summary>
/// The translation memory: every FR/EN pair the system holds, programme texts of every version and status reports of
/// every session, each pair once (docs/decisions/0044). Derived, never stored: it is always what the record says.
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
            return Pairs(texts);
        }
    }

    public static IReadOnlyList<MemoryPair> Pairs(IEnumerable<BilingualText> texts) =>
        texts.Where(t => t.Fr is not null && t.En is not null)
            .Select(t => new MemoryPair(t.Fr!, t.En!))
            .Distinct()
            .OrderBy(p => p.Fr, StringComparer.Ordinal).ThenBy(p => p.En, StringComparer.Ordinal)
            .ToList();
}
