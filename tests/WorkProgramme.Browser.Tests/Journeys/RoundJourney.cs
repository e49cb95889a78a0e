using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Browser.Tests.Pages;
using WorkProgramme.Domain.Sessions;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Journeys;

/// <summary>
/// The Secretariat's reporting round in a real browser: one editor writes two reports, a second reviews one and
/// publishes the round, and the public programme shows the new status.
/// </summary>
[Collection(RoundCollection.Name)]
public sealed class RoundJourney(BrowserApp app) : IAsyncLifetime
{
    private const string Body = "CTP";

    // Both languages publish into one database, and the programme shows the latest published session: each case adds
    // a session after the one the previous case published, whichever order the cases run in.
    private static int lastYear = 2029;

    private readonly List<IPage> pages = [];

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task Two_editors_write_review_and_publish_a_round_whose_reports_become_the_public_status_and_are_frozen(string language)
    {
        var ui = RoundUi.For(language);
        int[] ordinals = language == "fr" ? [245, 246] : [247, 248];
        var ordinalsShown = language == "fr" ? "245e/246e" : "247th/248th";
        var sessionKey = await SessionAsync(ordinals);
        var writer = await app.UserAsync(Roles.Editor, Body);
        var reviewer = await app.UserAsync(Roles.Editor, Body);
        var run = Guid.NewGuid().ToString("N")[..8];
        var first = new Texts(
            $"Recueil {run} : 5ème édition approuvée par le Conseil.", $"Compendium {run}: 5th edition approved by the Council.",
            "Diffuser la 5ème édition.", "Circulate the 5th edition.");
        var second = new Texts(
            $"Guide {run} : projet en cours de rédaction.", $"Guide {run}: draft being written.",
            "Présenter le projet au CTP.", "Present the draft to the PTC.");

        // The writer opens the round from the programme and writes the first two reports.
        var page = await BrowserInAsync(language);
        await (await SignInPage.OpenAsync(page, ui)).SignInAsync(writer.Email, writer.Password);
        var programme = await ProgrammePage.OpenAsync(page, ui.Reader);
        var rounds = await programme.OpenRoundsAsync(ui);
        var round = await rounds.OpenRoundAsync(sessionKey);
        await Expect(round.State).ToHaveTextAsync(ui.OpenState);
        await Expect(round.Count(ui.NotUpdated)).ToHaveTextAsync("94");

        var report = await round.WriteAsync("I.1");
        var firstReportPath = new Uri(page.Url).PathAndQuery;
        await ChooseAsync(report, ui.Ongoing, ui.Blue, "blue");
        await ChooseAsync(report, ui.Completed, ui.Green, "green");
        await WriteAsync(report, first);
        await report.SaveAsync();
        await Expect(report.KeywordSelect).ToHaveValueAsync("completed");
        await Expect(report.Level).ToHaveTextAsync(ui.Green);
        await Expect(report.Narrative(language)).ToHaveValueAsync(first.Narrative(language));
        round = await report.BackToRoundAsync(sessionKey);
        await Expect(round.Progress("I.1")).ToHaveTextAsync(ui.Updated);

        report = await round.WriteAsync("I.2");
        await ChooseAsync(report, ui.Completed, ui.Green, "green");
        await ChooseAsync(report, ui.Ongoing, ui.Blue, "blue");
        await WriteAsync(report, second);
        await report.SaveAsync();
        await Expect(report.Level).ToHaveTextAsync(ui.Blue);
        round = await report.BackToRoundAsync(sessionKey);
        await Expect(round.Progress("I.2")).ToHaveTextAsync(ui.Updated);
        await Expect(round.Row("I.1")).ToContainTextAsync(writer.Email);
        await SignInPage.SignOutAsync(page, ui);

        // A second editor reviews the first report and publishes the round, though most reports were not updated.
        await (await SignInPage.OpenAsync(page, ui)).SignInAsync(reviewer.Email, reviewer.Password);
        round = await RoundPage.OpenAsync(page, ui, sessionKey);
        await Expect(round.Count(ui.Updated)).ToHaveTextAsync("2");
        await Expect(round.Count(ui.NotUpdated)).ToHaveTextAsync("92");
        await round.MarkReviewedAsync("I.1");
        await Expect(round.Row("I.1")).ToContainTextAsync(reviewer.Email);
        await Expect(round.Progress("I.2")).ToHaveTextAsync(ui.Updated);

        await round.PublishButton.ClickAsync();
        await Expect(round.Confirmation).ToBeVisibleAsync();
        await Expect(round.ConfirmationTitle).ToHaveTextAsync(round.PendingTitle(92));
        var pending = (await round.PendingList.InnerTextAsync()).Split(", ", StringSplitOptions.TrimEntries);
        Assert.Equal(92, pending.Length);
        Assert.Equal("I.3", pending[0]);
        Assert.DoesNotContain("I.1", pending);
        Assert.DoesNotContain("I.2", pending);
        await Expect(round.State).ToHaveTextAsync(ui.OpenState);

        await round.PublishAnywayButton.ClickAsync();
        await Expect(round.State).ToHaveTextAsync(ui.Published);
        await Expect(round.Confirmation).ToHaveCountAsync(0);
        await Expect(round.WriteLinks).ToHaveCountAsync(0);
        await Expect(round.PublishButton).ToHaveCountAsync(0);

        // Published reports are frozen: the form still shows the report, with nothing to save it with.
        report = await ReportPage.OpenAsync(page, ui, firstReportPath, "I.1");
        await Expect(report.Narrative(language)).ToHaveValueAsync(first.Narrative(language));
        await Expect(report.SaveButton).ToHaveCountAsync(0);

        // A reader who never signed in sees the new status on the programme.
        var reader = await BrowserInAsync(language);
        programme = await ProgrammePage.OpenAsync(reader, ui.Reader);
        await Expect(programme.Facts).ToContainTextAsync(ordinalsShown);
        await Expect(programme.Row("I.1").Locator("td.status-text")).ToContainTextAsync(first.Narrative(language));
        await Expect(programme.Row("I.1").Locator("td.status-text .keyword")).ToHaveTextAsync(ui.Completed);
        await Expect(programme.Row("I.1").Locator("td.level")).ToHaveTextAsync(ui.Green);
        await Expect(programme.Row("I.2").Locator("td.status-text")).ToContainTextAsync(second.Narrative(language));
        await Expect(programme.Row("I.2").Locator("td.level")).ToHaveTextAsync(ui.Blue);
        await Expect(programme.RoundsLink(ui)).ToHaveCountAsync(0);
    }

