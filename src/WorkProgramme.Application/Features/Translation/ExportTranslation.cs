using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Translation;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;

namespace WorkProgramme.Application.Features.Translation;

/// <summary>
/// The texts of a programme version (and of its status reports for a session) that need translating into
/// <see cref="Query.Target"/>, as XLIFF 1.2 for the translation service: missing or outdated translations, or every text
/// with <see cref="Query.All"/> (docs/decisions/0043).
/// </summary>
public static class ExportTranslation
{
    public sealed record Query(Viewer Viewer, string Slug, Language Target, string? VersionLabel = null, string? SessionKey = null, bool All = false);

    public sealed record Export(XliffFile File, string VersionLabel)
    {
        public int Units => File.Units.Count;
    }

    public sealed class Handler(WorkProgrammeDb db, TranslationMemory.Handler memory)
    {
        /// <summary>The labels of the versions the viewer may export, newest first; null when there is no such programme.</summary>
        public async Task<IReadOnlyList<string>?> VersionsAsync(Viewer viewer, string slug, CancellationToken cancellationToken)
        {
            var programme = await db.Programmes.AsNoTracking().Include(p => p.Versions)
                .SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
            return programme?.VisibleTo(viewer).Versions.Select(v => v.Label).ToList();
        }

        /// <summary>Null when the programme, version or session does not exist or the viewer may not see it.</summary>
        public async Task<Export?> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var snapshot = await ProgrammeSnapshot.LoadAsync(db, query.Slug, query.VersionLabel, query.Viewer, cancellationToken, query.SessionKey);
            if (snapshot is null)
            {
                return null;
            }

            var version = snapshot.Version;
            var source = query.Target.Other();
            var matcher = new MemoryMatcher(await memory.HandleAsync(cancellationToken), source);
            var units = new List<XliffUnit>();
            foreach (var text in TranslationTexts.Of(version, snapshot.Reports))
            {
                if (text.Text.In(source) is not { } sourceText)
                {
                    continue;
                }

                var target = text.Text.In(query.Target);
                var needed = TranslationState.Needs(text, query.Target);
                if (!needed && !query.All)
                {
                    continue;
                }

                var state = target is null ? UnitState.NeedsTranslation
                    : needed ? UnitState.NeedsReviewTranslation
                    : UnitState.Translated;

                // Suggestions where a translator starts from nothing: last session's English where only a date changed.
                units.Add(new XliffUnit(text.UnitId, sourceText, target, state, Notes(text, snapshot))
                {
                    Matches = state == UnitState.NeedsTranslation ? matcher.Matches(sourceText) : [],
                });
            }

            var labels = version.Activities.ToDictionary(a => a.ActivityId, a => ActivityReferenceNumbers.Text(version, a.ActivityId, query.Target));
            var file = new XliffFile(TranslationTexts.Original(snapshot.Programme.Slug, version.Label), source, query.Target, units) { Labels = labels };
            return new Export(file, version.Label);
        }

        /// <summary>For the translator: which activity and column the text is, in both languages, and the report's session.</summary>
        private static List<string> Notes(TranslationText text, ProgrammeSnapshot snapshot)
        {
            var notes = new List<string> { $"{text.Label} — {text.Column.Fr} / {text.Column.En}" };
            if (text.SessionKey is { } key && snapshot.Sessions.TryGetValue(key, out var session))
            {
                var name = snapshot.SessionNameOf(session);
                notes.Add($"{name.Fr} / {name.En}");
            }

            return notes;
        }
    }
}
