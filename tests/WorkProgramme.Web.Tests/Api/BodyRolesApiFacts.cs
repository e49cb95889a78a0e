using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Api;

/// <summary>A body's chosen role over the API: written with the activity (If-Match), read back, and refused for a body the activity has not.</summary>
public sealed class BodyRolesApiFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private async Task<(string Path, JsonObject Activity, string ETag, HttpClient Client)> OpenAsync(int number)
    {
        var file = await app.ClientIn(null).GetFromJsonAsync<ProgrammeFile>("/api/programmes/" + SeedFile.PtcSlug, ProgrammeJson.Options);
        var id = file!.Activities.Single(a => a.Section == "time-bound" && a.Number == number).Id!.Value;
        var path = $"/api/programmes/{SeedFile.PtcSlug}/activities/{id}";
        var client = await app.ApiClientAsync(Roles.Editor, "CTP");
        var response = await client.GetAsync(path);
        var activity = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (path, activity, response.Headers.ETag!.ToString(), client);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string path, JsonObject activity, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(activity) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_role_chosen_for_a_body_is_written_with_the_activity_and_read_back()
    {
        var (path, activity, etag, client) = await OpenAsync(20);
        Assert.False(activity.ContainsKey("bodyRoles"));
        var bodies = activity["bodies"]!.AsArray();
        if (!bodies.Any(b => b!.GetValue<string>() == "EPMD"))
        {
            bodies.Add("EPMD");
        }

        activity["bodyRoles"] = new JsonObject { ["EPMD"] = "lead" };
        var saved = await PutAsync(client, path, activity, etag);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using var read = JsonDocument.Parse(await client.GetStringAsync(path));
        Assert.Equal("lead", read.RootElement.GetProperty("bodyRoles").GetProperty("EPMD").GetString());
    }

    [Fact]
    public async Task A_role_for_a_body_the_activity_has_not_or_an_unknown_role_is_refused()
    {
        var (path, activity, etag, client) = await OpenAsync(21);
        var notItsBody = new[] { "EPMD", "CRC", "GTS" }.First(code => !activity["bodies"]!.AsArray().Any(b => b!.GetValue<string>() == code));

        activity["bodyRoles"] = new JsonObject { [notItsBody] = "lead" };
        var foreign = await PutAsync(client, path, activity, etag);
        activity["bodyRoles"] = new JsonObject { [activity["bodies"]![0]!.GetValue<string>()] = "chair" };
        var unknown = await PutAsync(client, path, activity, etag);

        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("bodyRoles", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        using var read = JsonDocument.Parse(await client.GetStringAsync(path));
        Assert.False(read.RootElement.TryGetProperty("bodyRoles", out _));
    }
}
