using System.Globalization;
using System.Net;
using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Writes;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Revisions;

public sealed class ReferencesAndDriftPageFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Study = "e061553a";
    private static readonly Guid DisruptiveTechnologies = Guid.Parse("97a1e8e5-4ea5-5768-af44-89511d2fe17c");

    private async Task<Guid> IdAsync(string prefix)
    {
        _ = app.Services;
        var rows = await app.Database.RunAsync<WorkProgramme.Application.Features.Interchange.ExportProgramme.Handler, WorkProgramme.Application.Features.Interchange.ProgrammeFile?>(h =>
            h.HandleAsync(new(Viewer.Operator, SeedFile.PtcSlug), CancellationToken.None));
        return rows!.Activities.Single(a => a.Id!.Value.ToString().StartsWith(prefix, StringComparison.Ordinal)).Id!.Value;
    }

    [Theory]
    [InlineData(null, "2", "")]
    [InlineData("2023-10", "3", "?version=2023-10")]
    public async Task A_status_text_shows_the_reference_as_a_link_with_the_number_of_the_version_shown(string? version, string number, string query)
    {
        var id = await IdAsync(Study);

        var page = await app.ClientIn("fr").GetPageAsync($"/programmes/{SeedFile.PtcSlug}/activities/{id}{(version is null ? "" : "?version=" + version)}");

        // The current status and the status history both quote it.
        var links = page.QuerySelectorAll("a.xref").ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link =>
        {
            Assert.Equal(number, link.Text());
            Assert.Equal($"/programmes/{SeedFile.PtcSlug}/activities/{DisruptiveTechnologies}{query}", link.GetAttribute("href"));
        });
        Assert.Contains($"(activité n° {number})", page.Body.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("[[activity:", page.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_programme_page_shows_the_reference_with_its_number_and_never_the_token()
    {
        var page = await app.ClientIn("fr").GetPageAsync($"/programmes/{SeedFile.PtcSlug}");

        Assert.Contains(page.QuerySelectorAll("a.xref"), a => a.Text() == "24");
        Assert.DoesNotContain("[[activity:", page.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outdated_translation_is_marked_in_french_and_english_until_an_editor_confirms_it()
    {
        _ = app.Services;
        var id = await DriftAsync();
        var activityUrl = $"/programmes/{SeedFile.PtcSlug}/activities/{id}";

        var fr = await app.ClientIn("fr").GetPageAsync(activityUrl);
        var en = await app.ClientIn("en").GetPageAsync(activityUrl);
        var programmeFr = await app.ClientIn("fr").GetPageAsync($"/programmes/{SeedFile.PtcSlug}");
        var programmeEn = await app.ClientIn("en").GetPageAsync($"/programmes/{SeedFile.PtcSlug}");
        var checksEn = await app.ClientIn("en").GetPageAsync($"/programmes/{SeedFile.PtcSlug}/checks");

        Assert.Equal("Traduction à mettre à jour", fr.QuerySelector("section.translation-outdated h2").Text());
        Assert.Equal("Translation outdated", en.QuerySelector("section.translation-outdated h2").Text());
        Assert.Null(en.QuerySelector("section.translation-outdated form"));
        Assert.Equal("Traduction à mettre à jour", programmeFr.QuerySelector($"#activity-{id} .translation-outdated").Text());
        Assert.Equal("Translation outdated", programmeEn.QuerySelector($"#activity-{id} .translation-outdated").Text());
        Assert.NotNull(checksEn.QuerySelector("#rule-TranslationOutdated"));

        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP", "en");
        var form = (await editor.GetPageAsync(activityUrl)).QuerySelector("section.translation-outdated form");
        Assert.NotNull(form);
        var rowVersion = form!.QuerySelector("input[name=RowVersion]")!.GetAttribute("value")!;
        var stale = await editor.PostFormAsync(activityUrl, activityUrl + "?handler=ConfirmTranslation",
            new Dictionary<string, string> { ["RowVersion"] = (int.Parse(rowVersion, CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        var refused = await editor.GetPageAsync(activityUrl);
        Assert.Equal("The activity was changed in the meantime: read it again before confirming the translation.", refused.QuerySelector("#flash-problem").Text());
        Assert.NotNull(refused.QuerySelector("section.translation-outdated form"));

        var response = await editor.PostFormAsync(activityUrl, activityUrl + "?handler=ConfirmTranslation",
            new Dictionary<string, string> { ["RowVersion"] = rowVersion });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await app.ClientIn("en").GetPageAsync(activityUrl)).QuerySelector(".translation-outdated"));
    }

    /// <summary>The English title of I.31 changes while its French stays: the French is now outdated.</summary>
    private async Task<Guid> DriftAsync()
    {
        var file = await app.Database.RunAsync<WorkProgramme.Application.Features.Interchange.ExportProgramme.Handler, WorkProgramme.Application.Features.Interchange.ProgrammeFile?>(h =>
            h.HandleAsync(new(Viewer.Operator, SeedFile.PtcSlug), CancellationToken.None));
        var id = file!.Activities.Single(a => a.Section == "time-bound" && a.Number == 31).Id!.Value;
        var row = (await app.Database.RunAsync<ViewActivity.Handler, ViewActivity.Result?>(h =>
            h.HandleAsync(new(Viewer.Operator, SeedFile.PtcSlug, id), CancellationToken.None)))!.Row;
        var content = new ActivityContent
        {
            Section = row.Section, Number = row.Number, PreviousNumber = row.PreviousNumber, Revision = row.Revision,
            Priority = row.Priority, LinkedToStrategicPlan = row.LinkedToStrategicPlan,
            PlanCodes = row.PlanElements.Select(p => p.Code).ToList(), TaskType = row.TaskType?.Code,
            BodyCodes = row.Bodies.Select(b => b.Code).ToList(), Title = new BilingualText(row.Title.Fr, row.Title.En + " (revised)"),
            Resources = row.Resources, Kpi = row.Kpi, Deadline = row.Deadline,
        };
        var outcome = await app.Database.RunAsync<EditActivity.Handler, Result<Versioned<ActivityContent>>>(h =>
            h.HandleAsync(new EditActivity.Command(Viewer.Operator, SeedFile.PtcSlug, id, row.RowVersion, content), CancellationToken.None));
        Assert.Null(outcome.Failure);
        return id;
    }
}
