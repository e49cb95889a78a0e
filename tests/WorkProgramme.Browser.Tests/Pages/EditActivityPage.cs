using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WorkProgramme.Testing;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Pages;

/// <summary>
/// /programmes/{slug}/activities/{id}/edit: the activity's fields, French and English side by side. The form carries the
/// row version and the values it was opened with; a save on a stale one takes the other editor's values where the user
/// changed nothing and shows the conflict with their values where both changed a field.
/// </summary>
public sealed partial class EditActivityPage(IPage page, EditorUi ui)
{
    public IPage Page => page;

    public static async Task<EditActivityPage> OpenAsync(IPage page, EditorUi ui, Guid activityId, string slug = SeedFile.PtcSlug)
    {
        await page.GotoAsync($"/programmes/{slug}/activities/{activityId}/edit");
        return await ShownAsync(page, ui);
    }

    public static async Task<EditActivityPage> ShownAsync(IPage page, EditorUi ui)
    {
        await page.WaitForURLAsync(url => EditPath().IsMatch(new Uri(url).AbsolutePath));
        var edit = new EditActivityPage(page, ui);
        await Expect(edit.Title).ToContainTextAsync(ui.EditTitle);
        return edit;
    }

    public ILocator Title => page.Locator("main h1");

    /// <summary>The title's text box in the page's language.</summary>
    public ILocator ActivityTitle => Bilingual(ui.TitleLegend);

    /// <summary>The key performance indicators' text box in the page's language.</summary>
    public ILocator Kpi => Bilingual(ui.KpiLegend);

    public ILocator SaveButton => page.Locator("main").GetByRole(AriaRole.Button, new() { Name = ui.Save, Exact = true });

    public ILocator SavedMessage => page.GetByRole(AriaRole.Status).Filter(new() { HasText = ui.Saved });

    /// <summary>The alert that says someone else saved meanwhile, with their values where both changed a field.</summary>
    public ILocator Conflict => page.Locator("#conflict");

    /// <summary>The line of the conflict naming the fields that took the other editor's values, the user having left them.</summary>
    public ILocator TakenFromTheirs => Conflict.Locator("#conflict-taken");

    /// <summary>What the other editor saved in the field the conflict list names <paramref name="label"/> (e.g. "Activités (FR)").</summary>
    public ILocator TheirValue(string label) =>
        Conflict.Locator("dl > div").Filter(new() { Has = page.Locator("dt").GetByText(label, new() { Exact = true }) }).Locator("dd");

    /// <summary>The label of a field in the conflict list: the legend and the language in capitals.</summary>
    public string ConflictLabel(string legend) => $"{legend} ({ui.Code.ToUpperInvariant()})";

    /// <summary>The role select of a supporting or decision body, named "Role of EPMD" / "Rôle de EPMD" by its abbreviation.</summary>
    public ILocator RoleOf(string abbreviation) =>
        page.GetByRole(AriaRole.Combobox, new() { Name = string.Format(CultureInfo.InvariantCulture, ui.Code == "fr" ? "Rôle de {0}" : "Role of {0}", abbreviation), Exact = true });

    /// <summary>Ticks a body among the supporting and decision bodies and chooses its role by the role's words, from the keyboard.</summary>
    public async Task AddBodyWithRoleAsync(string abbreviation, string role)
    {
        var box = page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex($"^{Regex.Escape(abbreviation)}\\s") });
        // A body not ticked offers no role; ticking it does.
        await Expect(RoleOf(abbreviation)).ToBeHiddenAsync();
        await box.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(box).ToBeCheckedAsync();
        await Expect(RoleOf(abbreviation)).ToBeVisibleAsync();
        await RoleOf(abbreviation).FocusAsync();
        await RoleOf(abbreviation).SelectOptionAsync(new SelectOptionValue { Label = role });
        await Expect(RoleOf(abbreviation).Locator("option:checked")).ToHaveTextAsync(role);
    }

    /// <summary>Saves and waits for the form to come back with "Changes saved."</summary>
    public async Task SaveAsync()
    {
        await SaveButton.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("saved=1", StringComparison.Ordinal));
        await Expect(SavedMessage).ToBeVisibleAsync();
    }

    /// <summary>Saves on a row version someone else has moved on from, and waits for the conflict to be shown.</summary>
    public async Task SaveIntoConflictAsync()
    {
        await SaveButton.ClickAsync();
        await Expect(Conflict).ToBeVisibleAsync();
    }

    /// <summary>The "Français" / "English" box (the page's language) of the fieldset whose legend is <paramref name="legend"/>.</summary>
    private ILocator Bilingual(string legend) =>
        page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true })
            .GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex($"^{Regex.Escape(ui.LanguageBox)}(\\s|$)") });

    [GeneratedRegex(@"^/programmes/[^/]+/activities/[0-9a-f-]{36}/edit$")]
    private static partial Regex EditPath();
}
