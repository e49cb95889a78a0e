using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Search;

/// <summary>
/// The search box (docs/decisions/0041): activities and status reports of every programme, in French and English, as
/// far as <see cref="Programme.VisibleTo"/> lets the viewer see them. The database's own full-text index finds the
/// rows (SQLite FTS5, PostgreSQL tsvector); this handler keeps only what the viewer may see and cuts the texts into
/// fragments with the matching words marked. The page and GET /api/search call it.
/// </summary>
public static class SearchRecord
{
    public const int DefaultLimit = 50;

    public sealed record Query(
        Viewer Viewer,
        string? Text,
        Language Language,
        string? Programme = null,
        string? Body = null,
        string? Session = null,
        StatusKeyword? Keyword = null,
        ExecutionLevel? Level = null,
        int Limit = DefaultLimit)
    {
        /// <summary>A session, keyword or level asks for status reports only: an activity row has none of them.</summary>
        public bool ReportsOnly => Session is not null || Keyword is not null || Level is not null;
    }

    public enum HitKind
    {
        Activity,
        StatusReport,
    }

    /// <summary>
    /// One activity (its newest row the viewer may see) or one status report. Texts are fragments in
    /// <see cref="TitleLanguage"/> and <see cref="SnippetLanguage"/>: the reader's language, or the other one when only
    /// the other one holds the words searched for.
    /// </summary>
    public sealed record Hit(
        HitKind Kind,
        string ProgrammeSlug,
        BilingualText ProgrammeTitle,
        string BodyCode,
        string VersionLabel,
        Guid ActivityId,
        string Label,
        IReadOnlyList<Fragment> Title,
        Language TitleLanguage,
        IReadOnlyList<Fragment> Snippet,
        Language SnippetLanguage,
        string? SessionKey,
        StatusKeyword? Keyword,
        ExecutionLevel? Level,
        bool Draft);

    public sealed record ProgrammeChoice(string Slug, BilingualText Title, string BodyCode);

    public sealed record Result(
        IReadOnlyList<string> Terms,
        IReadOnlyList<Hit> Hits,
        bool More,
        IReadOnlyList<ProgrammeChoice> Programmes,
        IReadOnlyList<string> Bodies,
        IReadOnlyList<string> Sessions);

    public sealed class Handler(WorkProgrammeDb db, DatabaseOptions options, ReadModelCache cache, RecordState state)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            // The programmes with their versions and every session, read once per state of the record and shared
            // (docs/decisions/0037, 0051): never changed here, only read through Programme.VisibleTo.
            var record = await cache.GetOrBuildAsync(await state.StampAsync(cancellationToken), RecordKey.Instance, async () => new Record(
                await db.Programmes.AsNoTracking().Include(p => p.Versions).OrderBy(p => p.Slug).ToListAsync(cancellationToken),
                await db.Sessions.AsNoTracking()
                    .OrderByDescending(s => s.Year).ThenByDescending(s => s.Month).ThenBy(s => s.Key)
                    .Select(s => new SessionKey(s.Key, s.BodyCode)).ToListAsync(cancellationToken)));
            var programmes = record.Programmes;
            var visible = programmes
                .Select(p => (Programme: p, Visibility: p.VisibleTo(query.Viewer)))
                .Where(p => p.Visibility.Latest is not null)
                .ToList();
            var bodies = visible.Select(p => p.Programme.BodyCode).Distinct().Order(StringComparer.Ordinal).ToList();
            var visibleBodies = bodies.ToHashSet(StringComparer.Ordinal);
            var sessions = record.Sessions.Where(s => visibleBodies.Contains(s.BodyCode)).Select(s => s.Key).ToList();
            var choices = visible.Select(p => new ProgrammeChoice(p.Programme.Slug, p.Programme.Title, p.Programme.BodyCode)).ToList();

            var terms = SearchTerms.Of(query.Text);
            if (terms.Count == 0)
            {
                return new Result(terms, [], false, choices, bodies, sessions);
            }

            var scope = visible
                .Where(p => query.Programme is null || p.Programme.Slug == query.Programme)
                .Where(p => query.Body is null || p.Programme.BodyCode == query.Body)
                .ToList();
            // Version id -> (programme, visibility, newness): the only versions whose rows may be shown.
            var versions = scope
                .SelectMany(p => p.Visibility.Versions.Select(v => (v.Id, p.Programme, p.Visibility, v.Sequence, v.Label)))
                .ToDictionary(v => v.Id);
            var versionIds = versions.Keys.ToList();

