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
/// One app instance on a real Kestrel port over a given database, in the Production environment: several of them over
/// one database are a deployment behind a load balancer.
/// </summary>
internal sealed class AppInstance(TestDatabase database, IDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    : WebApplicationFactory<Program>
{
    private Uri baseUrl = null!;

    public static AppInstance Start(TestDatabase database, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var instance = new AppInstance(database, settings, services);
        instance.UseKestrel(0);
        instance.StartServer();
        var addresses = instance.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        instance.baseUrl = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
        return instance;
    }

    public int Port => baseUrl.Port;

    public Uri Url(string path) => new(baseUrl, path);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureServices(collection => services?.Invoke(collection));
        builder.ConfigureAppConfiguration(configuration => configuration
            .AddInMemoryCollection(database.Settings)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>()));
    }
}

/// <summary>What a browser and a script do over HTTP: read a form token, sign in, read and save an activity.</summary>
internal static class Browser
{
    public static async Task<string> TokenAsync(HttpClient client, Uri page) =>
        new HtmlParser().ParseDocument(await client.GetStringAsync(page))
            .QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"No antiforgery token on {page}");

    /// <summary>A new editor of the CTP, added to <paramref name="database"/>, signed in on <paramref name="instance"/> in English.</summary>
    public static async Task<(HttpClient Client, string Email)> SignedInEditorAsync(TestDatabase database, AppInstance instance)
    {
        const string password = "correct horse battery";
        var email = $"editor-{Guid.NewGuid():N}@example.org";
        var added = await database.RunAsync<AddUser.Handler, AddUser.Outcome>(h =>
            h.HandleAsync(new AddUser.Command(email, Roles.Editor, "CTP", password), CancellationToken.None));
        if (!added.Succeeded)
        {
            throw new InvalidOperationException($"The editor {email} could not be added.");
        }

        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var signIn = await SignInAsync(client, instance.Url("/account/sign-in"), email, password);
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"Signing in {email} answered {(int)signIn.StatusCode}, not a redirect.");
        }

        return (client, email);
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, Uri signInPage, string email, string password) =>
        await client.PostAsync(signInPage, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = await TokenAsync(client, signInPage),
        }));

    public static async Task<(ActivityDto Activity, string ETag)> GetActivityAsync(HttpClient client, Uri url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ((await response.Content.ReadFromJsonAsync<ActivityDto>(ProgrammeJson.Options))!, response.Headers.ETag!.ToString());
    }

    public static Task<HttpResponseMessage> PutActivityAsync(HttpClient client, Uri url, ActivityDto activity, string etag, string antiforgery)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(activity, options: ProgrammeJson.Options) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        request.Headers.Add("RequestVerificationToken", antiforgery);
        return client.SendAsync(request);
    }

    /// <summary>The API address of the first activity of the shipped programme.</summary>
    public static async Task<string> FirstActivityPathAsync(HttpClient client, Uri programmeApi)
    {
        var file = await client.GetFromJsonAsync<ProgrammeFile>(programmeApi, ProgrammeJson.Options);
        return $"/api/programmes/{SeedFile.PtcSlug}/activities/{file!.Activities[0].Id}";
    }
}
