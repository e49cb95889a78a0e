using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Interchange;

/// <summary>Reads and writes programme files with one set of options, so the CLI, the API and the seed agree.</summary>
public static class ProgrammeJson
{
    /// <summary>Files larger than this are refused before parsing.</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        MaxDepth = 32,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,

        // A key given twice is ambiguous (which one did the author mean?): the file is refused, not read last-wins.
        AllowDuplicateProperties = false,

        // Exact types: "7" is not the number 7 (the web defaults would read it), so a mistyped file is refused where it is wrong.
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
    };

    public static async Task WriteAsync(ProgrammeFile file, Stream output, CancellationToken cancellationToken) =>
        await JsonSerializer.SerializeAsync(output, file, Options, cancellationToken);

    /// <summary>Parses a programme file; a malformed file gives problems (with line and position), never an exception.</summary>
    public static async Task<(ProgrammeFile? File, IReadOnlyList<ImportProblem> Problems)> ReadAsync(
        Stream input, CancellationToken cancellationToken)
    {
        if (input.CanSeek && input.Length > MaxFileBytes)
        {
            return (null, [ImportProblem.File(
                $"Le fichier dépasse la taille maximale ({MaxFileBytes / 1024 / 1024} Mo).",
                $"The file is larger than the maximum size ({MaxFileBytes / 1024 / 1024} MB).")]);
        }

        try
        {
            var file = await JsonSerializer.DeserializeAsync<ProgrammeFile>(input, Options, cancellationToken);
            return file is null
                ? (null, [ImportProblem.File("Le fichier est vide.", "The file is empty.")])
                : (file, []);
        }
        catch (JsonException exception)
        {
            var (whereFr, whereEn) = exception.LineNumber is { } line
                ? ($" (ligne {line + 1}, position {exception.BytePositionInLine + 1}, {exception.Path})",
                    $" (line {line + 1}, position {exception.BytePositionInLine + 1}, {exception.Path})")
                : ("", "");
            return (null, [ImportProblem.File(
                $"Le fichier n’est pas un fichier programme JSON valide{whereFr}.",
                $"The file is not a valid programme JSON file{whereEn}.")]);
        }
    }
}

/// <summary>One reason an import was refused: where (row and field) and why, in both languages.</summary>
public sealed record ImportProblem(string Location, BilingualText Message)
{
    public static ImportProblem File(string fr, string en) => new("file", new BilingualText(fr, en));

    public string Describe(Language language) => $"{Location}: {Message.For(language).Text}";
}
