using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Search;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Search;

/// <summary>
/// The search (docs/decisions/0041) on the suite's database: SQLite FTS5, or PostgreSQL full-text with
/// WP_TEST_PROVIDER=postgres. The words searched for are made up, so the shipped programmes never match them.
/// </summary>
public sealed class SearchFacts : IAsyncLifetime
{
    private static readonly Viewer PtcEditor = new("e", "e@example.org", new HashSet<string> { Roles.Editor }, "CTP");

    private TestDatabase database = null!;
    private string session = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        session = await database.RunAsync<WorkProgrammeDb, string>(db =>
            db.Sessions.Where(s => s.BodyCode == "CTP").OrderBy(s => s.Key).Select(s => s.Key).FirstAsync());
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<SearchRecord.Result> SearchAsync(string text, Viewer? viewer = null, Language language = Language.Fr,
        StatusKeyword? keyword = null, string? sessionKey = null, int limit = SearchRecord.DefaultLimit) =>
        database.RunAsync<SearchRecord.Handler, SearchRecord.Result>(h =>
            h.HandleAsync(new SearchRecord.Query(viewer ?? Viewer.Anonymous, text, language, Session: sessionKey, Keyword: keyword, Limit: limit),
                CancellationToken.None));

    /// <summary>A programme of the PTC with one activity and its report for a session; published unless said otherwise.</summary>
    private async Task<Guid> AddProgrammeAsync(string slug, BilingualText title, BilingualText narrative,
        bool versionPublished = true, bool reportPublished = true, StatusKeyword keyword = StatusKeyword.Ongoing)
    {
        var id = Guid.NewGuid();
        await database.RunAsync<WorkProgrammeDb>(async db =>
        {
            var programme = new Programme(slug, "CTP", 2025, 2028, new BilingualText("Programme " + slug, "Programme " + slug));
            var version = programme.AddVersion("v1", null, session);
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
            db.Activities.Add(new Activity(id, programme.Id));
            version.AddActivity(id, new ActivityContent { Section = Section.TimeBound, Number = 1, Title = title });
            if (versionPublished)
            {
                version.Endorse(session);
            }

            var report = new StatusReport(id, session);
            report.Record(keyword, false, narrative, BilingualText.Empty, []);
            if (reportPublished)
            {
                report.Publish();
            }

            db.StatusReports.Add(report);
            await db.SaveChangesAsync();
        });
        return id;
    }

    private static string Marked(IEnumerable<Fragment> fragments) => string.Join("|", fragments.Where(f => f.Match).Select(f => f.Text));

    [Fact]
    public async Task Finds_a_French_word_whatever_its_accents_and_capitals_and_marks_it()
    {
        var id = await AddProgrammeAsync("search-fr", new("Étudier la Pérégrination des marchandises", "Study the movement of goods"), BilingualText.Empty);

        var result = await SearchAsync("PEREGRINATION");

        var hit = Assert.Single(result.Hits);
        Assert.Equal((SearchRecord.HitKind.Activity, id, "I.1", Language.Fr), (hit.Kind, hit.ActivityId, hit.Label, hit.TitleLanguage));
        Assert.Equal("Pérégrination", Marked(hit.Title));
        Assert.Equal("Étudier la Pérégrination des marchandises", string.Concat(hit.Title.Select(f => f.Text)));
    }

    [Fact]
    public async Task Finds_an_English_word_and_shows_the_English_text_where_only_it_holds_the_word()
    {
        await AddProgrammeAsync("search-en", new("Étudier les flux", "Study the Wayfaring flows"), BilingualText.Empty);

        var french = Assert.Single((await SearchAsync("wayfaring", language: Language.Fr)).Hits);
        var english = Assert.Single((await SearchAsync("Wayfaring", language: Language.En)).Hits);

        Assert.Equal((Language.En, "Wayfaring"), (french.TitleLanguage, Marked(french.Title)));
        Assert.Equal((Language.En, "Wayfaring"), (english.TitleLanguage, Marked(english.Title)));
    }

    [Fact]
    public async Task Finds_status_reports_by_their_narrative_in_either_language()
    {
        var id = await AddProgrammeAsync("search-report", new("Activité", "Activity"),
            new("Le groupe a examiné la Quiddité du projet.", "The group examined the project's Whatnessly core."));

        var fr = Assert.Single((await SearchAsync("quiddite")).Hits);
        var en = Assert.Single((await SearchAsync("WHATNESSLY", language: Language.En)).Hits);

        Assert.Equal((SearchRecord.HitKind.StatusReport, id, session), (fr.Kind, fr.ActivityId, fr.SessionKey));
        Assert.Equal("Quiddité", Marked(fr.Snippet));
        Assert.Equal("Whatnessly", Marked(en.Snippet));
    }

