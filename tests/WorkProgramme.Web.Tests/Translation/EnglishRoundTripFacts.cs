using System.Net;
using AngleSharp.Html.Parser;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Translation;

/// <summary>
/// The English round trip through the translation page, on a database of its own: every text translated, the English
/// programme page marks no text as shown in French.
/// </summary>
public sealed class EnglishRoundTripFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Url = "/programmes/" + SeedFile.PtcSlug + "/translation";

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Once_every_text_is_translated_the_English_programme_page_shows_no_French_fallback_and_nothing_is_left_to_translate()
    {
        var english = await app.SignedInClientAsync(Roles.Editor, "CTP", acceptLanguage: "en");
        var programme = "/programmes/" + SeedFile.PtcSlug;
        Assert.NotEmpty((await PageOf(await english.GetAsync(programme))).QuerySelectorAll(".text.fallback[lang=fr]"));
        var exported = await (await english.GetAsync($"{Url}?handler=Export&to=en")).Content.ReadAsByteArrayAsync();
        var units = XliffFiles.Units(exported);

        using var form = new MultipartFormDataContent
        {
            { new StringContent(await english.AntiforgeryTokenAsync(Url)), "__RequestVerificationToken" },
            { new ByteArrayContent(XliffFiles.Translated(exported)), "upload", "ptc.en.xlf" },
        };
        var preview = await PageOf(await english.PostAsync(Url + "?handler=Preview", form));
        Assert.Contains($"{units} translations to apply, 0 unchanged, 0 stale. 0 refused.", preview.QuerySelector("#translation-preview")!.Text(), StringComparison.Ordinal);
        var applied = await PageOf(await english.PostAsync(Url + "?handler=Apply", new FormUrlEncodedContent(
            preview.QuerySelectorAll("form:has(input[name=token]) input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? ""))));
        Assert.NotNull(applied.QuerySelector("#translation-applied"));

        var page = await PageOf(await english.GetAsync(programme));

        Assert.Empty(page.QuerySelectorAll(".text.fallback[lang=fr]").Select(e => e.TextContent));
        Assert.Contains("EN ", page.Body!.TextContent, StringComparison.Ordinal);
        var again = await (await english.GetAsync($"{Url}?handler=Export&to=en")).Content.ReadAsByteArrayAsync();
        Assert.Equal(0, XliffFiles.Units(again));
    }
}
