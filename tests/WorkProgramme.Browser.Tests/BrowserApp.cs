using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Testing;

namespace WorkProgramme.Browser.Tests;

/// <summary>
/// The real app on Kestrel (a free loopback port) over its own SQLite file, started empty so that first start seeds it
/// as in production, and one headless Debian chromium driven by Playwright. Started once for the whole run.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    // The machine's chromium, not a Playwright download: browsers cannot be downloaded here (platform notes).
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private TestDatabase database = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The mail server the app sends to (scripts/smtp-sink.py on loopback): journeys read the messages it received.</summary>
    public SmtpSink Mail { get; private set; } = null!;

    /// <summary>The app's database, for setting a journey up through the application's handlers.</summary>
    public TestDatabase Database => database;

    /// <summary>A new user with a known password and an address no other test uses, created as <c>wp user add</c> does.</summary>
    public async Task<(string Email, string Password)> UserAsync(string role, string? body = null)
    {
        var (email, password, _) = await NamedUserAsync(role, body, displayName: null, unit: null);
        return (email, password);
    }

    /// <summary>The same, with the display name and unit <c>wp user add --name --unit</c> give; also returns the user's id.</summary>
    public async Task<(string Email, string Password, string Id)> NamedUserAsync(string role, string? body, string? displayName, string? unit)
    {
        _ = Services; // started in InitializeAsync, which seeded the database; a no-op that says the users go in after the seed
        var email = $"{role}-{Guid.NewGuid():N}@example.org";
        const string password = "correct horse battery";
        var outcome = await database.RunAsync<AddUser.Handler, AddUser.Outcome>(handler =>
            handler.HandleAsync(new AddUser.Command(email, role, body, password, displayName, unit), CancellationToken.None));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        return (email, password, outcome.UserId!);
    }

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(seed: false);
        Mail = await SmtpSink.StartNewAsync();
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));

        // Playwright waits for pages and locators itself; a slow machine only needs longer ceilings, never sleeps.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Tests also change the database through handlers outside the app: it reads the newest change on every request.
        // No App:PublicUrl: links in messages take the address the request came to (the port is chosen at start).
        var mail = Mail.Settings();
        mail.Remove("App:PublicUrl");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(database.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PageCache:RecordStampSeconds"] = "0" })
            .AddInMemoryCollection(mail));
    }

    /// <summary>
    /// A page in a fresh browser context (no cookies shared with other tests) whose browser asks for
    /// <paramref name="locale"/> in Accept-Language. Close it with <c>page.Context.CloseAsync()</c>.
    /// </summary>
    public async Task<IPage> NewPageAsync(string locale)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await DisposeAsync();
        if (Mail is not null)
        {
            await Mail.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}

/// <summary>Every browser test shares one <see cref="BrowserApp"/>: one server and one chromium for the run.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}
