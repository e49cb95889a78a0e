using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Search;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Benchmarks;

/// <summary>
/// The search handler (docs/decisions/0041) on the 50-committee scale data of scripts/scale-test.sh: the PTC seed plus
/// 50 generated programmes of 100 activities and their reports. Generating them takes longer than an in-process
/// benchmark may (minutes), so the database is made first and named by WP_BENCH_SCALE_DB:
/// <code>
/// ConnectionStrings__WorkProgramme="Data Source=/tmp/scale-50.db" Database__Provider=Sqlite \
///     dotnet src/WorkProgramme.Cli/bin/Release/net10.0/wp.dll generate --committees 50 --activities 100 --sessions 12
/// WP_BENCH_SCALE_DB=/tmp/scale-50.db dotnet run -c Release --project bench/WorkProgramme.Benchmarks -- --filter '*SearchBenchmarks*'
/// </code>
/// Cases: a word of the PTC only, a word and a committee code (one programme's rows), and two words of every generated
/// row (5,000 activities), for an anonymous reader and for an editor who sees drafts; each searched with the record's
/// state already read, and as the first search after a change.
/// </summary>
[AllStatisticsColumn]
public class SearchBenchmarks
{
    private static readonly Viewer Editor = new("e", "e@example.org", new HashSet<string> { Roles.Editor }, null);

    private ServiceProvider services = null!;

    [Params("facilitation", "comité C042", "rapport présenté")]
    public string Words { get; set; } = "facilitation";

    [Params(false, true)]
    public bool SeesDrafts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var file = Environment.GetEnvironmentVariable("WP_BENCH_SCALE_DB")
            ?? throw new InvalidOperationException("Set WP_BENCH_SCALE_DB to a database made by wp generate --committees 50 (see the class's summary).");
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:WorkProgramme"] = $"Data Source={file}",
            }).Build())
            .AddApplication()
            .BuildServiceProvider();
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark(Description = "search: the handler on the 50-committee data")]
    public async Task<int> SearchAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SearchRecord.Handler>()
            .HandleAsync(new SearchRecord.Query(SeesDrafts ? Editor : Viewer.Anonymous, Words, Language.Fr), CancellationToken.None);
        return result.Hits.Count;
    }

    /// <summary>
    /// The first search after a change of the record: nothing kept yet, so the programmes and every row's sort key
    /// (docs/decisions/0041) are read again before searching.
    /// </summary>
    [Benchmark(Description = "search: the first one after a change (nothing kept)")]
    public async Task<int> FirstSearchAfterAChangeAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var handler = new SearchRecord.Handler(provider.GetRequiredService<WorkProgrammeDb>(), provider.GetRequiredService<DatabaseOptions>(),
            new ReadModelCache(TimeProvider.System), provider.GetRequiredService<RecordState>());
        var result = await handler.HandleAsync(new SearchRecord.Query(SeesDrafts ? Editor : Viewer.Anonymous, Words, Language.Fr), CancellationToken.None);
        return result.Hits.Count;
    }
}