    [Fact]
    public async Task Every_word_must_be_found_each_as_the_start_of_a_word()
    {
        await AddProgrammeAsync("search-words", new("Harmoniser les Zorbalides transfrontières", "Harmonise cross-border zorbalids"), BilingualText.Empty);

        Assert.Single((await SearchAsync("zorbal transfront")).Hits);
        Assert.Empty((await SearchAsync("zorbal absentissime")).Hits);
    }

    [Fact]
    public async Task A_draft_version_is_found_only_by_those_who_see_the_bodys_drafts()
    {
        await AddProgrammeAsync("search-draft", new("Préparer la Vrillonnade", "Prepare the Vrillonnade"), BilingualText.Empty, versionPublished: false);

        Assert.Empty((await SearchAsync("vrillonnade")).Hits);
        Assert.Empty((await SearchAsync("vrillonnade", new Viewer("o", "o@example.org", new HashSet<string> { Roles.Editor }, "CRC"))).Hits);
        Assert.DoesNotContain((await SearchAsync("vrillonnade")).Programmes, p => p.Slug == "search-draft");
        Assert.Single((await SearchAsync("vrillonnade", PtcEditor)).Hits);
    }

    [Fact]
    public async Task A_draft_status_report_is_never_found_by_a_reader()
    {
        await AddProgrammeAsync("search-draft-report", new("Activité", "Activity"), new("Brouillon sur la Florimondaise", "Draft on Florimondaise"),
            reportPublished: false);

        Assert.Empty((await SearchAsync("florimondaise")).Hits);
        var hit = Assert.Single((await SearchAsync("florimondaise", PtcEditor)).Hits);
        Assert.True(hit.Draft);
    }

    [Fact]
    public async Task Keyword_and_session_filters_keep_only_the_matching_status_reports()
    {
        await AddProgrammeAsync("search-keyword", new("Étudier la Glaviotine", "Study the Glaviotine"), new("La Glaviotine avance.", "Glaviotine moves on."),
            keyword: StatusKeyword.Postponed);

        var all = await SearchAsync("glaviotine");
        var postponed = await SearchAsync("glaviotine", keyword: StatusKeyword.Postponed);
        var completed = await SearchAsync("glaviotine", keyword: StatusKeyword.Completed);
        var inSession = await SearchAsync("glaviotine", sessionKey: session);

        Assert.Equal(2, all.Hits.Count);
        Assert.Equal(SearchRecord.HitKind.StatusReport, Assert.Single(postponed.Hits).Kind);
        Assert.Empty(completed.Hits);
        Assert.Equal(session, Assert.Single(inSession.Hits).SessionKey);
    }

    [Fact]
    public async Task The_index_follows_every_change_of_a_row_in_the_same_save()
    {
        var id = await AddProgrammeAsync("search-change", new("Étudier la Carambolane", "Study the Carambolane"), BilingualText.Empty, versionPublished: false);
        await database.RunAsync<WorkProgrammeDb>(async db =>
        {
            var version = await db.ProgrammeVersions.Include(v => v.Activities).SingleAsync(v => v.Activities.Any(a => a.ActivityId == id));
            var row = version.Activities.Single();
            version.ReviseActivity(id, row.Content with { Title = new("Étudier la Mirabellique", "Study the Mirabellique") });
            await db.SaveChangesAsync();
        });

        Assert.Empty((await SearchAsync("carambolane", PtcEditor)).Hits);
        Assert.Single((await SearchAsync("mirabellique", PtcEditor)).Hits);
    }

    [Fact]
    public async Task Rebuilding_the_index_finds_again_what_was_lost()
    {
        await AddProgrammeAsync("search-rebuild", new("Étudier la Bastringuette", "Study the Bastringuette"), new("Bastringuette", "Bastringuette"));
        await database.RunAsync<WorkProgrammeDb>(db => db.Database.ExecuteSqlRawAsync("""DELETE FROM "SearchActivities"; DELETE FROM "SearchReports";"""));
        Assert.Empty((await SearchAsync("bastringuette")).Hits);

        var rebuilt = await database.RunAsync<RebuildSearchIndex.Handler, RebuildSearchIndex.Result>(h => h.HandleAsync(CancellationToken.None));

        Assert.True(rebuilt.Activities > 1 && rebuilt.Reports > 1);
        Assert.Equal(2, (await SearchAsync("bastringuette")).Hits.Count);
    }

