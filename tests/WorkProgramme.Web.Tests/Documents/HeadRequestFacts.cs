using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Documents;

/// <summary><c>HEAD</c> on every download (Word, PDF, redline, Excel, template, calendar, JSON) answers like <c>GET</c>, without the body.</summary>
public sealed class HeadRequestFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    // Headers that differ from one request to the next whatever the method.
    private static readonly HashSet<string> PerRequest = new(StringComparer.OrdinalIgnoreCase) { "Date", "X-Correlation-Id" };

    /// <summary>
    /// The app's downloads, read from its routes: every GET endpoint whose address ends with a file name (export.docx,
    /// calendar.ics, the OpenAPI document…), and the programme file as JSON. A new download is tested without touching this test.
    /// </summary>
    private List<string> Downloads()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.Split('/')[^1].Contains('.', StringComparison.Ordinal) || p == "/api/programmes/{slug}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        return endpoints.Select(p => p.Replace("{slug}", SeedFile.PtcSlug, StringComparison.Ordinal)
                .Replace("{documentName}", "v1", StringComparison.Ordinal)
            + (p.EndsWith("/redline.docx", StringComparison.Ordinal) ? "?from=2024-04&to=2024-04" : "")).ToList();
    }

    private static Dictionary<string, string> HeadersOf(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .Where(h => !PerRequest.Contains(h.Key))
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);

    [Fact]
    public async Task Every_download_answers_head_with_the_status_and_headers_of_get_and_no_body()
    {
        _ = app.Services;
        var downloads = Downloads();
        Assert.Superset(
            new HashSet<string>(["export.docx", "export.pdf", "redline.docx", "export.xlsx", "programme.xlsx", "calendar.ics", "v1.json", SeedFile.PtcSlug]),
            downloads.Select(d => d.Split('?')[0].Split('/')[^1]).ToHashSet());
        var client = app.ClientIn("en");

        foreach (var address in downloads)
        {
            using var get = await client.GetAsync(address);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, address));

            Assert.True(get.StatusCode == head.StatusCode, $"{address}: GET {get.StatusCode}, HEAD {head.StatusCode}");
            Assert.True(get.StatusCode != HttpStatusCode.NotFound, address);
            var (getHeaders, headHeaders) = (HeadersOf(get), HeadersOf(head));
            // A workbook carries the time it was written, so its length may differ by a byte or two between any two
            // requests: HEAD must give a length whenever GET does, not necessarily the same digits.
            Assert.Equal(getHeaders.Remove("Content-Length"), headHeaders.Remove("Content-Length"));
            Assert.True(getHeaders.Count == headHeaders.Count && getHeaders.All(h => headHeaders.GetValueOrDefault(h.Key) == h.Value),
                $"{address}: GET {string.Join("; ", getHeaders.Except(headHeaders))} / HEAD {string.Join("; ", headHeaders.Except(getHeaders))}");
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync());
        }
    }
}