    /// <summary>Picks a keyword and checks that the level beside it follows at once, in colour and in words.</summary>
    private static async Task ChooseAsync(ReportPage report, string keyword, string level, string colour)
    {
        await report.ChooseKeywordAsync(keyword);
        await Expect(report.Level).ToHaveTextAsync(level);
        await Expect(report.Level).ToHaveClassAsync(new Regex($@"\blevel--{colour}\b"));
    }

    private static async Task WriteAsync(ReportPage report, Texts texts)
    {
        await ReportPage.TypeOverAsync(report.Narrative("fr"), texts.NarrativeFr);
        await ReportPage.TypeOverAsync(report.Narrative("en"), texts.NarrativeEn);
        await ReportPage.TypeOverAsync(report.NextSteps("fr"), texts.NextStepsFr);
        await ReportPage.TypeOverAsync(report.NextSteps("en"), texts.NextStepsEn);
    }

    /// <summary>A new PTC session, after every session added before it in this run.</summary>
    private async Task<string> SessionAsync(int[] ordinals)
    {
        var year = Interlocked.Increment(ref lastYear);
        return await app.Database.RunAsync<AddSession.Handler, string>(handler => handler.HandleAsync(
            new AddSession.Command(Viewer.Operator, Body, ordinals, year, 10, Season.Autumn), CancellationToken.None));
    }

    private async Task<IPage> BrowserInAsync(string language)
    {
        var page = await app.NewPageAsync(language);
        pages.Add(page);
        return page;
    }

    public async Task DisposeAsync()
    {
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }

    private sealed record Texts(string NarrativeFr, string NarrativeEn, string NextStepsFr, string NextStepsEn)
    {
        public string Narrative(string language) => language == "fr" ? NarrativeFr : NarrativeEn;
    }
}

/// <summary>
/// The round journey publishes reports, which changes the status every reading journey counts: it gets its own app and
/// database, so the other browser tests see the shipped programme whatever order the runner picks.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RoundCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser rounds";
}
