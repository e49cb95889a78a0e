using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests;

/// <summary>The real app over its own SQLite file, started empty so that first start seeds it as in production.</summary>
public sealed class WebAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase database = null!;

    public TestDatabase Database => database;

    /// <summary>
    /// Settings over the app's own, applied at start. Rate limits are lifted: many tests sign in from the same
    /// (absent) address, and the tests of the limits set their own. Tests change the database through handlers outside
    /// the app as well as through it, so the app reads the newest change on every request (as it does for its own).
    /// </summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["RateLimits:SignInPerMinute"] = "100000",
        ["RateLimits:ApiPerMinute"] = "100000",
        ["PageCache:RecordStampSeconds"] = "0",
        // A download waits for its PDF as it did before the queue; the queue's own tests set 0.
        ["Documents:PdfWaitSeconds"] = "300",
    };

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(seed: false);

    /// <summary>Every log entry the app wrote.</summary>
    public LogCollector Logs { get; } = new();

    /// <summary>Replaces or adds services before the app starts (e.g. what a reverse proxy in front would change).</summary>
    public Action<IServiceCollection>? ExtraServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services => ExtraServices?.Invoke(services));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(database.Settings)
            // The documents this app builds stay in its own folder, whichever database provider the suite runs on.
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Documents:CacheFolder"] = Path.Combine(database.Folder, "document-cache") })
            .AddInMemoryCollection(Settings));
    }

    public HttpClient ClientIn(string? acceptLanguage)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return client;
    }

    /// <summary>Creates a user with a known password in this app's database.</summary>
    public async Task<(string Email, string Password)> UserAsync(string role, string? body = null)
    {
        _ = Services; // starts the app, which seeds the database on first start
        var email = $"{role}-{Guid.NewGuid():N}@example.org";
        const string password = "correct horse battery";
        var outcome = await database.RunAsync<AddUser.Handler, AddUser.Outcome>(h =>
            h.HandleAsync(new AddUser.Command(email, role, body, password), CancellationToken.None));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        return (email, password);
    }

    /// <summary>A client signed in through the real sign-in form (antiforgery token included).</summary>
    public async Task<HttpClient> SignedInClientAsync(string role, string? body = null, string? acceptLanguage = "en")
    {
        var (email, password) = await UserAsync(role, body);
        var client = ClientIn(acceptLanguage);
        var response = await client.SignInAsync(email, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A script's client: a new user of that role and an API token sent as <c>Authorization: Bearer</c>.</summary>
    public async Task<HttpClient> ApiClientAsync(string role, string? body)
    {
        var (email, _) = await UserAsync(role, body);
        var secret = await database.RunAsync<Microsoft.AspNetCore.Identity.UserManager<AppUser>, string>(async users =>
        {
            var user = await users.FindByEmailAsync(email);
            return (await database.RunAsync<ApiTokens.Handler, ApiTokens.Created>(h => h.CreateAsync(new(user!.Id, "test"), CancellationToken.None))).Secret;
        });
        var client = ClientIn("en");
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await database.DisposeAsync();
    }
}
