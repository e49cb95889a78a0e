using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.OfficeTables;
using WorkProgramme.Documents.Packages;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Uploads;

/// <summary>
/// The hostile corpus (tests/WorkProgramme.Testing/HostileFiles.cs) against the readers every surface uses: each
/// file is refused with its own reason, and reading it allocates a bounded amount of memory (the readers are
/// synchronous, so this thread's allocations are the whole cost). The surfaces themselves: HostileImportFacts (CLI)
/// and HostileUploadFacts (web).
/// </summary>
public sealed class HostileFileFacts
{
    /// <summary>Twice the largest accepted file: a file is never inflated whole, let alone parsed, before it is refused.</summary>
    private const long AllocationBound = 2 * OfficePackageGuard.MaxFileBytes;

    private static readonly IReadOnlyList<HostileFile> Office = HostileFiles.Office("http://127.0.0.1:9");

    public static TheoryData<string> OfficeKinds => [.. Office.Select(f => f.Kind)];

    public static TheoryData<string> WordKinds => [.. Office.Where(f => f.Format != HostileFormat.Xlsx).Select(f => f.Kind)];

    public static TheoryData<string> JsonKinds => [.. HostileFiles.Json().Select(f => f.Kind)];

    [Fact]
    public void The_corpus_holds_at_least_twenty_kinds_of_office_file_and_five_of_json()
    {
        Assert.True(Office.Count >= 20, $"{Office.Count} kinds");
        Assert.True(HostileFiles.Json().Count >= 5);
        Assert.Equal(Office.Count, Office.Select(f => f.Kind).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(OfficeKinds))]
    public void Each_hostile_office_file_is_refused_with_its_reason_in_bounded_memory(string kind)
    {
        var file = Office.Single(f => f.Kind == kind);
        var bytes = file.Build();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = file.Format == HostileFormat.Xlsx ? SpreadsheetReader.Read(bytes) : WordTableReader.Read(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var problem = Assert.Single(read.Problems);
        Assert.Empty(read.Rows);
        var message = problem.Describe(Language.En);
        Assert.True(file.Expected.Any(e => message.Contains(e, StringComparison.Ordinal)) || (bytes.Length == 0 && message.Contains("empty", StringComparison.Ordinal)),
            $"{kind}: {message}");
        Assert.False(string.IsNullOrWhiteSpace(problem.Describe(Language.Fr)));
        Assert.True(allocated < AllocationBound, $"{kind}: {allocated:N0} bytes allocated");
    }

    [Theory]
    [MemberData(nameof(WordKinds))]
    public void Each_hostile_word_file_is_refused_by_the_tracked_changes_reader_too(string kind)
    {
        var file = Office.Single(f => f.Kind == kind);
        var bytes = file.Build();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = TrackedTableReader.Read(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var problem = Assert.Single(read.Problems);
        Assert.Empty(read.Rows);
        var message = problem.Describe(Language.En);
        Assert.True(file.Expected.Any(e => message.Contains(e, StringComparison.Ordinal)) || (bytes.Length == 0 && message.Contains("empty", StringComparison.Ordinal)),
            $"{kind}: {message}");
        Assert.True(allocated < AllocationBound, $"{kind}: {allocated:N0} bytes allocated");
    }

    [Theory]
    [MemberData(nameof(JsonKinds))]
    public async Task Each_hostile_programme_file_is_refused_before_anything_is_imported(string kind)
    {
        var file = HostileFiles.Json().Single(f => f.Kind == kind);
        using var stream = new MemoryStream(file.Build());

        var (programme, problems) = await ProgrammeJson.ReadAsync(stream, CancellationToken.None);

        Assert.Null(programme);
        var message = Assert.Single(problems).Describe(Language.En);
        Assert.True(file.Expected.Any(e => message.Contains(e, StringComparison.Ordinal)), $"{kind}: {message}");
    }
}
