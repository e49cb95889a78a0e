using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Production;

/// <summary>
/// Two app instances on two real Kestrel ports over one database (PostgreSQL when the suite runs on it), as behind a
/// load balancer: whatever one instance issues (session cookie, antiforgery token), the other accepts.
/// </summary>
public sealed class TwoInstancesFacts : IAsyncLifetime
{
    private TestDatabase database = null!;
    private Instance first = null!;
    private Instance second = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(seed: false);
        first = Instance.Start(database); // seeds the empty database, as the first instance of a deployment does
        second = Instance.Start(database);
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
        const string password = "correct horse battery";
        var email = $"editor-{Guid.NewGuid():N}@example.org";
        var added = await database.RunAsync<AddUser.Handler, AddUser.Outcome>(h =>
            h.HandleAsync(new AddUser.Command(email, Roles.Editor, "CTP", password), CancellationToken.None));
        Assert.True(added.Succeeded);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var signIn = await browser.PostAsync(first.Url("/account/sign-in"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = await TokenAsync(browser, first.Url("/account/sign-in")),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // The second instance reads the first one's session cookie: the sign-out form (signed-in only) is on its page.
        var tokenFromSecond = await TokenAsync(browser, second.Url("/"));
        var me = await browser.GetFromJsonAsync<Dictionary<string, object>>(second.Url("/api/me"));
        Assert.Contains(email, me!.Values.Select(v => v.ToString()));

        var file = await browser.GetFromJsonAsync<ProgrammeFile>(first.Url($"/api/programmes/{SeedFile.PtcSlug}"), ProgrammeJson.Options);
        var activityUrl = $"/api/programmes/{SeedFile.PtcSlug}/activities/{file!.Activities[0].Id}";
        var (activity, etag) = await GetAsync(browser, first.Url(activityUrl));
        var changed = activity with { Priority = activity.Priority == "A" ? "B" : "A" };

        var saved = await PutAsync(browser, second.Url(activityUrl), changed, etag, tokenFromSecond);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(changed.Priority, (await GetAsync(browser, first.Url(activityUrl))).Activity.Priority);
        Assert.Equal(changed.Priority, (await GetAsync(browser, second.Url(activityUrl))).Activity.Priority);

        // A form token issued by the first instance is accepted by the second, and the stale ETag is refused there.
        var tokenFromFirst = await TokenAsync(browser, first.Url("/"));
        var stale = await PutAsync(browser, first.Url(activityUrl), activity with { Priority = "C" }, etag, tokenFromFirst);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var secondSaves = await PutAsync(browser, second.Url(activityUrl), changed with { Priority = "C" }, saved.Headers.ETag!.ToString(), tokenFromFirst);
        Assert.Equal(HttpStatusCode.OK, secondSaves.StatusCode);
        Assert.Equal("C", (await GetAsync(browser, first.Url(activityUrl))).Activity.Priority);
    }

    private static async Task<string> TokenAsync(HttpClient client, Uri page) =>
        new HtmlParser().ParseDocument(await client.GetStringAsync(page))
            .QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"No antiforgery token on {page}");

    private static async Task<(ActivityDto Activity, string ETag)> GetAsync(HttpClient client, Uri url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ((await response.Content.ReadFromJsonAsync<ActivityDto>(ProgrammeJson.Options))!, response.Headers.ETag!.ToString());
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Uri url, ActivityDto activity, string etag, string antiforgery)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(activity, options: ProgrammeJson.Options) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        request.Headers.Add("RequestVerificationToken", antiforgery);
        return client.SendAsync(request);
    }

    private sealed class Instance(TestDatabase database) : WebApplicationFactory<Program>
    {
        private Uri baseUrl = null!;

        public static Instance Start(TestDatabase database)
        {
            var instance = new Instance(database);
            instance.UseKestrel(0);
            instance.StartServer();
            var addresses = instance.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            instance.baseUrl = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
            return instance;
        }

        public Uri Url(string path) => new(baseUrl, path);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(database.Settings));
        }
    }
}
