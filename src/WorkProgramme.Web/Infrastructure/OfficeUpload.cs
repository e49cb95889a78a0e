using WorkProgramme.Documents.Packages;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// An uploaded Office file as the import pages take it: one of the accepted kinds, a name a disk could hold, within
/// the size every Office reader accepts (<see cref="OfficePackageGuard"/>); otherwise the reason, in words.
/// </summary>
public static class OfficeUpload
{
    /// <summary>What Windows, macOS and Linux allow a file name: a longer one was not chosen on a disk.</summary>
    public const int MaxFileNameLength = 255;

    /// <summary>The file itself plus the form around it: the pages' request limit.</summary>
    public const long RequestLimit = OfficePackageGuard.MaxFileBytes + (64 * 1024);

    /// <summary>The upload's bytes and its kind (the extension, ".docx"), or why it is refused.</summary>
    /// <param name="choose">Said when no file came: which files to choose.</param>
    /// <param name="accepted">Said for a file of another kind.</param>
    public static async Task<(byte[]? Content, string? Kind, BilingualText? Problem)> ReadAsync(IFormFile? upload, IReadOnlyCollection<string> kinds,
        BilingualText choose, BilingualText accepted, CancellationToken cancellationToken)
    {
        if (upload is null || upload.Length == 0)
        {
            return (null, null, choose);
        }

        if (Path.GetFileName(upload.FileName).Length > MaxFileNameLength)
        {
            return (null, null, new BilingualText(
                $"Le nom du fichier est trop long (au plus {MaxFileNameLength} caractères) : renommez-le, puis envoyez-le de nouveau.",
                $"The file name is too long (at most {MaxFileNameLength} characters): rename the file, then upload it again."));
        }

        var kind = Path.GetExtension(upload.FileName).ToLowerInvariant();
        if (!kinds.Contains(kind))
        {
            return (null, null, accepted);
        }

        if (upload.Length > OfficePackageGuard.MaxFileBytes)
        {
            return (null, null, new BilingualText(
                $"Le fichier dépasse la taille maximale ({OfficePackageGuard.MaxFileBytes / 1024 / 1024} Mo).",
                $"The file is larger than the maximum size ({OfficePackageGuard.MaxFileBytes / 1024 / 1024} MB)."));
        }

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, cancellationToken);
        return (buffer.ToArray(), kind, null);
    }
}
