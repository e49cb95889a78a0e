using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Documents.Translation;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Translation;

/// <summary>
/// What the report form offers beside an empty English field: the memory's best match for the French, exact or near,
/// found by the matcher that gives the XLIFF export its <c>&lt;alt-trans&gt;</c> (docs/decisions/0044, 0048), and where
/// that pair was written (the latest published report holding it, else the newest programme version).
/// </summary>
public static class ReportSuggestions
{
    /// <summary>
    /// One suggestion: the text's <see cref="Key"/> as the XLIFF unit ids name it ("narrative", "next-steps",
    /// "milestone-2"), the English and its score (100 for the same French), and where it comes from.
    /// </summary>
    public sealed record Suggestion(ReportTextField Field, int Index, string Text, int Score, string? SessionKey, string? VersionLabel)
    {
        public string Key => KeyOf(Field, Index);
    }

    public static string KeyOf(ReportTextField field, int index) => field switch
    {
        ReportTextField.Narrative => "narrative",
        ReportTextField.NextSteps => "next-steps",
        _ => $"milestone-{(index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}",
    };

    public sealed class Handler(WorkProgrammeDb db, TranslationMemory.Handler memory)
    {
        public async Task<IReadOnlyList<Suggestion>> HandleAsync(StatusReport report, CancellationToken cancellationToken)
        {
            var empty = TranslationTexts.Of(report, "").Where(t => t.Text.Fr is not null && t.Text.En is null).ToList();
            if (empty.Count == 0)
            {
                return [];
            }

            var matcher = new MemoryMatcher(await memory.HandleAsync(cancellationToken), Language.Fr);
            var best = empty
                .Select(t => (Text: t, Match: matcher.Matches(t.Text.Fr!, max: 1).FirstOrDefault()))
                .Where(m => m.Match is not null)
                .ToList();
            if (best.Count == 0)
            {
                return [];
            }

            var sessions = await db.Sessions.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.MonthIndex, StringComparer.Ordinal, cancellationToken);
            var reports = (await db.StatusReports.AsNoTracking().Where(r => r.State == ReportState.Published).ToListAsync(cancellationToken))
                .OrderByDescending(r => sessions.GetValueOrDefault(r.SessionKey)).ToList();
            var suggestions = new List<Suggestion>();
            foreach (var (text, match) in best)
            {
                var pair = new BilingualText(match!.Source, match.Target);
                var session = reports.FirstOrDefault(r => r.Narrative == pair || r.NextSteps == pair || r.MilestonesReached.Any(m => m.Text == pair))?.SessionKey;
                var version = session is null ? await VersionHoldingAsync(pair, cancellationToken) : null;
                suggestions.Add(new Suggestion(text.ReportField!.Value, text.Index, match.Target, match.Score, session, version));
            }

            return suggestions;
        }

        /// <summary>The newest programme version whose activity texts hold the pair (the memory holds only what the record does).</summary>
        private async Task<string?> VersionHoldingAsync(BilingualText pair, CancellationToken cancellationToken)
        {
            var versions = await db.Programmes.AsNoTracking().Include(p => p.Versions).ThenInclude(v => v.Activities)
                .SelectMany(p => p.Versions).ToListAsync(cancellationToken);
            return versions.Where(v => v.Activities.Any(a => a.Texts.Any(t => t.Text == pair)))
                .OrderByDescending(v => v.Id).Select(v => v.Label).FirstOrDefault();
        }
    }
}