            // Every match is sorted by its number alone; only the page shown loads its texts and is cut into fragments:
            // a common word matches thousands of rows.
            var candidates = new List<Candidate>();
            if (!query.ReportsOnly)
            {
                var matching = MatchingIds("SearchActivities", terms);
                var rows = await db.ActivityVersions.AsNoTracking()
                    .Where(a => matching.Contains(a.Id) && versionIds.Contains(a.ProgrammeVersionId) && a.Revision != RevisionKind.Deleted)
                    .Select(a => new RowKey(a.Id, a.ActivityId, a.ProgrammeVersionId, a.Section, a.Number))
                    .ToListAsync(cancellationToken);
                foreach (var row in rows.GroupBy(r => r.ActivityId).Select(g => g.MaxBy(r => versions[r.ProgrammeVersionId].Sequence)!))
                {
                    var version = versions[row.ProgrammeVersionId];
                    candidates.Add(new Candidate(HitKind.Activity, row, version.Programme, version.Label, null, null, null, null, false,
                        $"{version.Programme.Slug}\u0001{(int)row.Section}\u0001{row.Number ?? 0:D5}\u00010"));
                }
            }

            {
                // One query: each matching report with every row of its activity in a version the viewer may see (a
                // common word matches thousands of reports; their activities' ids are not sent back as a list).
                var matching = MatchingIds("SearchReports", terms);
                var reports = await db.StatusReports.AsNoTracking()
                    .Where(r => matching.Contains(r.Id))
                    .Where(r => query.Session == null || r.SessionKey == query.Session)
                    .Where(r => query.Keyword == null || r.Keyword == query.Keyword)
                    .Where(r => query.Level == null || r.ExecutionLevel == query.Level)
                    .Join(db.ActivityVersions.Where(a => versionIds.Contains(a.ProgrammeVersionId)), r => r.ActivityId, a => a.ActivityId, (r, a) => new
                    {
                        r.Id, r.SessionKey, r.Keyword, r.ExecutionLevel, r.State,
                        RowId = a.Id, a.ActivityId, a.ProgrammeVersionId, a.Section, a.Number,
                    })
                    .ToListAsync(cancellationToken);
                foreach (var found in reports.GroupBy(r => r.Id))
                {
                    var report = found.MaxBy(r => versions[r.ProgrammeVersionId].Sequence)!;
                    var row = new RowKey(report.RowId, report.ActivityId, report.ProgrammeVersionId, report.Section, report.Number);
                    var version = versions[row.ProgrammeVersionId];
                    if (report.State != ReportState.Published && !version.Visibility.SeesDrafts)
                    {
                        continue;
                    }

                    candidates.Add(new Candidate(HitKind.StatusReport, row, version.Programme, version.Label, report.Id, report.SessionKey, report.Keyword,
                        report.ExecutionLevel, report.State != ReportState.Published,
                        $"{version.Programme.Slug}\u0001{(int)row.Section}\u0001{row.Number ?? 0:D5}\u00011{report.SessionKey}"));
                }
            }

            var limit = Math.Clamp(query.Limit, 1, 200);
            var shown = candidates.OrderBy(c => c.Sort, StringComparer.Ordinal).Take(limit).ToList();
            var rowIds = shown.Select(c => c.Row.Id).Distinct().ToList();
            var rowTexts = await db.ActivityVersions.AsNoTracking().Where(a => rowIds.Contains(a.Id))
                .Select(a => new
                {
                    a.Id, TitleFr = a.Title.Fr, TitleEn = a.Title.En, KpiFr = a.Kpi.Fr, KpiEn = a.Kpi.En,
                    ResourcesFr = a.Resources.Fr, ResourcesEn = a.Resources.En,
                })
                .ToDictionaryAsync(a => a.Id, cancellationToken);
            var reportIds = shown.Where(c => c.ReportId is not null).Select(c => c.ReportId!.Value).ToList();
            var reportTexts = await db.StatusReports.AsNoTracking().Where(r => reportIds.Contains(r.Id))
                .Select(r => new
                {
                    r.Id, NarrativeFr = r.Narrative.Fr, NarrativeEn = r.Narrative.En, NextStepsFr = r.NextSteps.Fr, NextStepsEn = r.NextSteps.En,
                    r.MilestonesReached,
                })
                .ToDictionaryAsync(r => r.Id, cancellationToken);

