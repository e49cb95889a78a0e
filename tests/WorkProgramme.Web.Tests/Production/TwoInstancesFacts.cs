using System.Net;
using System.Net.Http.Json;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Production;

/// <summary>
/// Two app instances on two real Kestrel ports over one database (PostgreSQL when the suite runs on it), as behind a
/// load balancer: whatever one instance issues (session cookie, antiforgery token), the other accepts.
/// </summary>
public sealed class TwoInstancesFacts : IAsyncLifetime
{
    private TestDatabase database = null!;
    private AppInstance first = null!;
    private AppInstance second = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(seed: false);
        first = AppInstance.Start(database); // seeds the empty database, as the first instance of a deployment does
        second = AppInstance.Start(database);
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Signed_in_on_one_instance_a_user_edits_on_the_other_and_each_sees_the_change_and_conflicts_are_still_caught()
    {
        var (browser, email) = await Browser.SignedInEditorAsync(database, first);
        using var signedIn = browser;

        // The second instance reads the first one's session cookie: the sign-out form (signed-in only) is on its page.
        var tokenFromSecond = await Browser.TokenAsync(browser, second.Url("/"));
        var me = await browser.GetFromJsonAsync<Dictionary<string, object>>(second.Url("/api/me"));
        Assert.Contains(email, me!.Values.Select(v => v.ToString()));

        var file = await browser.GetFromJsonAsync<ProgrammeFile>(first.Url($"/api/programmes/{SeedFile.PtcSlug}"), ProgrammeJson.Options);
        var activityUrl = $"/api/programmes/{SeedFile.PtcSlug}/activities/{file!.Activities[0].Id}";
        var (activity, etag) = await Browser.GetActivityAsync(browser, first.Url(activityUrl));
        var changed = activity with { Priority = activity.Priority == "A" ? "B" : "A" };

        var saved = await Browser.PutActivityAsync(browser, second.Url(activityUrl), changed, etag, tokenFromSecond);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(changed.Priority, (await Browser.GetActivityAsync(browser, first.Url(activityUrl))).Activity.Priority);
        Assert.Equal(changed.Priority, (await Browser.GetActivityAsync(browser, second.Url(activityUrl))).Activity.Priority);

        // A form token issued by the first instance is accepted by the second, and the stale ETag is refused there.
        var tokenFromFirst = await Browser.TokenAsync(browser, first.Url("/"));
        var stale = await Browser.PutActivityAsync(browser, first.Url(activityUrl), activity with { Priority = "C" }, etag, tokenFromFirst);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var secondSaves = await Browser.PutActivityAsync(browser, second.Url(activityUrl), changed with { Priority = "C" }, saved.Headers.ETag!.ToString(), tokenFromFirst);
        Assert.Equal(HttpStatusCode.OK, secondSaves.StatusCode);
        Assert.Equal("C", (await Browser.GetActivityAsync(browser, first.Url(activityUrl))).Activity.Priority);
    }
}
