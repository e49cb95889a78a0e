using BenchmarkDotNet.Attributes;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Benchmarks;

/// <summary>
/// The Word annex of the whole PTC programme (94 activities, both sections, status report of April 2024): read from a
/// real SQLite file, built and written, as a download does it. In process, so the repository's build rules
/// (warnings as errors) never meet a generated project.
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class AnnexExportBenchmarks
{
    private TestDatabase database = null!;

    [Params(Language.Fr, Language.En)]
    public Language Language { get; set; }

    [GlobalSetup]
    public void Setup() => database = TestDatabase.CreateAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => database.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "docx annex of the PTC programme")]
    public Task<int> ExportDocxAsync() => database.RunAsync<ExportAnnex.Handler, int>(async handler =>
    {
        var file = await handler.DocxAsync(new ExportAnnex.Query(Viewer.Anonymous, SeedFile.PtcSlug, Language), CancellationToken.None);
        return file!.Content.Length;
    });
}
