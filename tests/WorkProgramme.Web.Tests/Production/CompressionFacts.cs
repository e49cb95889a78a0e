using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Production;

/// <summary>
/// Text answers travel compressed in the encoding the reader accepts and decode to the bytes sent uncompressed;
/// documents, already compressed inside, do not. Versioned static files are cached for a year (decision 0034).
/// </summary>
public sealed class CompressionFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static readonly string Ptc = $"/programmes/{SeedFile.PtcSlug}";

    public static TheoryData<string, string, string> TextAnswers()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var encoding in new[] { "br", "gzip" })
        {
            data.Add(Ptc, "text/html", encoding);
            data.Add($"/api/programmes/{SeedFile.PtcSlug}", "application/json", encoding);
            data.Add("/api/programmes/no-such-programme", "application/problem+json", encoding);
            data.Add("/css/site.css", "text/css", encoding);
            data.Add("/js/report-form.js", "text/javascript", encoding);
            data.Add($"{Ptc}/calendar.ics", "text/calendar", encoding);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TextAnswers))]
    public async Task A_text_answer_is_compressed_in_the_accepted_encoding_and_decodes_to_the_same_bytes(string url, string mediaType, string encoding)
    {
        var client = app.ClientIn("en");
        // Problem details name the request's correlation id: the same on both requests, so the bodies are the same.
        client.DefaultRequestHeaders.Add("X-Correlation-ID", "compression-check");
        var plain = await client.GetAsync(url);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync();

        var compressed = await SendAsync(client, HttpMethod.Get, url, encoding);
        var wireBytes = await compressed.Content.ReadAsByteArrayAsync();

        Assert.Equal(mediaType, compressed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(encoding, Assert.Single(compressed.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.True(wireBytes.Length < plainBytes.Length, $"{wireBytes.Length} compressed bytes against {plainBytes.Length}");
        Assert.Equal(WithoutStamp(plainBytes), WithoutStamp(Decode(wireBytes, encoding)));
    }

    /// <summary>The calendar says when it was written (DTSTAMP), to the second: the rest must be the same bytes.</summary>
    private static string WithoutStamp(byte[] body) => Regex.Replace(System.Text.Encoding.UTF8.GetString(body), "DTSTAMP:[^\r\n]*", "DTSTAMP:");

    [Fact]
    public async Task The_output_cache_keeps_a_page_compressed_once_per_encoding_and_replays_those_bytes()
    {
        // A query of its own: the entries of this fact are its own, whatever the other facts asked for first.
        var url = $"{Ptc}?replay-check={Guid.NewGuid():N}";
        var client = app.ClientIn("fr");
        var gzipRendered = await SendAsync(client, HttpMethod.Get, url, "gzip");
        var gzipReplayed = await SendAsync(client, HttpMethod.Get, url, "gzip");
        var brRendered = await SendAsync(client, HttpMethod.Get, url, "br");
        var brReplayed = await SendAsync(client, HttpMethod.Get, url, "br, gzip");
        var plainRendered = await client.GetAsync(url);
        var plainReplayed = await client.GetAsync(url);

        // Each encoding is an entry of its own: the first request in it renders, the next one is a replay.
        Assert.Null(gzipRendered.Headers.Age);
        Assert.NotNull(gzipReplayed.Headers.Age);
        Assert.Null(brRendered.Headers.Age);
        Assert.NotNull(brReplayed.Headers.Age);
        Assert.Null(plainRendered.Headers.Age);
        Assert.NotNull(plainReplayed.Headers.Age);
        Assert.Equal("gzip", Assert.Single(gzipReplayed.Content.Headers.ContentEncoding));
        Assert.Equal("br", Assert.Single(brReplayed.Content.Headers.ContentEncoding));
        Assert.Empty(plainReplayed.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", brReplayed.Headers.Vary);
        Assert.Contains("Accept-Encoding", gzipReplayed.Headers.Vary);

        // The replay is the stored compressed bytes, and they decode to the page.
        var plainBytes = await plainReplayed.Content.ReadAsByteArrayAsync();
        Assert.Equal(await gzipRendered.Content.ReadAsByteArrayAsync(), await gzipReplayed.Content.ReadAsByteArrayAsync());
        Assert.Equal(await brRendered.Content.ReadAsByteArrayAsync(), await brReplayed.Content.ReadAsByteArrayAsync());
        Assert.Equal(plainBytes, Decode(await gzipReplayed.Content.ReadAsByteArrayAsync(), "gzip"));
        Assert.Equal(plainBytes, Decode(await brReplayed.Content.ReadAsByteArrayAsync(), "br"));
        Assert.Equal(plainBytes, await plainRendered.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_head_request_names_the_encoding_its_get_would_use_and_has_no_body()
    {
        var head = await SendAsync(app.ClientIn("en"), HttpMethod.Head, Ptc, "br");

        Assert.Equal("br", Assert.Single(head.Content.Headers.ContentEncoding));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/export.docx")]
    [InlineData("/export.xlsx")]
    public async Task A_document_is_sent_as_it_is(string document)
    {
        var response = await SendAsync(app.ClientIn("en"), HttpMethod.Get, Ptc + document, "br, gzip");

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal((byte)'P', (await response.Content.ReadAsByteArrayAsync())[0]);
    }

    [Fact]
    public async Task The_antiforgery_token_is_new_in_every_response_so_compressed_lengths_reveal_nothing_of_it()
    {
        var client = app.ClientIn("en");
        var first = Token(await client.GetStringAsync("/account/sign-in"));
        var second = Token(await client.GetStringAsync("/account/sign-in"));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task The_page_that_shows_an_api_token_s_secret_is_never_compressed_over_https()
    {
        var (email, password) = await app.UserAsync(Roles.Editor, "CTP");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await client.SignInAsync(email, password);

        var profile = await SendAsync(client, HttpMethod.Get, "/account/profile", "br, gzip");
        var home = await SendAsync(client, HttpMethod.Get, "/", "br, gzip");

        Assert.Equal(System.Net.HttpStatusCode.OK, profile.StatusCode);
        Assert.Empty(profile.Content.Headers.ContentEncoding);
        Assert.Equal("br", Assert.Single(home.Content.Headers.ContentEncoding));
    }

    [Theory]
    [InlineData("/admin/users/invite", Roles.Admin)]
    [InlineData("/account/set-password?token=not-a-real-one", null)]
    public async Task The_pages_that_show_an_account_link_s_secret_are_never_compressed_over_https(string path, string? role)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        if (role is not null)
        {
            var (email, password) = await app.UserAsync(role, null);
            await client.SignInAsync(email, password);
        }

        var page = await SendAsync(client, HttpMethod.Get, path, "br, gzip");

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Empty(page.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_versioned_static_file_is_cached_for_a_year_and_an_unversioned_one_for_an_hour()
    {
        var client = app.ClientIn("en");
        var page = await client.GetStringAsync("/");
        var versioned = Regex.Match(page, "href=\"(/css/site\\.css\\?v=[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(versioned);

        var cached = await client.GetAsync(versioned);
        var unversioned = await client.GetAsync("/css/site.css");
        var staleVersion = await client.GetAsync("/css/site.css?v=not-the-current-one");

        Assert.Equal("public, max-age=31536000, immutable", cached.Headers.CacheControl?.ToString());
        Assert.Equal("public, max-age=3600", unversioned.Headers.CacheControl?.ToString());
        Assert.Equal("public, max-age=3600", staleVersion.Headers.CacheControl?.ToString());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string encodings)
    {
        using var request = new HttpRequestMessage(method, url);
        foreach (var encoding in encodings.Split(", "))
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        }

        return await client.SendAsync(request);
    }

    private static byte[] Decode(byte[] wire, string encoding)
    {
        using var input = new MemoryStream(wire);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    private static string Token(string page) =>
        Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } token
            ? token
            : throw new InvalidOperationException("No antiforgery token on the page.");
}
