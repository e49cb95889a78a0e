using System.Net;
using WorkProgramme.Application.Identity;

namespace WorkProgramme.Web.Tests.Security;

/// <summary>
/// wapiti (docs/reliability.md, T10) got 500s by injecting into <c>?handler=</c> on pages that have named POST handlers
/// only (profile, activity, round): a POST naming a handler the page does not have must be answered 404. (Where the
/// page has an unnamed handler, Razor Pages runs that one instead, which is fine.)
/// </summary>
public sealed class UnknownHandlerFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("Create¿'\"(")]
    [InlineData("Nope")]
    public async Task A_post_naming_a_handler_the_profile_does_not_have_is_answered_404_and_the_page_still_works(string handler)
    {
        using var client = await app.SignedInClientAsync(Roles.Admin);

        var response = await client.PostFormAsync("/account/profile", $"/account/profile?handler={Uri.EscapeDataString(handler)}",
            new Dictionary<string, string> { ["TokenName"] = "scan" });
        var page = await client.GetAsync("/account/profile");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
