using BenchmarkDotNet.Attributes;
using WorkProgramme.Application.Features.ScaleData;
using WorkProgramme.Application.Features.Search;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Benchmarks;

/// <summary>
/// The search handler (docs/decisions/0041) on the 50-committee scale data of scripts/scale-test.sh (the PTC seed plus
/// 50 generated programmes of 100 activities and their reports, as <c>wp generate --committees 50 --activities 100
/// --sessions 12</c>): a rare word, a word of one programme, and a word of every generated row (5,000 activities),
/// for an anonymous reader and an editor who sees drafts. SQLite unless WP_TEST_PROVIDER=postgres (with WP_TEST_POSTGRES).
/// </summary>
[AllStatisticsColumn]
public class SearchBenchmarks
{
    // Generating the data takes minutes: once per process, for every case.
    private static readonly Lazy<TestDatabase> Scale = new(() =>
    {
        var database = TestDatabase.CreateAsync().GetAwaiter().GetResult();
        database.RunAsync<GenerateScaleData.Handler, GenerateScaleData.Outcome>(h =>
            h.HandleAsync(new GenerateScaleData.Command(50, 100, 12), CancellationToken.None)).GetAwaiter().GetResult();
        return database;
    });

    private static readonly Viewer Editor = new("e", "e@example.org", new HashSet<string> { Roles.Editor }, null);

    [Params("facilitation", "comité C042", "rapport présenté")]
    public string Words { get; set; } = "facilitation";

    [Params(false, true)]
    public bool SeesDrafts { get; set; }

    [GlobalSetup]
    public void Setup() => _ = Scale.Value;

    [Benchmark(Description = "search: the handler on the 50-committee data")]
    public Task<int> SearchAsync() => Scale.Value.RunAsync<SearchRecord.Handler, int>(async handler =>
    {
        var result = await handler.HandleAsync(new SearchRecord.Query(SeesDrafts ? Editor : Viewer.Anonymous, Words, Language.Fr), CancellationToken.None);
        return result.Hits.Count;
    });
}
