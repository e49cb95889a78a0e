using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Api;

/// <summary>
/// The malformed bodies an outside audit sent to the activity API, each refused with a 400 ProblemDetails that names
/// what was wrong in the caller's language, and the activity left as it was.
/// </summary>
public sealed class StrictInputFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private async Task<(Guid Id, JsonObject Body, string ETag)> ActivityAsync(int number)
    {
        var file = await app.ClientIn(null).GetFromJsonAsync<ProgrammeFile>("/api/programmes/" + SeedFile.PtcSlug, ProgrammeJson.Options);
        var id = file!.Activities.Single(a => a.Section == "time-bound" && a.Number == number).Id!.Value;
        var response = await app.ClientIn(null).GetAsync($"/api/programmes/{SeedFile.PtcSlug}/activities/{id}");
        return (id, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), response.Headers.ETag!.ToString());
    }

    private static async Task<HttpResponseMessage> PutRawAsync(HttpClient client, Guid id, string json, string etag, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/programmes/{SeedFile.PtcSlug}/activities/{id}")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        request.Headers.AcceptLanguage.Clear();
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    private static string WithTitle(JsonObject body, string? fr, string? en)
    {
        var copy = body.DeepClone().AsObject();
        copy["title"] = new JsonObject { ["fr"] = fr, ["en"] = en };
        return copy.ToJsonString();
    }

    /// <summary>Each body, by name; the expected words of the refusal in French and English.</summary>
    private static (string Json, string Fr, string En) Malformed(string name, JsonObject body) => name switch
    {
        "duplicate key" => (body.ToJsonString()[..^1] + ",\"priority\":\"A\",\"priority\":\"C\"}", "deux fois", "appears twice"),
        "number as a string" => (Replace(body, "number", JsonValue.Create("7")), "mauvais type", "wrong type"),
        "unknown field" => (Replace(body, "titel", JsonValue.Create("x")), "Champ inconnu", "Unknown field"),
        "NUL in the title" => (WithTitle(body, "Titre\u0000caché", null), "caractère de contrôle (U+0000)", "control character (U+0000)"),
        "C0 control in the title" => (WithTitle(body, "Titre\u001Bcaché", null), "caractère de contrôle (U+001B)", "control character (U+001B)"),
        "right-to-left override" => (WithTitle(body, "Titre \u202Etxt.exe", null), "sens de lecture (U+202E)", "reading direction (U+202E)"),
        "isolate" => (WithTitle(body, null, "Title \u2067x\u2069"), "sens de lecture (U+2067)", "reading direction (U+2067)"),
        "only no-break and zero-width spaces" => (WithTitle(body, "\u00A0\u200B\u2060\uFEFF", " \u00A0"), "intitulé", "title"),
        "5 MB title" => (WithTitle(body, new string('x', 5 * 1024 * 1024), null), "au plus 1000 caractères", "at most 1000 characters"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static string Replace(JsonObject body, string key, JsonNode value)
    {
        var copy = body.DeepClone().AsObject();
        copy[key] = value;
        return copy.ToJsonString();
    }

    [Theory]
    [InlineData("duplicate key", "fr")]
    [InlineData("number as a string", "en")]
    [InlineData("unknown field", "fr")]
    [InlineData("NUL in the title", "en")]
    [InlineData("C0 control in the title", "fr")]
    [InlineData("right-to-left override", "fr")]
    [InlineData("isolate", "en")]
    [InlineData("only no-break and zero-width spaces", "en")]
    [InlineData("5 MB title", "fr")]
    public async Task A_malformed_activity_is_refused_with_a_problem_in_the_callers_language_and_nothing_changes(string malformed, string language)
    {
        var (id, body, etag) = await ActivityAsync(11);
        var editor = await app.ApiClientAsync(Roles.Editor, "CTP");
        var (json, fr, en) = Malformed(malformed, body);

        var response = await PutRawAsync(editor, id, json, etag, language);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains(language == "fr" ? fr : en, problem, StringComparison.Ordinal);
        var after = await app.ClientIn(null).GetAsync($"/api/programmes/{SeedFile.PtcSlug}/activities/{id}");
        Assert.Equal(etag, after.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task A_title_sent_with_crlf_line_breaks_decomposed_accents_and_padding_is_stored_in_one_spelling()
    {
        var (id, body, etag) = await ActivityAsync(12);
        var editor = await app.ApiClientAsync(Roles.Editor, "CTP");

        var response = await PutRawAsync(editor, id, WithTitle(body, "\u200B  Re\u0301vision\r\ndu re\u0300glement\u00A0 ", "Tab\tkept"), etag, "en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var saved = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Révision\ndu règlement", saved.RootElement.GetProperty("title").GetProperty("fr").GetString());
        Assert.Equal("Tab\tkept", saved.RootElement.GetProperty("title").GetProperty("en").GetString());
    }

    [Fact]
    public async Task Saving_an_activity_unchanged_but_with_crlf_line_breaks_keeps_its_version()
    {
        var (id, body, etag) = await ActivityAsync(13);
        var editor = await app.ApiClientAsync(Roles.Editor, "CTP");
        var stored = body["kpi"]!.AsObject();
        var crlf = body.DeepClone().AsObject();
        crlf["kpi"] = new JsonObject
        {
            ["fr"] = stored["fr"]?.GetValue<string>().Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n",
            ["en"] = stored["en"]?.GetValue<string>().Replace("\n", "\r\n", StringComparison.Ordinal),
        };

        var response = await PutRawAsync(editor, id, crlf.ToJsonString(), etag, "en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag!.ToString());
    }
}
