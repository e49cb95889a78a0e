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

    [Fact]
    public async Task An_editor_records_a_decision_and_reads_it_back_with_the_activity_number()
    {
        var script = await app.ApiClientAsync(Roles.Editor, "CTP");
        var rows = (await script.GetFromJsonAsync<List<DecisionEndpoints.DecisionDto>>(Decisions, ProgrammeJson.Options))!;
        var first = rows.Single(r => r.Reference == "I.1");
        Assert.Null(first.Kind);

        var saved = await script.PutAsJsonAsync($"{Decisions}/{first.ActivityId}",
            new DecisionEndpoints.RecordDecisionDto("took-note", new TextPair("Le CTP a pris note.", "The PTC took note."), "PC0760"), ProgrammeJson.Options);

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

        var refused = await script.PutAsJsonAsync($"{Decisions}/{id}", new DecisionEndpoints.RecordDecisionDto("approved-by-magic", null, null),
            ProgrammeJson.Options);

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
