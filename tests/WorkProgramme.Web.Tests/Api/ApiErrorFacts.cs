using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Api;

/// <summary>
/// Every error an API client can meet is <c>application/problem+json</c> in its language, including those the framework
/// answers before any endpoint runs; never the HTML error page, never an empty body (even when it asks for text/html).
/// </summary>
public sealed class ApiErrorFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static readonly string Activity = $"/api/programmes/{SeedFile.PtcSlug}/activities/{Guid.Empty}";

    private async Task<HttpRequestMessage> RequestAsync(string kind)
    {
        _ = app.Services;
        return kind switch
        {
            "malformed JSON" => new HttpRequestMessage(HttpMethod.Put, Activity)
            {
                Content = new StringContent("{\"section\": \"time-bound\", ", Encoding.UTF8, "application/json"),
            },
            "wrong content type" => new HttpRequestMessage(HttpMethod.Put, Activity)
            {
                Content = new StringContent("section=time-bound", Encoding.UTF8, "application/x-www-form-urlencoded"),
            },
            "unknown route" => new HttpRequestMessage(HttpMethod.Get, "/api/no-such-thing"),
            "wrong method" => new HttpRequestMessage(HttpMethod.Delete, Activity),
            "too large" => new HttpRequestMessage(HttpMethod.Put, Activity)
            {
                Content = new ByteArrayContent(new byte[11 * 1024 * 1024]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            },
            "not signed in" => new HttpRequestMessage(HttpMethod.Get, $"/api/programmes/{SeedFile.PtcSlug}/sessions/x/decisions"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Theory]
    [InlineData("malformed JSON", 400, "fr", "n’est pas du JSON valide")]
    [InlineData("malformed JSON", 400, "en", "is not valid JSON")]
    [InlineData("wrong content type", 415, "fr", "doit être du JSON")]
    [InlineData("wrong content type", 415, "en", "must be JSON")]
    [InlineData("unknown route", 404, "fr", "Aucune ressource de l’API")]
    [InlineData("unknown route", 404, "en", "No API resource")]
    [InlineData("wrong method", 405, "fr", "Méthode non autorisée")]
    [InlineData("wrong method", 405, "en", "Method not allowed")]
    [InlineData("too large", 413, "fr", "Requête trop volumineuse")]
    [InlineData("too large", 413, "en", "Request too large")]
    [InlineData("not signed in", 401, "fr", "Authentification requise")]
    [InlineData("not signed in", 401, "en", "Authentication required")]
    public async Task An_api_error_is_a_problem_in_the_callers_language_even_for_a_client_asking_for_html(string kind, int status, string language,
        string words)
    {
        var client = kind is "not signed in" ? app.ClientIn(null) : await app.ApiClientAsync(Roles.Editor, "CTP");
        foreach (var accept in new[] { "application/json", "text/html" })
        {
            using var request = await RequestAsync(kind);
            request.Headers.AcceptLanguage.Clear();
            request.Headers.AcceptLanguage.ParseAdd(language);
            request.Headers.Accept.ParseAdd(accept);
            request.Headers.IfMatch.ParseAdd("\"1\"");

            var response = await client.SendAsync(request);

            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Contains(words, problem.RootElement.GetProperty("title").GetString() + " " + problem.RootElement.GetProperty("detail").GetString(),
                StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_page_that_does_not_exist_still_shows_the_html_error_page()
    {
        var member = await app.SignedInClientAsync(Roles.Member, "CTP");

        var response = await member.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
