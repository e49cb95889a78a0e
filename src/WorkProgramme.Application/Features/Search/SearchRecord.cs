using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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

    /// <param name="Sessions">The sessions the filter offers: those of the one body in scope (and a session already chosen).</param>
    /// <param name="SessionsNeedABody">The reader's programmes belong to several bodies and none is chosen: no session is offered.</param>
    public sealed record Result(
        IReadOnlyList<string> Terms,
        IReadOnlyList<Hit> Hits,
        bool More,
        IReadOnlyList<ProgrammeChoice> Programmes,
        IReadOnlyList<string> Bodies,
        IReadOnlyList<string> Sessions,
        bool SessionsNeedABody);

    public sealed class Handler(WorkProgrammeDb db, DatabaseOptions options, ReadModelCache cache, RecordState state)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            // One connection for the search's few queries: each opening runs the connection's pragmas again (SqliteDurability).
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                return await SearchAsync(query, cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        private async Task<Result> SearchAsync(Query query, CancellationToken cancellationToken)
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
            // The session filter offers the sessions of one body: the only one the reader's programmes belong to, or the
            // one chosen (directly or through its programme). Every committee's calendar at once would be hundreds of
            // sessions, of no help to a reader; a session already chosen stays offered.
            var bodiesInScope = visible
                .Where(p => query.Programme is null || p.Programme.Slug == query.Programme)
                .Where(p => query.Body is null || p.Programme.BodyCode == query.Body)
                .Select(p => p.Programme.BodyCode)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var sessions = record.Sessions
                .Where(s => (bodiesInScope.Count == 1 && s.BodyCode == bodiesInScope[0]) || (s.Key == query.Session && bodies.Contains(s.BodyCode)))
                .Select(s => s.Key)
                .ToList();
            var choices = visible.Select(p => new ProgrammeChoice(p.Programme.Slug, p.Programme.Title, p.Programme.BodyCode)).ToList();

            var terms = SearchTerms.Of(query.Text);
            if (terms.Count == 0)
            {
                return new Result(terms, [], false, choices, bodies, sessions, bodiesInScope.Count > 1);
            }

            var scope = visible
                .Where(p => query.Programme is null || p.Programme.Slug == query.Programme)
                .Where(p => query.Body is null || p.Programme.BodyCode == query.Body)
                .ToList();
            // Version id -> (programme, visibility, newness): the only versions whose rows may be shown.
            var versions = scope
                .SelectMany(p => p.Visibility.Versions.Select(v => (v.Id, p.Programme, p.Visibility, v.Sequence, v.Label)))
                .ToDictionary(v => v.Id);

            // What orders and filters every row, kept for the state of the record (docs/decisions/0041): the index finds
            // ids, and a common word matches thousands of rows, of which only the page shown loads its texts and is cut
            // into fragments. Reading those thousands of rows again on every search cost more than all the rest.
            var rows = await cache.GetOrBuildAsync(await state.StampAsync(cancellationToken), RowsKey.Instance, () => Rows.LoadAsync(db, cancellationToken));
            var candidates = new List<Candidate>();
            if (!query.ReportsOnly)
            {
                var newest = new Dictionary<Guid, (ActivityRow Row, int Sequence)>();
                foreach (var id in await MatchingIdsAsync("SearchActivities", terms, cancellationToken))
                {
                    // An id the kept rows do not know was added after the state they were read in (a change that wrote no
                    // audit row): it is found once they are read again (ReadModelCache.Lifetime).
                    if (rows.Activities.TryGetValue(id, out var row) && !row.Deleted && versions.TryGetValue(row.VersionId, out var version)
                        && (!newest.TryGetValue(row.ActivityId, out var kept) || version.Sequence > kept.Sequence))
                    {
                        newest[row.ActivityId] = (row, version.Sequence);
                    }
                }

                foreach (var (row, _) in newest.Values)
                {
                    var version = versions[row.VersionId];
                    candidates.Add(new Candidate(HitKind.Activity, row, version.Programme, version.Label, null, null, null, null, false));
                }
            }

            foreach (var id in await MatchingIdsAsync("SearchReports", terms, cancellationToken))
            {
                if (!rows.Reports.TryGetValue(id, out var report)
                    || (query.Session is not null && report.SessionKey != query.Session)
                    || (query.Keyword is not null && report.Keyword != query.Keyword)
                    || (query.Level is not null && report.Level != query.Level)
                    || !rows.OfActivity.TryGetValue(report.ActivityId, out var activityRows))
                {
                    continue;
                }

                // The report is shown under its activity's newest row in a version the viewer may see.
                ActivityRow? shownRow = null;
                var sequence = int.MinValue;
                foreach (var row in activityRows)
                {
                    if (versions.TryGetValue(row.VersionId, out var candidate) && (shownRow is null || candidate.Sequence > sequence))
                    {
                        (shownRow, sequence) = (row, candidate.Sequence);
                    }
                }

                if (shownRow is not { } found)
                {
                    continue;
                }

                var version = versions[found.VersionId];
                if (!report.Published && !version.Visibility.SeesDrafts)
                {
                    continue;
                }

                candidates.Add(new Candidate(HitKind.StatusReport, found, version.Programme, version.Label, report.Id, report.SessionKey, report.Keyword,
                    report.Level, !report.Published));
            }

            var limit = Math.Clamp(query.Limit, 1, 200);
            candidates.Sort(Candidate.InProgrammeOrder);
            var shown = candidates.Take(limit).ToList();
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

            // A row the kept keys still name but a change removed meanwhile (one that wrote no audit row) is left out.
            var hits = shown.Where(c => rowTexts.ContainsKey(c.Row.Id) && (c.ReportId is not { } id || reportTexts.ContainsKey(id))).Select(c =>
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
            return new Result(terms, hits, candidates.Count > limit, choices, bodies, sessions, bodiesInScope.Count > 1);
        }

        private sealed record RecordKey
        {
            public static readonly RecordKey Instance = new();
        }

        private sealed record SessionKey(string Key, string BodyCode);

        private sealed record Record(IReadOnlyList<Programme> Programmes, IReadOnlyList<SessionKey> Sessions);

        private sealed record RowsKey
        {
            public static readonly RowsKey Instance = new();
        }

        /// <summary>One activity row: what decides whether it is shown and where, without its texts.</summary>
        private readonly record struct ActivityRow(int Id, Guid ActivityId, int VersionId, Section Section, int? Number, bool Deleted);

        /// <summary>One status report: its filters and state, without its texts.</summary>
        private readonly record struct ReportRow(int Id, Guid ActivityId, string SessionKey, StatusKeyword? Keyword, ExecutionLevel? Level,
            bool Published);

        /// <summary>
        /// Every activity row and status report of the record, by id, with what orders and filters them (docs/decisions/0041):
        /// about 50 bytes a row; read once per state of the record and shared, never changed.
        /// </summary>
        private sealed class Rows(Dictionary<int, ActivityRow> activities, Dictionary<Guid, ActivityRow[]> ofActivity, Dictionary<int, ReportRow> reports)
        {
            public Dictionary<int, ActivityRow> Activities { get; } = activities;

            /// <summary>Every row of an activity, in whichever version (deleted ones included: a report stays under its activity).</summary>
            public Dictionary<Guid, ActivityRow[]> OfActivity { get; } = ofActivity;

            public Dictionary<int, ReportRow> Reports { get; } = reports;

            public static async Task<Rows> LoadAsync(WorkProgrammeDb db, CancellationToken cancellationToken)
            {
                var activities = await db.ActivityVersions.AsNoTracking()
                    .Select(a => new ActivityRow(a.Id, a.ActivityId, a.ProgrammeVersionId, a.Section, a.Number, a.Revision == RevisionKind.Deleted))
                    .ToListAsync(cancellationToken);
                var reports = await db.StatusReports.AsNoTracking()
                    .Select(r => new ReportRow(r.Id, r.ActivityId, r.SessionKey, r.Keyword, r.ExecutionLevel, r.State == ReportState.Published))
                    .ToListAsync(cancellationToken);
                return new Rows(
                    activities.ToDictionary(a => a.Id),
                    activities.GroupBy(a => a.ActivityId).ToDictionary(g => g.Key, g => g.ToArray()),
                    reports.ToDictionary(r => r.Id));
            }
        }

        private sealed record Candidate(HitKind Kind, ActivityRow Row, Programme Programme, string VersionLabel, int? ReportId, string? SessionKey,
            StatusKeyword? Keyword, ExecutionLevel? Level, bool Draft)
        {
            /// <summary>Programme, section, number, the activity before its reports, then sessions; ids last, so equal rows keep one order.</summary>
            public static int InProgrammeOrder(Candidate x, Candidate y)
            {
                var order = string.CompareOrdinal(x.Programme.Slug, y.Programme.Slug);
                order = order != 0 ? order : x.Row.Section.CompareTo(y.Row.Section);
                order = order != 0 ? order : (x.Row.Number ?? 0).CompareTo(y.Row.Number ?? 0);
                order = order != 0 ? order : x.Kind.CompareTo(y.Kind);
                order = order != 0 ? order : string.CompareOrdinal(x.SessionKey, y.SessionKey);
                order = order != 0 ? order : x.Row.Id.CompareTo(y.Row.Id);
                return order != 0 ? order : Nullable.Compare(x.ReportId, y.ReportId);
            }
        }

        /// <summary>
        /// The ids the full-text index finds for every term (each a prefix), in either language; read straight from the
        /// connection, as thousands of them may come back for a common word.
        /// </summary>
        private async Task<List<int>> MatchingIdsAsync(string index, IReadOnlyList<string> terms, CancellationToken cancellationToken)
        {
            // Terms hold only letters and digits (SearchTerms), so quoting them makes a valid expression in both syntaxes;
            // the expression is a parameter, and the table's name one of the two index tables.
            var table = index == "SearchActivities" ? "SearchActivities" : "SearchReports";
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@match";
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                parameter.Value = string.Join(' ', terms.Select(t => $"\"{t}\"*"));
                command.CommandText = $"""SELECT rowid FROM "{table}" WHERE "{table}" MATCH @match""";
            }
            else
            {
                parameter.Value = string.Join(" & ", terms.Select(t => $"{t}:*"));
                command.CommandText = $"""SELECT "Id" FROM "{table}" WHERE "Fr" @@ to_tsquery('french', @match) OR "En" @@ to_tsquery('english', @match)""";
            }

            command.Parameters.Add(parameter);
            var ids = new List<int>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
            }

            return ids;
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
