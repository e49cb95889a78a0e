using System.Text;
using Microsoft.Playwright;
using WorkProgramme.Application.Identity;
using WorkProgramme.Browser.Tests.Pages;

namespace WorkProgramme.Browser.Tests.Accessibility;

/// <summary>
/// Every page with a form, measured by the browser at 1280 px and on a phone (390 px), in both languages: no control is
/// cut. A choice list is as wide as its longest choice or as wide as the form lets it be; a text box or button shows its
/// whole text; nothing runs out of the window, and the page does not scroll sideways.
/// </summary>
[Collection(EveryPageCollection.Name)]
public sealed class FormFitFacts(BrowserApp app) : IAsyncLifetime
{
    private readonly List<IPage> pages = [];

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("fr", 1280)]
    [InlineData("en", 1280)]
    [InlineData("fr", 390)]
    [InlineData("en", 390)]
    public async Task No_control_of_a_form_is_cut(string language, int width)
    {
        var page = await app.NewPageAsync(language);
        pages.Add(page);
        var admin = await app.NamedUserAsync(Roles.Admin, null, null, null);
        var activity = await EveryPageAxeFacts.ActivityAsync(page);
        var readerPages = EveryPageAxeFacts.ReaderPages(activity).Where(url => url.StartsWith("/account/", StringComparison.Ordinal)).ToList();
        await page.SetViewportSizeAsync(width, 900);
        var problems = new StringBuilder();
        var measured = await MeasureAsync(page, readerPages, problems);
        await (await SignInPage.OpenAsync(page, RoundUi.For(language))).SignInAsync(admin.Email, admin.Password);
        measured += await MeasureAsync(page, [.. EveryPageAxeFacts.ReaderPages(activity).Except(readerPages),
            .. EveryPageAxeFacts.SecretariatPages(activity, Guid.Parse(admin.Id))], problems);

        Assert.True(measured > 10, $"{measured} pages with a form");
        Assert.True(problems.Length == 0, $"At {width} px:" + problems);
    }

    private static async Task<int> MeasureAsync(IPage page, IEnumerable<string> urls, StringBuilder problems)
    {
        var measured = 0;
        foreach (var url in urls)
        {
            var response = await page.GotoAsync(url);
            if (response?.Status != 200 || await page.Locator("main form").CountAsync() == 0)
            {
                continue;
            }

            measured++;
            foreach (var cut in await page.EvaluateAsync<string[]>(Measure))
            {
                problems.Append('\n').Append(url).Append(": ").Append(cut);
            }
        }

        return measured;
    }

    private const string Measure = """
        () => {
            const cut = [];
            const doc = document.documentElement;
            if (doc.scrollWidth > doc.clientWidth) {
                // Name the outermost boxes that run out: those whose parent does not.
                const out = e => e.getBoundingClientRect().right > doc.clientWidth + 1;
                const culprits = [...document.querySelectorAll('body *')].filter(e => out(e) && !out(e.parentElement)).slice(0, 3)
                    .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''));
                cut.push(`the page is ${doc.scrollWidth} px wide in a ${doc.clientWidth} px window (${culprits.join(', ')})`);
            }
            const controls = document.querySelectorAll('main form select, main form input, main form button, main form textarea');
            for (const c of controls) {
                if (['hidden', 'checkbox', 'radio'].includes(c.type)) continue;
                const box = c.getBoundingClientRect();
                if (box.width === 0 || box.height === 0) continue;
                const name = c.getAttribute('aria-label') || c.name || c.textContent.trim().slice(0, 40);
                if (box.left < -1 || box.right > doc.clientWidth + 1) {
                    cut.push(`${name} spans ${Math.round(box.left)}–${Math.round(box.right)} px in a ${doc.clientWidth} px window`);
                }
                if (c.tagName === 'SELECT') {
                    // The width the select takes when nothing constrains it: that of its longest choice.
                    const free = c.cloneNode(true);
                    Object.assign(free.style, { width: 'auto', minWidth: '0', maxWidth: 'none', position: 'absolute', visibility: 'hidden' });
                    c.parentElement.appendChild(free);
                    const needed = free.getBoundingClientRect().width;
                    free.remove();
                    const form = c.closest('form');
                    const style = getComputedStyle(form);
                    const room = form.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                    // Cut: narrower than its longest choice where the form had room for more (on a phone, the form's width is all there is).
                    if (box.width + 2 < Math.min(needed, room)) {
                        cut.push(`${name} is ${Math.round(box.width)} px wide, its longest choice needs ${Math.round(needed)} px`);
                    }
                } else if (c.tagName !== 'TEXTAREA' && c.scrollWidth > c.clientWidth + 1) {
                    cut.push(`${name} shows ${c.clientWidth} px of its ${c.scrollWidth} px text`);
                }
            }
            return cut;
        }
        """;

    public async Task DisposeAsync()
    {
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }
}
