using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Api;

public sealed class ProgrammeApiFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Lists_programmes()
    {
        using var json = JsonDocument.Parse(await app.ClientIn(null).GetStringAsync("/api/programmes"));

        var programme = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(SeedFile.PtcSlug, programme.GetProperty("slug").GetString());
        Assert.Equal("PC0756", programme.GetProperty("version").GetProperty("documentSymbol").GetString());
        Assert.Equal("endorsed", programme.GetProperty("version").GetProperty("state").GetString());
        Assert.Equal(42, programme.GetProperty("timeBoundActivities").GetInt32());
    }

    [Fact]
    public async Task Returns_the_programme_in_the_stable_json_format()
    {
        var response = await app.ClientIn(null).GetAsync("/api/programmes/" + SeedFile.PtcSlug);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Programme de travail révisé 2022-2025 du CTP et état d’avancement", root.GetProperty("title").GetProperty("fr").GetString());
        Assert.Equal("CTP", root.GetProperty("body").GetString());
        Assert.Equal(["label", "documentSymbol", "state", "session"], root.GetProperty("version").EnumerateObject().Select(p => p.Name));
        var activities = root.GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(97, activities.Count);
        var first = activities[0];
        Assert.Equal(
            ["id", "section", "number", "previousNumber", "revision", "priority", "linkedToStrategicPlan", "strategicPlan", "taskType",
             "bodies", "title", "resources", "kpi", "deadline", "status"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("time-bound", first.GetProperty("section").GetString());
        Assert.Equal(["text", "continuous", "milestones"], first.GetProperty("deadline").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["session", "keyword", "keywordInferred", "executionLevel", "text", "nextSteps", "milestonesReached"],
            first.GetProperty("status").EnumerateObject().Select(p => p.Name));
        var deleted = activities.Where(a => a.GetProperty("revision").GetString() == "deleted").ToList();
        Assert.Equal(3, deleted.Count);
        Assert.All(deleted, a => Assert.Equal(JsonValueKind.Null, a.GetProperty("number").ValueKind));
        Assert.Contains(activities, a => a.GetProperty("priority").ValueKind == JsonValueKind.Null);
        Assert.Contains(activities, a => a.GetProperty("strategicPlan").EnumerateArray().Any(c => c.GetString() == "ORG1"));
    }

    [Fact]
    public async Task Gives_what_the_cli_export_and_import_use()
    {
        var file = await app.ClientIn(null).GetFromJsonAsync<ProgrammeFile>("/api/programmes/" + SeedFile.PtcSlug, ProgrammeJson.Options);

        var seed = await SeedFile.ReadPtcAsync();
        Assert.Equal(seed.Activities.Select(a => a.Id), file!.Activities.Select(a => a.Id));
    }

    [Theory]
    [InlineData("fr", "Programme introuvable")]
    [InlineData("en", "Programme not found")]
    public async Task An_unknown_programme_is_a_problem_in_the_request_language(string language, string title)
    {
        var response = await app.ClientIn(language).GetAsync("/api/programmes/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, json.RootElement.GetProperty("title").GetString());
        Assert.Equal(404, json.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Serves_an_openapi_document_describing_the_api()
    {
        using var json = JsonDocument.Parse(await app.ClientIn(null).GetStringAsync("/openapi/v1.json"));

        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/programmes", paths);
        Assert.Contains("/api/programmes/{slug}", paths);
    }
}
