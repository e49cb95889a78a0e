using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;
using WorkProgramme.Web.Api;

namespace WorkProgramme.Web.Tests.Decisions;

/// <summary>The session outcome through the API: the same handler as the decisions page, the same rules.</summary>
public sealed class DecisionApiFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static readonly string Decisions = $"/api/programmes/{SeedFile.PtcSlug}/sessions/ctp-243-244/decisions";

    private static async Task<string> ETagAsync(HttpClient client, Guid activityId)
    {
        using var response = await client.GetAsync($"{Decisions}/{activityId}");
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag!.ToString();
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid activityId, string? ifMatch, DecisionEndpoints.RecordDecisionDto body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"{Decisions}/{activityId}") { Content = JsonContent.Create(body, options: ProgrammeJson.Options) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    [Fact]
    public async Task Two_editors_and_a_stale_third_write_the_first_wins_the_others_get_412_with_the_decision_stored_and_none_without_if_match()
    {
        var first = await app.ApiClientAsync(Roles.Editor, "CTP");
        var second = await app.ApiClientAsync(Roles.Editor, "CTP");
        var id = (await first.GetFromJsonAsync<List<DecisionEndpoints.DecisionDto>>(Decisions, ProgrammeJson.Options))!.Single(r => r.Reference == "I.3").ActivityId;
        var seen = await ETagAsync(first, id);
        Assert.Equal(seen, await ETagAsync(second, id));

        var won = await PutAsync(first, id, seen, new DecisionEndpoints.RecordDecisionDto("adopted", new TextPair("Adopté.", "Adopted."), null));
        var lost = await PutAsync(second, id, seen, new DecisionEndpoints.RecordDecisionDto("took-note", new TextPair("Pris note.", "Took note."), null));
        var missing = await PutAsync(second, id, null, new DecisionEndpoints.RecordDecisionDto("took-note", new TextPair("Pris note.", "Took note."), null));

        Assert.Equal(HttpStatusCode.NoContent, won.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, lost.StatusCode);
        Assert.Equal("application/problem+json", lost.Content.Headers.ContentType!.MediaType);
        using var body = System.Text.Json.JsonDocument.Parse(await lost.Content.ReadAsStringAsync());
        Assert.Equal("adopted", body.RootElement.GetProperty("current").GetProperty("kind").GetString());
        Assert.Equal(won.Headers.ETag!.ToString(), lost.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        var stored = (await first.GetFromJsonAsync<List<DecisionEndpoints.DecisionDto>>(Decisions, ProgrammeJson.Options))!.Single(r => r.ActivityId == id);
        Assert.Equal("adopted", stored.Kind);
        Assert.Equal(won.Headers.ETag!.ToString(), await ETagAsync(first, id));
    }

    [Fact]
    public async Task An_editor_records_a_decision_and_reads_it_back_with_the_activity_number()
    {
        var script = await app.ApiClientAsync(Roles.Editor, "CTP");
        var rows = (await script.GetFromJsonAsync<List<DecisionEndpoints.DecisionDto>>(Decisions, ProgrammeJson.Options))!;
        var first = rows.Single(r => r.Reference == "I.1");
        Assert.Null(first.Kind);

        var saved = await PutAsync(script, first.ActivityId, await ETagAsync(script, first.ActivityId),
            new DecisionEndpoints.RecordDecisionDto("took-note", new TextPair("Le CTP a pris note.", "The PTC took note."), "PC0760"));

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        var recorded = (await script.GetFromJsonAsync<List<DecisionEndpoints.DecisionDto>>(Decisions, ProgrammeJson.Options))!
            .Single(r => r.ActivityId == first.ActivityId);
        Assert.Equal(("took-note", "The PTC took note.", "PC0760"), (recorded.Kind, recorded.Text!.En, recorded.DocumentSymbol));
        var audited = await app.Database.RunAsync<WorkProgramme.Application.Data.WorkProgrammeDb, int>(db =>
            db.AuditEntries.CountAsync(e => e.EntityType == "Decision" && e.EntityId == $"{first.ActivityId}@ctp-243-244"));
        Assert.True(audited > 0);
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_in_the_callers_language_and_changes_nothing()
    {
        var script = await app.ApiClientAsync(Roles.Editor, "CTP");
        script.DefaultRequestHeaders.AcceptLanguage.Clear();
        script.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var id = (await script.GetFromJsonAsync<List<DecisionEndpoints.DecisionDto>>(Decisions, ProgrammeJson.Options))!.First().ActivityId;
        var before = await app.Database.ContentHashAsync();

        var refused = await PutAsync(script, id, await ETagAsync(script, id), new DecisionEndpoints.RecordDecisionDto("approved-by-magic", null, null));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        Assert.Equal("Type de décision inconnu", problem!.Title);
        Assert.Contains("took-note", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await app.Database.ContentHashAsync());
    }

    [Fact]
    public async Task Members_and_strangers_cannot_read_or_record_decisions()
    {
        var member = await app.ApiClientAsync(Roles.Member, "CTP");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(Decisions)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientIn("en").GetAsync(Decisions)).StatusCode);
        var unknownSession = await (await app.ApiClientAsync(Roles.Editor, "CTP")).GetAsync(Decisions.Replace("ctp-243-244", "ctp-999", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, unknownSession.StatusCode);
    }
}
