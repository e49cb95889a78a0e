using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Interchange;

namespace WorkProgramme.Testing;

public static class SeedFile
{
    public const string PtcSlug = "ptc-2022-2025";

    /// <summary>The shipped PTC programme file, parsed as the application reads it.</summary>
    public static async Task<ProgrammeFile> ReadPtcAsync()
    {
        var (_, open) = DatabaseInitializer.SeedFiles().Single(f => f.Name.Contains(PtcSlug, StringComparison.Ordinal));
        await using var stream = open();
        var (file, problems) = await ProgrammeJson.ReadAsync(stream, CancellationToken.None);
        return problems.Count == 0 ? file! : throw new InvalidOperationException(string.Join("; ", problems));
    }
}
