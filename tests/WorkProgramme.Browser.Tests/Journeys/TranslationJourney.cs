using System.Xml.Linq;
using Microsoft.Playwright;
using WorkProgramme.Application.Identity;
using WorkProgramme.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Journeys;

/// <summary>
/// An editor sends the programme's untranslated texts to the translation service and takes the translations back in a
/// real browser: export the XLIFF, upload what came back (built here from the export: some targets filled, one source
/// changed since, one unknown text), read the preview (applied, stale, refused), apply, and see the English on the
/// programme page with its count gone up; on the way, the translation service's TMX is added to the memory from the
/// translation page (previewed, then added). It translates key performance indicators only, and shares the round
/// journey's app: the reading journeys keep the shipped programme.
/// </summary>
[Collection(RoundCollection.Name)]
public sealed class TranslationJourney(BrowserApp app) : IAsyncLifetime
{
    private static readonly XNamespace X = "urn:oasis:names:tc:xliff:document:1.2";

    private IPage page = null!;

    private sealed record Words(string Translation, string Into, string Download, string Preview, string Applied, string Stale, string Refused,
        string Apply, string Memory, string ToAdd, string AddPairs, string Added);

    private static Words For(string language) => language == "fr"
        ? new("Traduction (XLIFF)", "Vers l’anglais", "Télécharger le fichier XLIFF", "Voir les changements",
            "Traduite", "Périmée", "Refusée", "Appliquer ces traductions", "Ajouter une mémoire TMX du service de traduction",
            "1 paire à ajouter", "Ajouter ces paires à la mémoire", "1 paire ajoutée")
        : new("Translation (XLIFF)", "Into English", "Download the XLIFF file", "See the changes",
            "Translated", "Stale", "Refused", "Apply these translations", "Add a TMX memory from the translation service",
            "1 pair to add", "Add these pairs to the memory", "1 pair added");

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task An_editor_exports_uploads_the_translated_file_previews_applies_and_sees_the_english_and_the_count_go_up(string language)
    {
        var words = For(language);
        var ui = RoundUi.For(language);
        var editor = await app.UserAsync(Roles.Editor, "CTP");
        page = await app.NewPageAsync(language);
        await (await SignInPage.OpenAsync(page, ui)).SignInAsync(editor.Email, editor.Password);
        await ProgrammePage.OpenAsync(page, ui.Reader);
        var before = await EnglishCountAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = words.Translation, Exact = true }).ClickAsync();
        await page.Locator("#translation-export select[name=to]").SelectOptionAsync(new SelectOptionValue { Label = words.Into });
        var export = await Downloaded.ByClickingAsync(page, page.GetByRole(AriaRole.Button, new() { Name = words.Download, Exact = true }));
        Assert.EndsWith(".en.xlf", export.FileName, StringComparison.Ordinal);

        // The service's file: three KPIs translated, a fourth whose French changed since the export, a text we never sent.
        var run = Guid.NewGuid().ToString("N")[..6];
        var xliff = XDocument.Parse(System.Text.Encoding.UTF8.GetString(export.Content));
        var kpis = xliff.Descendants(X + "trans-unit").Where(u => ((string)u.Attribute("id")!).EndsWith("/kpi", StringComparison.Ordinal)).Take(4).ToList();
        Assert.Equal(4, kpis.Count);
        var translations = new List<string>();
        foreach (var (unit, index) in kpis.Select((u, i) => (u, i)))
        {
            var source = unit.Element(X + "source")!;
            if (index == 3)
            {
                source.Add(new XText(" (modifié)"));
            }

            var english = $"KPI {run}-{index}: ";
            translations.Add(english);
            source.AddAfterSelf(new XElement(X + "target", new XAttribute("state", "translated"), new XText(english), source.Nodes()));
        }

        var unknown = new XElement(kpis[0]);
        unknown.SetAttributeValue("id", $"activity/{Guid.Empty:D}/kpi");
        kpis[0].AddAfterSelf(unknown);
        var back = System.Text.Encoding.UTF8.GetBytes(xliff.ToString());

        await page.Locator("input[type=file][name=upload]").SetInputFilesAsync(new FilePayload { Name = "ptc.en.xlf", MimeType = "application/xliff+xml", Buffer = back });
        await page.GetByRole(AriaRole.Button, new() { Name = words.Preview, Exact = true }).ClickAsync();
        await Expect(page.Locator("#translation-preview")).ToBeVisibleAsync();
        var badges = page.Locator("#translation-units .badge");
        await Expect(badges.Filter(new() { HasTextString = words.Applied })).ToHaveCountAsync(3);
        await Expect(badges.Filter(new() { HasTextString = words.Stale })).ToHaveCountAsync(1);
        await Expect(badges.Filter(new() { HasTextString = words.Refused })).ToHaveCountAsync(1);
        await Expect(page.Locator("#translation-units")).ToContainTextAsync(translations[0]);

        await page.GetByRole(AriaRole.Button, new() { Name = words.Apply, Exact = true }).ClickAsync();
        await Expect(page.Locator("#translation-applied")).ToBeVisibleAsync();

        // The translation service's own memory, from the translation page: previewed, then added.
        await page.GotoAsync($"/programmes/{WorkProgramme.Testing.SeedFile.PtcSlug}/translation");
        await page.GetByRole(AriaRole.Link, new() { Name = words.Memory, Exact = true }).ClickAsync();
        var tmx = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="fr" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/>
            <body><tu><tuv xml:lang="fr"><seg>Mémoire du service {run}</seg></tuv><tuv xml:lang="en"><seg>Service memory {run}</seg></tuv></tu></body></tmx>
            """;
        await page.Locator("input[type=file][name=upload]").SetInputFilesAsync(new FilePayload { Name = "service.tmx", MimeType = "application/xml",
            Buffer = System.Text.Encoding.UTF8.GetBytes(tmx) });
        await page.GetByRole(AriaRole.Button, new() { Name = words.Preview, Exact = true }).ClickAsync();
        await Expect(page.Locator("#memory-preview")).ToContainTextAsync(words.ToAdd);
        await page.GetByRole(AriaRole.Button, new() { Name = words.AddPairs, Exact = true }).ClickAsync();
        await Expect(page.Locator("#memory-applied")).ToContainTextAsync(words.Added);

        await ProgrammePage.OpenAsync(page, ui.Reader);
        Assert.Equal(before + 3, await EnglishCountAsync());
        if (language == "fr")
        {
            await new LanguageSwitch(page, ui.Reader).SwitchToAsync(Ui.En);
        }

        await Expect(page.Locator("main")).ToContainTextAsync(translations[0]);
        await Expect(page.Locator("main")).Not.ToContainTextAsync(translations[3]);
    }

    /// <summary>The programme texts with their English, as the programme page counts them.</summary>
    private async Task<int> EnglishCountAsync() =>
        int.Parse((await page.Locator("[data-texts=programme] .translation-count[data-language=en]").GetAttributeAsync("data-translated"))!,
            System.Globalization.CultureInfo.InvariantCulture);

    public async Task DisposeAsync()
    {
        if (page is not null)
        {
            await page.Context.CloseAsync();
        }
    }
}
