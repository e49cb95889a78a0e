using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Benchmarks;

/// <summary>
/// The PTC programme page (94 activities with their status report) as one GET through the whole app in process: routing,
/// the read model from a real SQLite file, the Razor page and its layout, without Kestrel or the network. The same page
/// under load on Kestrel is scripts/load-test.sh.
/// </summary>
public class ProgrammePageBenchmarks
{
    private TestDatabase database = null!;
    private AppOnDatabase app = null!;
    private HttpClient client = null!;

    [Params("fr", "en")]
    public string Language { get; set; } = "fr";

    [GlobalSetup]
    public void Setup()
    {
        database = TestDatabase.CreateAsync().GetAwaiter().GetResult();
        // The test projects get the web project's folder from Mvc.Testing's build step; an exe gets it from this setting.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_WORKPROGRAMME_WEB", WebProjectFolder());
        app = new AppOnDatabase(database);
        client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(Language);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        client.Dispose();
        app.Dispose();
        database.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private int calls;

    // A query parameter of its own per call, which the page ignores and the output cache keys on: every call renders, as
    // for a signed-in user (an anonymous reader's repeat is served from the cache, see scripts/load-test.sh).
    [Benchmark(Description = "programme page of the PTC: GET through the app, rendered")]
    public async Task<int> ProgrammePageAsync()
    {
        using var response = await client.GetAsync(new Uri($"/programmes/{SeedFile.PtcSlug}?render={++calls}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    // Kept per state of the record (docs/decisions/0037): what a request pays once the model is built, i.e. reading the
    // record's stamp and filtering the shared rows.
    [Benchmark(Description = "programme page of the PTC: its read model, kept")]
    public Task<int> ReadModelAsync() => database.RunAsync<ViewProgramme.Handler, int>(async handler =>
    {
        var result = await handler.HandleAsync(new ViewProgramme.Query(Viewer.Anonymous, SeedFile.PtcSlug), CancellationToken.None);
        return result!.Sections.Sum(section => section.Rows.Count);
    });

    // A cache of its own per call: what the first request after a change pays (the rows of both versions, the reports,
    // the reference data and the rule checks).
    [Benchmark(Description = "programme page of the PTC: its read model, built")]
    public Task<int> ReadModelBuiltAsync() => database.RunAsync<IServiceProvider, int>(async services =>
    {
        var handler = new ViewProgramme.Handler(services.GetRequiredService<WorkProgrammeDb>(), new ReadModelCache(TimeProvider.System),
            services.GetRequiredService<RecordState>());
        var result = await handler.HandleAsync(new ViewProgramme.Query(Viewer.Anonymous, SeedFile.PtcSlug), CancellationToken.None);
        return result!.Sections.Sum(section => section.Rows.Count);
    });

    private static string WebProjectFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "WorkProgramme.slnx")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new DirectoryNotFoundException("WorkProgramme.slnx is not above " + AppContext.BaseDirectory),
            "src", "WorkProgramme.Web");
    }

    // Any class of the web assembly names the app to start; this project's own Program is BenchmarkDotNet's.
    private sealed class AppOnDatabase(TestDatabase database) : WebApplicationFactory<Web.Infrastructure.Display>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(database.Settings));
        }
    }
}
