using System.Net;
using System.Net.Http.Json;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Activities;

public sealed class CommentFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private async Task<string> ActivityUrlAsync()
    {
        var file = await app.ClientIn(null).GetFromJsonAsync<ProgrammeFile>("/api/programmes/" + SeedFile.PtcSlug, ProgrammeJson.Options);
        return $"/programmes/{SeedFile.PtcSlug}/activities/{file!.Activities[0].Id}";
    }

    [Fact]
    public async Task A_member_comments_on_an_activity_and_the_public_does_not_see_it()
    {
        var url = await ActivityUrlAsync();
        var member = await app.SignedInClientAsync(Roles.Member, "CTP", "fr");

        var posted = await member.PostFormAsync(url, url + "?handler=Comment", new Dictionary<string, string>
        {
            ["CommentSession"] = "ctp-243-244",
            ["CommentText"] = "La délégation souhaite voir le projet de 5ème édition avant avril.",
        });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await member.GetPageAsync(url);
        Assert.Contains("La délégation souhaite voir le projet", page.QuerySelector("#comments").Text(), StringComparison.Ordinal);
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP");
        Assert.Contains("La délégation souhaite voir le projet", (await editor.GetPageAsync(url)).QuerySelector("#comments").Text(), StringComparison.Ordinal);
        Assert.Null((await app.ClientIn(null).GetPageAsync(url)).QuerySelector("#comments"));
    }

    [Fact]
    public async Task A_member_of_another_committee_cannot_comment()
    {
        var url = await ActivityUrlAsync();
        var outsider = await app.SignedInClientAsync(Roles.Member, "CRC");

        var posted = await outsider.PostFormAsync(url, url + "?handler=Comment", new Dictionary<string, string>
        {
            ["CommentSession"] = "ctp-243-244",
            ["CommentText"] = "Not my committee.",
        });

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var editor = await app.SignedInClientAsync(Roles.Editor, "CTP");
        Assert.DoesNotContain("Not my committee.", (await editor.GetPageAsync(url)).QuerySelector("#comments").Text(), StringComparison.Ordinal);
    }
}