    [Fact]
    public async Task The_page_is_cut_in_the_programmes_order_and_says_when_there_is_more()
    {
        foreach (var slug in new[] { "srch-c", "srch-a", "srch-b" })
        {
            await AddProgrammeAsync(slug, new BilingualText("Wombatique " + slug, "Wombatic"), new BilingualText("Rapport wombatique", "Wombatic report"));
        }

        var all = await SearchAsync("wombatique", limit: 6);
        var firstThree = await SearchAsync("wombatique", limit: 3);

        string[] order = ["srch-a Activity", "srch-a StatusReport", "srch-b Activity", "srch-b StatusReport", "srch-c Activity", "srch-c StatusReport"];
        Assert.Equal(order, all.Hits.Select(h => $"{h.ProgrammeSlug} {h.Kind}"));
        Assert.False(all.More);
        Assert.Equal(order[..3], firstThree.Hits.Select(h => $"{h.ProgrammeSlug} {h.Kind}"));
        Assert.True(firstThree.More);
    }

    [Fact]
    public async Task The_session_filter_offers_the_sessions_of_one_body_only()
    {
        var ctpSessions = await database.RunAsync<WorkProgrammeDb, List<string>>(db =>
            db.Sessions.Where(s => s.BodyCode == "CTP").Select(s => s.Key).ToListAsync());

        // Only the PTC's programmes: its calendar is offered whole.
        var one = await SearchAsync("zyxolite");
        Assert.False(one.SessionsNeedABody);
        Assert.Equal(ctpSessions.Order(StringComparer.Ordinal), one.Sessions.Order(StringComparer.Ordinal));

        // A published programme of the Policy Commission too: no calendar until a body (or a programme) is chosen.
        var cpgSession = await database.RunAsync<WorkProgrammeDb, string>(async db =>
        {
            var key = await db.Sessions.Where(s => s.BodyCode == "CPG").Select(s => s.Key).FirstAsync();
            var programme = new Programme("search-cpg", "CPG", 2025, 2028, new BilingualText("Programme de la CPG", "PC programme"));
            var version = programme.AddVersion("v1", null, key);
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
            var id = Guid.NewGuid();
            db.Activities.Add(new Activity(id, programme.Id));
            version.AddActivity(id, new ActivityContent { Section = Section.TimeBound, Number = 1, Title = new("Étudier", "Study") });
            version.Endorse(key);
            await db.SaveChangesAsync();
            return key;
        });
        var several = await SearchAsync("zyxolite");
        var chosenBody = await database.RunAsync<SearchRecord.Handler, SearchRecord.Result>(h =>
            h.HandleAsync(new SearchRecord.Query(Viewer.Anonymous, "zyxolite", Language.Fr, Body: "CPG"), CancellationToken.None));
        var chosenProgramme = await database.RunAsync<SearchRecord.Handler, SearchRecord.Result>(h =>
            h.HandleAsync(new SearchRecord.Query(Viewer.Anonymous, "zyxolite", Language.Fr, Programme: "search-cpg"), CancellationToken.None));
        var chosenSession = await SearchAsync("zyxolite", sessionKey: session);

        Assert.True(several.SessionsNeedABody);
        Assert.Empty(several.Sessions);
        Assert.Equal([cpgSession], chosenBody.Sessions);
        Assert.False(chosenBody.SessionsNeedABody);
        Assert.Equal([cpgSession], chosenProgramme.Sessions);
        Assert.Equal([session], chosenSession.Sessions);
    }

    [Fact]
    public async Task The_shipped_programme_is_found_in_both_languages()
    {
        var fr = await SearchAsync("facilitation");
        var en = await SearchAsync("facilitation", language: Language.En);

        Assert.NotEmpty(fr.Hits);
        Assert.NotEmpty(en.Hits);
        Assert.All(fr.Hits, h => Assert.NotEqual("", Marked(h.Title) + Marked(h.Snippet)));
    }

    [Fact]
    public async Task No_words_find_nothing_and_punctuation_is_not_syntax()
    {
        var blank = await SearchAsync("  ");
        var punctuation = await SearchAsync("\"*:&|()- ^");
        var operators = await SearchAsync("NEAR OR AND not");

        Assert.Empty(blank.Terms);
        Assert.Empty(punctuation.Terms);
        Assert.Empty(punctuation.Hits);
        Assert.Equal(["near", "or", "and", "not"], operators.Terms);
    }
}
