using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Documents;

/// <summary>
/// A PDF still in the conversion queue is answered at once, in words (docs/decisions/0038): 202 with Retry-After and its
/// position for a script, the waiting page that refreshes itself for a browser; once converted it is served from the cache.
/// </summary>
public sealed class PdfQueueFacts : IClassFixture<WebAppFactory>
{
    private const string Base = "/programmes/" + SeedFile.PtcSlug;

    private readonly WebAppFactory app;

    public PdfQueueFacts(WebAppFactory app)
    {
        this.app = app;
        // No waiting at all: every first request for a PDF hears where it stands.
        app.Settings["Documents:PdfWaitSeconds"] = "0";
    }

    private Task WhenConvertedAsync() => app.Services.GetRequiredService<PdfQueue>().WhenIdleAsync();

    [Fact]
    public async Task A_script_asking_for_a_pdf_being_converted_hears_202_its_position_and_when_to_ask_again_then_gets_it()
    {
        var client = app.ClientIn("fr");
        client.DefaultRequestHeaders.Accept.ParseAdd("application/pdf");

        var converter = app.Services.GetRequiredService<PdfConverter>();
        var before = converter.Conversions;

        var waiting = await client.GetAsync(Base + "/export.pdf?lang=fr");
        var pending = await waiting.Content.ReadFromJsonAsync<WorkProgramme.Web.Api.DocumentPending>();
        await WhenConvertedAsync();
        var ready = await client.GetAsync(Base + "/export.pdf?lang=fr");
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Base + "/export.pdf?lang=fr"));

        Assert.Equal(HttpStatusCode.Accepted, waiting.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), waiting.Headers.RetryAfter?.Delta);
        Assert.Equal(1, pending!.Position);
        Assert.Equal("Le PDF est en préparation (position 1 dans la file) : redemandez-le dans 5 secondes.", pending.Detail);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("application/pdf", ready.Content.Headers.ContentType?.MediaType);
        Assert.Equal((HttpStatusCode.OK, ready.Content.Headers.ContentLength), (head.StatusCode, head.Content.Headers.ContentLength));
        Assert.Equal(before + 1, converter.Conversions);
    }

    [Fact]
    public async Task A_browser_asking_for_a_pdf_being_converted_is_shown_a_page_that_says_where_it_stands_and_comes_back()
    {
        var client = app.ClientIn("en");
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var redirect = await client.GetAsync(Base + "/export.pdf?lang=en&slippage=true");
        var page = await client.GetAsync(redirect.Headers.Location);
        var html = await page.Content.ReadAsStringAsync();
        await WhenConvertedAsync();

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("The PDF is being prepared", html, StringComparison.Ordinal);
        Assert.Contains("Your document is at position 1 in the conversion queue.", html, StringComparison.Ordinal);
        Assert.Equal($"5; url={Base}/export.pdf?lang=en&slippage=true", string.Join(",", page.Headers.GetValues("Refresh")));
        Assert.Equal(TimeSpan.FromSeconds(5), page.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Base + "/export.pdf?lang=en&slippage=true")).StatusCode);
    }
}
