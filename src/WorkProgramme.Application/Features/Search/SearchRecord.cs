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
/// rows (SQLite FTS5, PostgreSQL tsvector); the database keeps what the viewer may see (the ids of the visible versions),
/// orders and cuts to the page, and only the page's rows are read and cut into fragments with the matching words marked.
/// The page and GET /api/search call it.
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
            var draftVersionIds = versions.Values.Where(v => v.Visibility.SeesDrafts).Select(v => v.Id).ToList();

            // The index finds the ids; the database keeps what the viewer may see (the visible versions' ids, from
            // Programme.VisibleTo above), one row per activity (its newest visible matching row), orders them in the
            // programme's order and cuts to the page: only the page's rows are read, then cut into fragments. A common
            // word matches thousands of rows.
            var limit = Math.Clamp(query.Limit, 1, 200);
            var candidates = new List<Candidate>();
            if (!query.ReportsOnly)
            {
                var matching = MatchingIds("SearchActivities", terms);
                var found = db.ActivityVersions.Where(a => matching.Contains(a.Id) && versionIds.Contains(a.ProgrammeVersionId) && a.Revision != RevisionKind.Deleted);
                var rows = await (
                        from a in found
                        join v in db.ProgrammeVersions on a.ProgrammeVersionId equals v.Id
                        join p in db.Programmes on v.ProgrammeId equals p.Id
                        // The index is asked last, per row (an IN list here is evaluated again for each row by SQLite: seconds).
                        where !db.ActivityVersions.Any(o => o.ActivityId == a.ActivityId && versionIds.Contains(o.ProgrammeVersionId)
                            && o.Revision != RevisionKind.Deleted
                            && db.ProgrammeVersions.Any(ov => ov.Id == o.ProgrammeVersionId && ov.Sequence > v.Sequence)
                            && matching.Any(m => m == o.Id))
                        orderby p.Slug, a.Section == Section.TimeBound ? 0 : 1, a.Number ?? 0, a.Id
                        select new RowKey(a.Id, a.ActivityId, a.ProgrammeVersionId, a.Section, a.Number))
                    .Take(limit + 1)
                    .ToListAsync(cancellationToken);
                foreach (var row in rows)
                {
                    var version = versions[row.ProgrammeVersionId];
                    candidates.Add(new Candidate(HitKind.Activity, row, version.Programme, version.Label, null, null, null, null, false));
                }
            }

            {
                // Each matching report with its activity's newest row in a version the viewer may see; a draft only for
                // those who see the programme's drafts.
                var matching = MatchingIds("SearchReports", terms);
                var reports = await (
                        from r in db.StatusReports
                        where matching.Contains(r.Id)
                        where query.Session == null || r.SessionKey == query.Session
                        where query.Keyword == null || r.Keyword == query.Keyword
                        where query.Level == null || r.ExecutionLevel == query.Level
                        join a in db.ActivityVersions on r.ActivityId equals a.ActivityId
                        where versionIds.Contains(a.ProgrammeVersionId)
                        where r.State == ReportState.Published || draftVersionIds.Contains(a.ProgrammeVersionId)
                        join v in db.ProgrammeVersions on a.ProgrammeVersionId equals v.Id
                        join p in db.Programmes on v.ProgrammeId equals p.Id
                        where !db.ActivityVersions.Any(o => o.ActivityId == a.ActivityId && versionIds.Contains(o.ProgrammeVersionId)
                            && db.ProgrammeVersions.Any(ov => ov.Id == o.ProgrammeVersionId && ov.Sequence > v.Sequence))
                        orderby p.Slug, a.Section == Section.TimeBound ? 0 : 1, a.Number ?? 0, r.SessionKey, r.Id
                        select new
                        {
                            r.Id, r.SessionKey, r.Keyword, r.ExecutionLevel, r.State,
                            RowId = a.Id, a.ActivityId, a.ProgrammeVersionId, a.Section, a.Number,
                        })
                    .Take(limit + 1)
                    .ToListAsync(cancellationToken);
                foreach (var report in reports)
                {
                    var row = new RowKey(report.RowId, report.ActivityId, report.ProgrammeVersionId, report.Section, report.Number);
                    var version = versions[row.ProgrammeVersionId];
                    candidates.Add(new Candidate(HitKind.StatusReport, row, version.Programme, version.Label, report.Id, report.SessionKey, report.Keyword,
                        report.ExecutionLevel, report.State != ReportState.Published));
                }
            }

            // Each list holds its first limit + 1 in order: the page of both is within them.
            var shown = candidates
                .OrderBy(c => c.Programme.Slug, StringComparer.Ordinal)
                .ThenBy(c => (int)c.Row.Section)
                .ThenBy(c => c.Row.Number ?? 0)
                .ThenBy(c => c.Kind)
                .ThenBy(c => c.SessionKey, StringComparer.Ordinal)
                .Take(limit)
                .ToList();
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
            StatusKeyword? Keyword, ExecutionLevel? Level, bool Draft);

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
