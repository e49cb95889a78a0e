using System.Net;
using System.Net.Http.Json;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Security;

/// <summary>
/// An editor edits only their body's programmes: an editor of another body is refused the CTP's editing pages with 403
/// and the access-denied message in their language, not shown a form whose save would be refused.
/// </summary>
public sealed class OtherBodyEditorFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("en", "Access denied")]
    [InlineData("fr", "Accès refusé")]
    public async Task An_editor_of_another_body_gets_403_on_this_bodys_editing_pages(string language, string denied)
    {
        var activityId = (await app.ClientIn(null).GetFromJsonAsync<ProgrammeFile>("/api/programmes/" + SeedFile.PtcSlug, ProgrammeJson.Options))!
            .Activities[0].Id;
        var otherEditor = await app.SignedInClientAsync(Roles.Editor, "Conseil", language);
        var ctpEditor = await app.SignedInClientAsync(Roles.Editor, "CTP", language);
        var programme = "/programmes/" + SeedFile.PtcSlug;
        string[] pages = [$"{programme}/activities/{activityId}/edit", $"{programme}/activities/new", $"{programme}/rounds",
            $"{programme}/rounds/ctp-243-244/reports/{activityId}", $"{programme}/activities/{activityId}/assign"];

        foreach (var page in pages)
        {
            var refused = await otherEditor.GetAsync(page);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains(denied, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.NotEqual(HttpStatusCode.Forbidden, (await ctpEditor.GetAsync(page)).StatusCode);
        }

        // My reports is the editor's own page, listing only their body's reports.
        Assert.Equal(HttpStatusCode.OK, (await otherEditor.GetAsync("/my-reports")).StatusCode);
    }
}
