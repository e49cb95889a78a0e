using Microsoft.Playwright;
using WorkProgramme.Application.Identity;
using WorkProgramme.Browser.Tests.Pages;
using WorkProgramme.Testing;
using static Microsoft.Playwright.Assertions;

namespace WorkProgramme.Browser.Tests.Journeys;

/// <summary>
/// The archive in the browser: an administrator uploads our redline of the PTC (2023-10 → 2024-04) as the archive of
/// a new programme, reads the preview of every row, imports, and sees the two versions and their comparison
/// (docs/decisions/0046).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ArchiveImportJourney(BrowserApp app) : IAsyncLifetime
{
    private IPage page = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("en", "Import the archive", "22 kept, 56 renumbered, 16 added, 3 retired; 0 doubts.", "Import these two versions", "Versions 2023-10 and 2024-04 imported:", "Compare the two versions")]
    [InlineData("fr", "Importer l’archive", "22 gardées, 56 renumérotées, 16 ajoutées, 3 retirées ; 0 doute.", "Importer ces deux versions", "Versions 2023-10 et 2024-04 importées :", "Comparer les deux versions")]
    public async Task An_administrator_uploads_the_redline_reads_the_preview_imports_and_compares_the_two_versions(string language, string nav,
        string summary, string apply, string applied, string compare)
    {
        var slug = $"ptc-archive-{language}-{Guid.NewGuid().ToString("N")[..6]}";
        var admin = await app.UserAsync(Roles.Admin);
        page = await app.NewPageAsync(language);
        await (await SignInPage.OpenAsync(page, RoundUi.For(language))).SignInAsync(admin.Email, admin.Password);
        var redline = await page.Context.APIRequest.GetAsync(new Uri(app.BaseUrl, $"/programmes/{SeedFile.PtcSlug}/redline.docx?from=2023-10&to=2024-04&lang=fr").ToString());
        Assert.True(redline.Ok);

        await AdminMenu.FollowAsync(page, nav);
        await Expect(page.Locator("main h1")).ToHaveTextAsync(nav);
        await page.Locator("input[name=upload]").SetInputFilesAsync(new FilePayload
        {
            Name = "ptc-redline.docx", MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Buffer = await redline.BodyAsync(),
        });
        await page.Locator("input[name=Slug]").FillAsync(slug);
        await page.Locator("select[name=BodyCode]").SelectOptionAsync("CTP");
        await page.Locator("input[name=Period]").FillAsync("2022-2025");
        await page.Locator("input[name=OldLabel]").FillAsync("2023-10");
        await page.Locator("select[name=OldSession]").SelectOptionAsync("ctp-241-242");
        await page.Locator("input[name=NewLabel]").FillAsync("2024-04");
        await page.Locator("select[name=NewSession]").SelectOptionAsync("ctp-243-244");
        await page.Locator("input[name=NewSymbol]").FillAsync("PC0756");
        await page.Locator("form[enctype='multipart/form-data'] button[type=submit]").ClickAsync();

        await Expect(page.Locator("#archive-preview")).ToContainTextAsync(summary);
        await Expect(page.Locator("#archive-readings tr[data-reading=renumbered]")).ToHaveCountAsync(56);
        await page.GetByRole(AriaRole.Button, new() { Name = apply, Exact = true }).ClickAsync();

        await Expect(page.Locator("#archive-applied")).ToContainTextAsync(applied);
        await page.GetByRole(AriaRole.Link, new() { Name = compare, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/programmes/{slug}/compare"));
        await Expect(page.Locator("main")).ToContainTextAsync("2024-04");
    }

    public async Task DisposeAsync()
    {
        if (page is not null)
        {
            await page.Context.CloseAsync();
        }
    }
}
