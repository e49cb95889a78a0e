using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Interchange;

namespace WorkProgramme.Testing;

public static class SeedFile
{
    public const string PtcSlug = "ptc-2022-2025";

    /// <summary>The shipped PTC programme file, parsed as the application reads it.</summary>
    /// <summary>The label of the PTC programme's version before the revision the seed shows (October 2023).</summary>
    public const string PtcPreviousLabel = "2023-10";

    /// <summary>The label of the revised version the seed shows (April 2024).</summary>
    public const string PtcCurrentLabel = "2024-04";

    /// <summary>The shipped PTC programme file (the revised version), parsed as the application reads it.</summary>
    public static Task<ProgrammeFile> ReadPtcAsync() => ReadAsync($"SeedData.{PtcSlug}.json");

    /// <summary>The shipped previous version of the PTC programme (October 2023), reconstructed from the seed.</summary>
    public static Task<ProgrammeFile> ReadPtcPreviousAsync() => ReadAsync($"SeedData.{PtcSlug}.{PtcPreviousLabel}.json");

    private static async Task<ProgrammeFile> ReadAsync(string resource)
    {
        var (_, open) = DatabaseInitializer.SeedFiles().Single(f => f.Name == resource);
        await using var stream = open();
        var (file, problems) = await ProgrammeJson.ReadAsync(stream, CancellationToken.None);
        return problems.Count == 0 ? file! : throw new InvalidOperationException(string.Join("; ", problems));
    }
}
