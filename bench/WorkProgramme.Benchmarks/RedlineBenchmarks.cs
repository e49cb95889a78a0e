using BenchmarkDotNet.Attributes;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Word;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Benchmarks;

/// <summary>
/// The Word redline of the PTC's real revision (October 2023 → April 2024, 97 rows, 16 inserted and 3 deleted): read from
/// a real SQLite file, built, written and self-checked (accept all, reject all, validator), as a download does it; and the
/// writing alone, from the two annex models already built. Target: under 300 ms.
/// </summary>
public class RedlineBenchmarks
{
    private TestDatabase database = null!;
    private AnnexDocument older = null!;
    private AnnexDocument newer = null!;
    private ExportRedline.Documents written = null!;

    [Params(Language.Fr, Language.En)]
    public Language Language { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        database = TestDatabase.CreateAsync().GetAwaiter().GetResult();
        older = Build(SeedFile.PtcPreviousLabel);
        newer = Build(SeedFile.PtcCurrentLabel);
        written = ExportRedline.Write(older, newer, DateTimeOffset.UnixEpoch);
    }

    [GlobalCleanup]
    public void Cleanup() => database.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "docx redline of the PTC revision: read, build, write, self-check")]
    public Task<int> RedlineAsync() => database.RunAsync<ExportRedline.Handler, int>(async handler =>
    {
        var file = await handler.HandleAsync(
            new ExportRedline.Query(Viewer.Anonymous, SeedFile.PtcSlug, SeedFile.PtcPreviousLabel, SeedFile.PtcCurrentLabel, Language),
            CancellationToken.None);
        return file!.Content.Length;
    });

    [Benchmark(Description = "docx redline of the PTC revision: write the two built models")]
    public int WriteRedline() => ExportRedline.Write(older, newer, DateTimeOffset.UnixEpoch).Redline.Length;

    [Benchmark(Description = "docx redline of the PTC revision: self-check of a written redline")]
    public int CheckRedline()
    {
        ExportRedline.Check(written);
        return written.Redline.Length;
    }

    private AnnexDocument Build(string version) => database.RunAsync<ExportAnnex.Handler, AnnexDocument?>(handler =>
        handler.BuildAsync(new ExportAnnex.Query(Viewer.Anonymous, SeedFile.PtcSlug, Language, version), CancellationToken.None))
        .GetAwaiter().GetResult()!;
}