            var hits = shown.Select(c =>
            {
                var row = rowTexts[c.Row.Id];
                var title = new BilingualText(row.TitleFr, row.TitleEn);
                BilingualText body;
                if (c.ReportId is { } reportId)
                {
                    var report = reportTexts[reportId];
                    var milestones = report.MilestonesReached.Select(m => m.Text).ToList();
                    body = new BilingualText(
                        Join([report.NarrativeFr, .. milestones.Select(m => m.Fr), report.NextStepsFr]),
                        Join([report.NarrativeEn, .. milestones.Select(m => m.En), report.NextStepsEn]));
                }
                else
                {
                    body = new BilingualText(Join(row.KpiFr, row.ResourcesFr), Join(row.KpiEn, row.ResourcesEn));
                }

                var (titleLanguage, titleText) = Pick(title, query.Language, terms);
                var (snippetLanguage, snippetText) = Pick(body, query.Language, terms);
                return new Hit(c.Kind, c.Programme.Slug, c.Programme.Title, c.Programme.BodyCode, c.VersionLabel, c.Row.ActivityId,
                    new ActivityLabel(c.Row.Section, c.Row.Number).ToString(), SearchTerms.Highlight(titleText, terms), titleLanguage,
                    SearchTerms.Snippet(snippetText, terms), snippetLanguage, c.SessionKey, c.Keyword, c.Level, c.Draft);
            }).ToList();
            return new Result(terms, hits, candidates.Count > limit, choices, bodies, sessions);
        }

        private sealed record RecordKey
        {
            public static readonly RecordKey Instance = new();
        }

        private sealed record SessionKey(string Key, string BodyCode);

        private sealed record Record(IReadOnlyList<Programme> Programmes, IReadOnlyList<SessionKey> Sessions);

        private sealed record RowKey(int Id, Guid ActivityId, int ProgrammeVersionId, Section Section, int? Number);

        private sealed record Candidate(HitKind Kind, RowKey Row, Programme Programme, string VersionLabel, int? ReportId, string? SessionKey,
            StatusKeyword? Keyword, ExecutionLevel? Level, bool Draft, string Sort);

        /// <summary>The ids the full-text index finds for every term (each a prefix), in either language.</summary>
        private IQueryable<int> MatchingIds(string index, IReadOnlyList<string> terms)
        {
            // Terms hold only letters and digits (SearchTerms), so quoting them makes a valid expression in both syntaxes.
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                var match = string.Join(' ', terms.Select(t => $"\"{t}\"*"));
                return index == "SearchActivities"
                    ? db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "SearchActivities" WHERE "SearchActivities" MATCH {match}""")
                    : db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "SearchReports" WHERE "SearchReports" MATCH {match}""");
            }

            var tsquery = string.Join(" & ", terms.Select(t => $"{t}:*"));
            return index == "SearchActivities"
                ? db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "SearchActivities" WHERE "Fr" @@ to_tsquery('french', {tsquery}) OR "En" @@ to_tsquery('english', {tsquery})""")
                : db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM "SearchReports" WHERE "Fr" @@ to_tsquery('french', {tsquery}) OR "En" @@ to_tsquery('english', {tsquery})""");
        }

        private static string Join(params IEnumerable<string?> parts) =>
            string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

        /// <summary>The reader's language unless only the other one holds a word searched for, or the reader's is empty.</summary>
        private static (Language, string) Pick(BilingualText text, Language language, IReadOnlyList<string> terms)
        {
            var other = language == Language.Fr ? Language.En : Language.Fr;
            var mine = text.In(language) ?? "";
            var theirs = text.In(other) ?? "";
            if (mine.Length == 0 || (!SearchTerms.Mentions(mine, terms) && SearchTerms.Mentions(theirs, terms)))
            {
                return theirs.Length == 0 ? (language, mine) : (other, theirs);
            }

            return (language, mine);
        }
    }
}
