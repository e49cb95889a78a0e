using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;
using WorkProgramme.Web.Tests.Api.Client;
using ClientProblem = WorkProgramme.Web.Tests.Api.Client.Models.ProblemDetails;

namespace WorkProgramme.Web.Tests.Api;

/// <summary>
/// /openapi/v1.json is a contract: the committed copy (docs/api/openapi.json, linted by Redocly in scripts/test.sh and
/// the input of the Kiota client in Api/Client) is the one the app serves, every operation says how to authenticate and
/// which errors it answers, and a client generated from it reads, updates with If-Match and meets 412.
/// </summary>
public sealed class OpenApiContractFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static readonly string Committed = Path.Combine(Repository.Root, "docs", "api", "openapi.json");

    private async Task<JsonObject> LiveAsync() =>
        JsonNode.Parse(await app.ClientIn(null).GetStringAsync("/openapi/v1.json"))!.AsObject();

    [Fact]
    public async Task The_committed_document_is_the_one_the_app_serves()
    {
        var live = (await LiveAsync()).ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n";
        if (Environment.GetEnvironmentVariable("WP_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(Committed, live);
        }

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Committed));
        Assert.True(JsonNode.DeepEquals(committed, JsonNode.Parse(live)),
            "docs/api/openapi.json is stale: run WP_UPDATE_OPENAPI=1 dotnet test tests/WorkProgramme.Web.Tests --filter " +
            "FullyQualifiedName~OpenApiContractFacts, then scripts/openapi/generate-client.sh");
    }

    [Fact]
    public async Task Every_operation_names_itself_says_how_to_authenticate_and_answers_its_errors_as_problem_details()
    {
        var document = await LiveAsync();
        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        Assert.Equal("bearer", schemes["bearer"]!["scheme"]!.GetValue<string>());
        Assert.Equal("cookie", schemes["cookie"]!["in"]!.GetValue<string>());

        var operations = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject())
            {
                operations++;
                var operation = node!.AsObject();
                var name = $"{method.ToUpperInvariant()} {path}";
                Assert.False(string.IsNullOrWhiteSpace(operation["operationId"]?.GetValue<string>()), name);
                Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), name);
                var security = operation["security"]!.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key)).ToHashSet();
                Assert.True(security.SetEquals(["bearer", "cookie"]), name);
                var responses = operation["responses"]!.AsObject();
                Assert.Contains(responses, r => r.Key.StartsWith('2'));
                foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
                {
                    Assert.True(response!["content"]?["application/problem+json"]?["schema"] is not null, $"{name} {status}");
                }

                Assert.Contains("429", responses.Select(r => r.Key));
                if (method is "put" or "post" or "delete")
                {
                    Assert.Contains("409", responses.Select(r => r.Key));
                    Assert.Contains("401", responses.Select(r => r.Key));
                    Assert.Contains("403", responses.Select(r => r.Key));
                }
            }
        }

        Assert.True(operations > 10);
    }

    [Fact]
    public async Task A_write_that_checks_if_match_declares_the_header_and_its_412_and_428_answers()
    {
        var document = await LiveAsync();
        var put = document["paths"]!["/api/programmes/{slug}/activities/{id}"]!["put"]!;
        var get = document["paths"]!["/api/programmes/{slug}/activities/{id}"]!["get"]!;

        var ifMatch = put["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "If-Match")!;
        Assert.Equal("header", ifMatch["in"]!.GetValue<string>());
        Assert.True(ifMatch["required"]!.GetValue<bool>());
        foreach (var status in new[] { "200", "400", "401", "403", "404", "409", "412", "413", "415", "428", "429" })
        {
            Assert.NotNull(put["responses"]![status]);
        }

        Assert.NotNull(put["responses"]!["412"]!["headers"]!["ETag"]);
        Assert.NotNull(get["responses"]!["200"]!["headers"]!["ETag"]);
    }

    [Fact]
    public async Task A_client_generated_by_kiota_reads_an_activity_updates_it_with_if_match_and_gets_412_on_a_stale_one()
    {
        var file = await app.ClientIn(null).GetFromJsonAsync<ProgrammeFile>("/api/programmes/" + SeedFile.PtcSlug, ProgrammeJson.Options);
        var id = file!.Activities.Single(a => a.Section == "time-bound" && a.Number == 14).Id!.Value;
        var token = (await app.ApiClientAsync(Roles.Editor, "CTP")).DefaultRequestHeaders.Authorization;

        // Kiota's own handlers (headers inspection, retry, redirect...) in front of the test server, as a real client has them.
        var http = app.CreateDefaultClient([.. KiotaClientFactory.CreateDefaultHandlers()]);
        http.DefaultRequestHeaders.Authorization = token;
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = http.BaseAddress!.ToString().TrimEnd('/') };
        var client = new WorkProgrammeClient(adapter);
        var activity = client.Api.Programmes[SeedFile.PtcSlug].Activities[id];

        var read = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        var current = await activity.GetAsync(c => c.Options.Add(read));
        var etag = read.ResponseHeaders["ETag"].Single();
        current!.Priority = current.Priority == "A" ? "B" : "A";
        var written = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        var saved = await activity.PutAsync(current, c =>
        {
            c.Headers.Add("If-Match", etag);
            c.Options.Add(written);
        });
        var stale = await Assert.ThrowsAsync<ClientProblem>(() => activity.PutAsync(current, c => c.Headers.Add("If-Match", etag)));

        Assert.Equal(current.Priority, saved!.Priority);
        Assert.NotEqual(etag, written.ResponseHeaders["ETag"].Single());
        Assert.Equal((int)HttpStatusCode.PreconditionFailed, stale.ResponseStatusCode);
        Assert.Equal((int)HttpStatusCode.PreconditionFailed, stale.Status);
        Assert.False(string.IsNullOrWhiteSpace(stale.Title));
    }
}
