using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Translation;

/// <summary>
/// The translation service's TMX through the page (docs/decisions/0047): a file written by Debian's translate-toolkit is
/// previewed (added, already known, skipped with the reason in words), a confirmation with another digest adds nothing,
/// the confirmation of the preview adds the pairs in one audited import; a hostile file is refused in words.
/// </summary>
public sealed class MemoryImportPageFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Page = "/translation/memory";

    /// <summary>A TMX as translate-toolkit writes it (English source, a DTD named): two new pairs, one repeated, one without French.</summary>
    private static async Task<byte[]> ServiceMemoryAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"service-{Guid.NewGuid():N}.tmx");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(Repository.Root, "scripts", "translation", "translate_toolkit.py"), "tmxwrite", path, "en-GB", "fr-FR",
                     "Annual report of the service", "Rapport annuel du service", "The service's work", "Le travail du service",
                     "Annual report of the service", "Rapport annuel du service", "A text left untranslated", "" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error);
        try
        {
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string name)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await client.AntiforgeryTokenAsync(Page)), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "upload", name },
        };
        return await client.PostAsync(Page + "?handler=Preview", form);
    }

    private static async Task<(HttpStatusCode Status, IHtmlDocument Page)> ConfirmAsync(HttpClient client, IHtmlDocument preview, string? state)
    {
        var form = preview.QuerySelector("#memory-apply")!;
        var fields = form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync(Page);
        if (state is not null)
        {
            fields["state"] = state;
        }

        var response = await client.PostAsync(Page + "?handler=Apply", new FormUrlEncodedContent(fields));
        return (response.StatusCode, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    private Task<List<string>> ImportsAsync() => app.Database.RunAsync<WorkProgrammeDb, List<string>>(db =>
        db.TranslationMemoryImports.Select(i => i.Origin + " " + i.Added).ToListAsync());

    [Fact]
    public async Task A_translate_toolkit_memory_is_previewed_then_added_once_confirmed_and_audited()
    {
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP");
        var content = await ServiceMemoryAsync();

        var previewed = await UploadAsync(editor, content, "service-2026.tmx");
        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        var preview = new HtmlParser().ParseDocument(await previewed.Content.ReadAsStringAsync());
        Assert.Equal("Preview of 'service-2026.tmx' (nothing changed yet): 2 pairs to add, 1 already known, 1 skipped.",
            preview.QuerySelector("#memory-preview")!.Text().Trim());
        var skipped = preview.QuerySelector("#memory-skipped tbody tr")!;
        Assert.Equal(("no French text", "4"), (skipped.QuerySelector("th")!.Text().Trim(), skipped.QuerySelector("td")!.Text().Trim()));
        Assert.Empty(await ImportsAsync());

        var stale = await ConfirmAsync(editor, preview, state: "0");
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("has changed since the preview; nothing was added", stale.Page.QuerySelector("#memory-problems")!.Text(), StringComparison.Ordinal);
        Assert.Empty(await ImportsAsync());

        var applied = await ConfirmAsync(editor, preview, state: null);
        Assert.Equal(HttpStatusCode.OK, applied.Status);
        Assert.Equal("Translation memory updated: 2 pairs added, 1 already known, 1 skipped.", applied.Page.QuerySelector("#memory-applied")!.Text().Trim());
        Assert.Equal(["service-2026.tmx 2"], await ImportsAsync());
        var audit = await app.Database.RunAsync<WorkProgrammeDb, List<string>>(db =>
            db.AuditEntries.Where(a => a.EntityType == "TranslationMemory").Select(a => a.EntityId + " " + a.Field + " " + a.Actor).ToListAsync());
        Assert.Matches("^service-2026.tmx \\(created\\) .+", Assert.Single(audit));

        // The same file again: every pair is known now, nothing to add.
        var again = new HtmlParser().ParseDocument(await (await UploadAsync(editor, content, "service-2026.tmx")).Content.ReadAsStringAsync());
        Assert.Contains("0 pairs to add, 3 already known, 1 skipped.", again.QuerySelector("#memory-preview")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(again.QuerySelector("#memory-apply button[disabled]"));
    }

    [Theory]
    [InlineData("<!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><tmx version=\"1.4\"><body>&xxe;</body></tmx>", "hostile.tmx", "holds a DTD or entities")]
    [InlineData("<xliff version=\"1.2\"/>", "foreign.tmx", "not a TMX translation memory")]
    [InlineData("<tmx/>", "memory.docx", "Only a TMX translation memory (.tmx) is accepted.")]
    public async Task A_hostile_or_foreign_file_is_refused_in_words_and_adds_nothing(string content, string name, string expected)
    {
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP");

        var refused = await UploadAsync(editor, System.Text.Encoding.UTF8.GetBytes(content), name);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains(expected, page.QuerySelector("#memory-problems")!.Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#memory-apply"));
        Assert.DoesNotContain(await ImportsAsync(), i => i.StartsWith(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_french_page_says_the_same_in_french()
    {
        var editor = await app.SignedInClientAsync(Roles.Editor, "CLF", acceptLanguage: "fr");

        var page = new HtmlParser().ParseDocument(await (await UploadAsync(editor, await ServiceMemoryAsync(), "service-fr.tmx")).Content.ReadAsStringAsync());

        Assert.Contains(" à ajouter, ", page.QuerySelector("#memory-preview")!.Text(), StringComparison.Ordinal);
        Assert.Equal("pas de texte en français", page.QuerySelector("#memory-skipped tbody th")!.Text().Trim());
    }
}
