using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WorkProgramme.Browser.Tests.Pages;

namespace WorkProgramme.Browser.Tests.Journeys;

/// <summary>
/// The programme page's layout measured by the browser's own boxes (docs/decisions/0028): from 1280 px up the whole row,
/// execution level included, is inside the window with no horizontal scrolling; the page scrolls once (no section in a
/// box of its own) and the header row stays at the top of the window; on a phone each activity is a card.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgrammeLayoutFacts(BrowserApp app) : IAsyncLifetime
{
    private IPage page = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("fr", 1280)]
    [InlineData("en", 1280)]
    [InlineData("fr", 1440)]
    public async Task From_1280_pixels_every_column_and_the_execution_level_are_inside_the_window(string language, int width)
    {
        page = await app.NewPageAsync(language);
        await page.SetViewportSizeAsync(width, 900);
        var programme = await ProgrammePage.OpenAsync(page, Ui.For(language));
        await Assertions.Expect(programme.ExecutionLevels.First).ToBeVisibleAsync();

        var layout = await page.EvaluateAsync<Layout>("""
            () => {
                const window = document.documentElement.clientWidth;
                const tables = [...document.querySelectorAll('table.programme')];
                const levels = [...document.querySelectorAll('table.programme--time-bound td.level')];
                return {
                    window,
                    page: document.documentElement.scrollWidth,
                    tables: tables.length,
                    widestTable: Math.max(...tables.map(t => t.scrollWidth - t.clientWidth)),
                    tableRight: Math.max(...tables.map(t => t.getBoundingClientRect().right)),
                    levels: levels.length,
                    levelLeft: Math.min(...levels.map(l => l.getBoundingClientRect().left)),
                    levelRight: Math.max(...levels.map(l => l.getBoundingClientRect().right)),
                    narrowestLevel: Math.min(...levels.map(l => l.getBoundingClientRect().width)),
                };
            }
            """);

        Assert.Equal(2, layout.Tables);
        Assert.True(layout.Levels > 30, $"{layout.Levels} level cells");
        Assert.True(layout.Page <= layout.Window, $"the page is {layout.Page} px wide in a {layout.Window} px window");
        Assert.True(layout.WidestTable <= 0, $"a programme table overflows its box by {layout.WidestTable} px");
        Assert.True(layout.TableRight <= layout.Window, $"a programme table ends at {layout.TableRight} px in a {layout.Window} px window");
        Assert.True(layout.LevelLeft >= 0 && layout.LevelRight <= layout.Window,
            $"level cells span {layout.LevelLeft}–{layout.LevelRight} px in a {layout.Window} px window");
        Assert.True(layout.NarrowestLevel >= 50, $"a level cell is {layout.NarrowestLevel} px wide");
    }

    [Fact]
    public async Task The_page_scrolls_once_and_the_header_row_stays_at_the_top_of_the_window()
    {
        page = await app.NewPageAsync("en");
        await page.SetViewportSizeAsync(1280, 900);
        var programme = await ProgrammePage.OpenAsync(page, Ui.En);

        // No box between a programme table and the page that scrolls by itself.
        var scrollers = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('table.programme')].flatMap(table => {
                const found = [];
                for (let e = table; e && e !== document.documentElement; e = e.parentElement) {
                    const style = getComputedStyle(e);
                    if (/(auto|scroll)/.test(style.overflowX + style.overflowY)) found.push(e.tagName + '.' + e.className);
                }
                return found;
            })
            """);
        Assert.Empty(scrollers);

        // Scrolled down to the twentieth row of section I, the header row sits at the top of the window.
        var row = programme.Rows(1).Nth(20);
        await row.ScrollIntoViewIfNeededAsync();
        var header = page.Locator("section[aria-labelledby='section-1'] table.programme thead th").First;
        var top = await header.EvaluateAsync<double>("th => th.getBoundingClientRect().top");
        var scrolled = await page.EvaluateAsync<double>("() => window.scrollY");
        Assert.True(scrolled > 500, $"the window scrolled {scrolled} px");
        Assert.InRange(top, -1, 1);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task On_a_phone_each_activity_is_a_card_with_its_level_and_every_column_named(string language)
    {
        page = await app.NewPageAsync(language);
        await page.SetViewportSizeAsync(390, 844);
        var ui = Ui.For(language);
        var programme = await ProgrammePage.OpenAsync(page, ui);

        var card = programme.Rows(1).First;
        var layout = await card.EvaluateAsync<Card>("""
            row => {
                const level = row.querySelector('td.level');
                const box = row.getBoundingClientRect();
                return {
                    window: document.documentElement.clientWidth,
                    page: document.documentElement.scrollWidth,
                    display: getComputedStyle(row).display,
                    left: box.left,
                    right: box.right,
                    levelRight: level.getBoundingClientRect().right,
                    levelWidth: level.getBoundingClientRect().width,
                    narrowestCell: Math.min(...[...row.children].filter(c => c.textContent.trim() !== '').map(c => c.getBoundingClientRect().width / box.width)),
                    levelLabel: getComputedStyle(level, '::before').content,
                };
            }
            """);

        Assert.Equal("flex", layout.Display);
        Assert.True(layout.Page <= layout.Window, $"the page is {layout.Page} px wide in a {layout.Window} px window");
        Assert.True(layout.Left >= 0 && layout.Right <= layout.Window, $"the card spans {layout.Left}–{layout.Right} px");
        Assert.True(layout.LevelRight <= layout.Window, $"the level ends at {layout.LevelRight} px");
        Assert.True(layout.NarrowestCell > 0.9, $"a value of the card takes {layout.NarrowestCell:P0} of its width");
        Assert.Contains(language == "fr" ? "Niveau d’exécution" : "Execution level", layout.LevelLabel, StringComparison.Ordinal);
        await Assertions.Expect(card.Locator("td.level")).ToHaveTextAsync(new Regex(string.Join('|', ui.ExecutionLevels)));
    }

    [Fact]
    public async Task In_print_the_programme_is_a_table_again()
    {
        page = await app.NewPageAsync("en");
        await page.SetViewportSizeAsync(390, 844);
        await ProgrammePage.OpenAsync(page, Ui.En);

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.Locator("form.filters")).ToBeHiddenAsync();
        var display = await page.Locator("table.programme tbody tr").First.EvaluateAsync<string>("row => getComputedStyle(row).display");
        Assert.Equal("table-row", display);
    }

    public async Task DisposeAsync()
    {
        if (page is not null)
        {
            await page.Context.CloseAsync();
        }
    }

    // Filled by Playwright from the script's object: settable properties, names as in the script.
    private sealed class Layout
    {
        public double Window { get; set; }
        public double Page { get; set; }
        public int Tables { get; set; }
        public double WidestTable { get; set; }
        public double TableRight { get; set; }
        public int Levels { get; set; }
        public double LevelLeft { get; set; }
        public double LevelRight { get; set; }
        public double NarrowestLevel { get; set; }
    }

    private sealed class Card
    {
        public double Window { get; set; }
        public double Page { get; set; }
        public string Display { get; set; } = "";
        public double Left { get; set; }
        public double Right { get; set; }
        public double LevelRight { get; set; }
        public double LevelWidth { get; set; }
        public double NarrowestCell { get; set; }
        public string LevelLabel { get; set; } = "";
    }
}
