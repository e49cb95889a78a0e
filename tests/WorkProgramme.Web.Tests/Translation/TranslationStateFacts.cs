using System.Net;
using AngleSharp.Html.Parser;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Translation;

/// <summary>The translation state where people work (docs/decisions/0048): counts on the programme and checks pages, drift on the report form.</summary>
public sealed class TranslationStateFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Slug = SeedFile.PtcSlug;

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("fr", "Anglais : ", " sur ", " textes")]
    [InlineData("en", "English: ", " of ", " texts")]
    public async Task The_programme_and_checks_pages_say_how_many_texts_have_their_English(string language, string start, string of, string end)
    {
        var client = await app.SignedInClientAsync(Roles.Editor, "CTP", acceptLanguage: language);

        foreach (var url in new[] { $"/programmes/{Slug}", $"/programmes/{Slug}/checks" })
        {
            var page = await PageAsync(client, url);
            var state = page.QuerySelector("[data-testid=translation-state]") ?? throw new InvalidOperationException($"No translation state on {url}");
            var count = state.QuerySelector("[data-texts=programme] .translation-count[data-language=en]")!;
            var (translated, total) = (count.GetAttribute("data-translated"), count.GetAttribute("data-total"));
            Assert.Equal($"{start}{translated}{of}{total}{end}", count.TextContent);
            Assert.NotEqual(translated, total);
            Assert.NotNull(state.QuerySelector("[data-texts=reports] .translation-count[data-language=en]"));
        }
    }

    [Theory]
    [InlineData("fr", "Traduction à mettre à jour")]
    [InlineData("en", "Translation outdated")]
    public async Task A_report_whose_French_changed_after_its_English_shows_the_mark_until_an_editor_checks_the_translation(string language, string mark)
    {
        var (url, activity, session) = await DriftedReportAsync(language == "fr" ? 20 : 21);
        var client = await app.SignedInClientAsync(Roles.Editor, "CTP", acceptLanguage: language);

        var page = await PageAsync(client, url);
        var outdated = Assert.Single(page.QuerySelectorAll("label[lang=en] .translation-outdated"));
        Assert.Equal(mark, outdated.TextContent);
        Assert.Contains("narrative", outdated.ParentElement!.QuerySelector("textarea")!.GetAttribute("name")!, StringComparison.OrdinalIgnoreCase);
        var form = page.QuerySelector("form[action*=CheckTranslation]")!;
        var fields = form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");

        using var stale = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>(fields)
        {
            ["RowVersion"] = (int.Parse(fields["RowVersion"], System.Globalization.CultureInfo.InvariantCulture) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        page = await PageAsync(client, url);
        Assert.Equal(language == "fr"
                ? "Le rapport a été modifié entre-temps : relisez-le avant de confirmer la traduction."
                : "The report was changed in the meantime: read it again before confirming the translation.",
            page.QuerySelector("#flash-problem")!.TextContent.Trim());
        Assert.Single(page.QuerySelectorAll("label[lang=en] .translation-outdated"));

        using var posted = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        page = await PageAsync(client, url);
        Assert.Empty(page.QuerySelectorAll(".translation-outdated"));
        Assert.Null(page.QuerySelector("form[action*=CheckTranslation]"));
        var report = await app.Database.RunAsync<ReportForm.Handler, ReportForm.Result?>(h =>
            h.HandleAsync(new(Viewer.Operator, Slug, session, activity), CancellationToken.None));
        Assert.Empty(report!.Report.OutdatedTranslations);
    }

    [Theory]
    [InlineData("fr", "Suggestion exacte")]
    [InlineData("en", "Exact match")]
    public async Task An_empty_English_field_offers_the_memorys_match_and_the_button_puts_it_in_the_form_without_saving(string language, string exact)
    {
        var (url, activity, session) = await DriftedReportAsync(language == "fr" ? 22 : 23);
        var published = await app.Database.RunAsync<WorkProgramme.Application.Data.WorkProgrammeDb, List<StatusReport>>(db =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.StatusReports.Where(r => r.State == ReportState.Published)));
        var known = published.First(r => r.Narrative.Fr is { Length: > 30 } && r.Narrative.En is not null);
        var englishes = published.Where(r => r.Narrative.Fr == known.Narrative.Fr && r.Narrative.En is not null).Select(r => r.Narrative.En).ToList();
        var report = (await app.Database.RunAsync<ReportForm.Handler, ReportForm.Result?>(h =>
            h.HandleAsync(new(Viewer.Operator, Slug, session, activity), CancellationToken.None)))!.Report;
        var written = await app.Database.RunAsync<WriteReport.Handler, Result<string>>(h => h.HandleAsync(new WriteReport.Update(Viewer.Operator, Slug,
            session, activity, report.RowVersion, StatusKeyword.Ongoing, new BilingualText(known.Narrative.Fr, null), BilingualText.Empty, []), CancellationToken.None));
        Assert.Null(written.Failure);
        var client = await app.SignedInClientAsync(Roles.Editor, "CTP", acceptLanguage: language);

        var page = await PageAsync(client, url);
        var suggestion = page.QuerySelector(".translation-suggestion[data-suggestion-key=narrative]") ?? throw new InvalidOperationException("No suggestion");
        Assert.StartsWith(exact, suggestion.TextContent.Trim(), StringComparison.Ordinal);
        var button = suggestion.QuerySelector("button")!;
        var english = button.GetAttribute("data-suggestion");
        Assert.Contains(english, englishes);
        var fields = page.QuerySelectorAll("#report-form input[name], #report-form textarea[name], #report-form select[name]")
            .Where(e => e.GetAttribute("type") is not "checkbox")
            .ToDictionary(e => e.GetAttribute("name")!, e => e.TagName == "TEXTAREA" ? e.TextContent
                : e.TagName == "SELECT" ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? "" : e.GetAttribute("value") ?? "");
        fields[button.GetAttribute("name")!] = button.GetAttribute("value")!;
        var before = await app.Database.ContentHashAsync();

        using var posted = await client.PostAsync(button.GetAttribute("formaction"), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var shown = new HtmlParser().ParseDocument(await posted.Content.ReadAsStringAsync());
        Assert.Equal(english, shown.QuerySelector("textarea[name=NarrativeEn]")!.TextContent.TrimStart('\n'));
        Assert.Null(shown.QuerySelector(".translation-suggestion[data-suggestion-key=narrative]"));
        Assert.Equal(before, await app.Database.ContentHashAsync());
    }

    /// <summary>The report of the activity at <paramref name="index"/> in an open round, its French changed after its English.</summary>
    private async Task<(string Url, Guid Activity, string Session)> DriftedReportAsync(int index)
    {
        const string session = "ctp-245-246";
        _ = app.Services; // the app seeds its database when it starts
        if (await app.Database.RunAsync<SessionCalendar.Handler, SessionCalendar.Row?>(h => h.FindAsync(session, CancellationToken.None)) is null)
        {
            await app.Database.RunAsync<AddSession.Handler, string>(h => h.HandleAsync(
                new AddSession.Command(Viewer.Operator, "CTP", [245, 246], 2024, 10, Domain.Sessions.Season.Autumn), CancellationToken.None));
        }

        await app.Database.RunAsync<OpenRound.Handler, Result<Done>>(h => h.HandleAsync(new(Viewer.Operator, Slug, session), CancellationToken.None));
        var row = (await app.Database.RunAsync<RoundStatus.Handler, RoundStatus.Result?>(h =>
            h.HandleAsync(new(Viewer.Operator, Slug, session), CancellationToken.None)))!.Rows[index];
        var version = row.RowVersion;
        foreach (var french in new[] { "Travaux en cours.", "Travaux en cours, retardés." })
        {
            var written = await app.Database.RunAsync<WriteReport.Handler, Result<string>>(h => h.HandleAsync(new WriteReport.Update(Viewer.Operator, Slug,
                session, row.ActivityId, version, StatusKeyword.Ongoing, new BilingualText(french, "Work under way."), BilingualText.Empty, []), CancellationToken.None));
            version = int.Parse(written.Value!, System.Globalization.CultureInfo.InvariantCulture);
        }

        return ($"/programmes/{Slug}/rounds/{session}/reports/{row.ActivityId}", row.ActivityId, session);
    }
}
