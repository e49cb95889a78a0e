using Microsoft.Playwright;
using WorkProgramme.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Journeys;

/// <summary>A reader browsing the PTC programme in a real browser, in French and in English.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgrammeJourneys(BrowserApp app) : IAsyncLifetime
{
    private IPage page = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    private async Task<IPage> BrowserInAsync(string language) => page = await app.NewPageAsync(language);

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task A_reader_browses_the_ptc_programme_with_42_time_bound_and_52_permanent_rows(string language)
    {
        var ui = Ui.For(language);
        var programme = await ProgrammePage.OpenAsync(await BrowserInAsync(language), ui);

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(programme.Title).ToContainTextAsync(ui.ProgrammeTitle);
        await Expect(programme.SectionHeading(1)).ToHaveTextAsync($"{ui.TimeBoundTitle} (42)");
        await Expect(programme.SectionHeading(2)).ToHaveTextAsync($"{ui.PermanentTitle} (52)");
        await Expect(programme.Rows(1)).ToHaveCountAsync(42);
        await Expect(programme.Rows(2)).ToHaveCountAsync(52);
        Assert.Equal((94, 94), await programme.ShownCountAsync());
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task Every_execution_level_cell_says_its_colour_in_words(string language)
    {
        var ui = Ui.For(language);
        var programme = await ProgrammePage.OpenAsync(await BrowserInAsync(language), ui);

        await Expect(programme.ExecutionLevels).ToHaveCountAsync(42);
        var words = await programme.ExecutionLevels.AllInnerTextsAsync();
        var colours = await programme.ExecutionLevels.EvaluateAllAsync<string[]>(
            "cells => cells.map(c => [...c.classList].find(k => k.startsWith('level--')))");
        Assert.All(words.Zip(colours), cell =>
        {
            var index = Array.IndexOf(["level--green", "level--blue", "level--red"], cell.Second);
            Assert.True(index >= 0, $"A level cell without a colour class: {cell.Second}");
            Assert.Equal(ui.ExecutionLevels[index], cell.First.Trim());
        });
        Assert.Contains(ui.ExecutionLevels[0], words.Select(w => w.Trim()));
        Assert.Contains(ui.ExecutionLevels[1], words.Select(w => w.Trim()));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task Filtering_by_priority_C_then_by_status_keyword_changes_the_shown_count(string language)
    {
        var ui = Ui.For(language);
        var programme = await ProgrammePage.OpenAsync(await BrowserInAsync(language), ui);

        await programme.ChooseAsync(ui.PriorityFilter, "C");
        await programme.ApplyAsync();

        Assert.Equal((2, 94), await programme.ShownCountAsync());
        await Expect(programme.PriorityCells).ToHaveCountAsync(2);
        Assert.All(await programme.PriorityCells.AllInnerTextsAsync(), priority => Assert.Equal("C", priority.Trim()));
        await Expect(programme.Filter(ui.PriorityFilter)).ToHaveValueAsync("C");

        await programme.ChooseAsync(ui.PriorityFilter, ui.All);
        await programme.ChooseAsync(ui.KeywordFilter, ui.Completed);
        await programme.ApplyAsync();

        Assert.Equal((14, 94), await programme.ShownCountAsync());
        await Expect(programme.Rows(1).Or(programme.Rows(2))).ToHaveCountAsync(14);
        Assert.All(await programme.KeywordCells.AllInnerTextsAsync(), keyword => Assert.StartsWith(ui.Completed, keyword.Trim(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task The_header_switch_shows_the_page_in_the_other_language_and_the_choice_is_kept_on_the_next_page(string language)
    {
        var ui = Ui.For(language);
        var programme = await ProgrammePage.OpenAsync(await BrowserInAsync(language), ui);
        await Expect(programme.LanguageSwitch.Link(ui)).ToHaveAttributeAsync("aria-current", "true");

        var other = await programme.LanguageSwitch.SwitchToAsync(ui.Other);

        // The browser still asks for the first language: only the switch's cookie can keep the other one.
        programme = await ProgrammePage.ShownAsync(page, other);
        await Expect(programme.Title).ToContainTextAsync(other.ProgrammeTitle);
        await Expect(programme.SectionHeading(1)).ToContainTextAsync(other.TimeBoundTitle);
        await Expect(programme.SectionHeading(2)).ToContainTextAsync(other.PermanentTitle);
        await Expect(programme.LanguageSwitch.Link(other)).ToHaveAttributeAsync("aria-current", "true");

        var checks = await programme.OpenChecksAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", other.Code);
        await Expect(checks.Title).ToHaveTextAsync(other.Checks);
        await Expect(checks.LanguageSwitch.Navigation).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task A_reader_opens_an_activity_from_its_number_link_and_sees_its_fields(string language)
    {
        var ui = Ui.For(language);
        var programme = await ProgrammePage.OpenAsync(await BrowserInAsync(language), ui);

        var activity = await programme.OpenActivityAsync("I.11");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(activity.Title).ToContainTextAsync("chaîne de blocs");
        await Expect(activity.FieldLabels).ToHaveCountAsync(8);
        await Expect(activity.Field(ui.BodyField)).ToContainTextAsync(ui.LeadBody);
        await Expect(activity.Field(ui.PriorityFilter)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[ABC—]$"));
        await Expect(activity.StatusCards).ToHaveCountAsync(2); // 243rd/244th sessions, and 241st/242nd of the October 2023 version
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task The_checks_page_shows_the_two_errors_of_the_document_II_20_and_II_23(string language)
    {
        var ui = Ui.For(language);
        var programme = await ProgrammePage.OpenAsync(await BrowserInAsync(language), ui);

        var checks = await programme.OpenChecksAsync();

        await Expect(checks.ErrorCount).ToHaveTextAsync(ui.ErrorCount);
        await Expect(checks.ErrorRules.Filter(new() { HasText = ui.NotLinkedRule })).ToHaveCountAsync(1);
        Assert.Equal(["II.20", "II.23"], (await checks.ErrorReferencesAsync()).Order(StringComparer.Ordinal));
    }

    public async Task DisposeAsync()
    {
        if (page is not null)
        {
            await page.Context.CloseAsync();
        }
    }
}
