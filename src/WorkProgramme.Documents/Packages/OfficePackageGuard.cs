using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Documents.Packages;

public enum OfficeKind
{
    Spreadsheet,
    WordDocument,
}

/// <summary>
/// Checks an uploaded Office Open XML file (xlsx, docx) before anything parses it: its size, the zip's entry count,
/// real uncompressed size and compression ratio, entry names, the XML of every part (no DTD), macros, encryption and
/// external relationships. A refused file gets one clear reason in French and English; nothing else reads it.
/// </summary>
public static class OfficePackageGuard
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxEntries = 2_000;
    public const long MaxUncompressedBytes = 100 * 1024 * 1024;

    /// <summary>Ratio above which a part (of some size) is taken for a zip bomb; real sheets and documents stay far below.</summary>
    public const int MaxCompressionRatio = 100;

    private const long RatioCheckedFrom = 1024 * 1024;

    /// <summary>
    /// A sheet larger than this is refused while it is still being streamed: the SDK would otherwise build the whole
    /// sheet in memory (a million small rows compress well below the zip-bomb ratio). The import takes 5,000 rows.
    /// </summary>
    public const int MaxSheetRows = 10_000;

    public const int MaxSheetColumns = 1_000;

    public const int MaxSheetCells = 200_000;

    private const int UnixFileTypeMask = 0xF000;
    private const int UnixSymbolicLink = 0xA000;

    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    private const string HyperlinkRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

    /// <summary>Settings for any XML we read ourselves: never a DTD, never an external resource.</summary>
    public static XmlReaderSettings SafeXml => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
    };

    /// <summary>Settings for the Open XML SDK once the guard has passed: parts are bounded as the guard bounded them.</summary>
    public static OpenSettings SdkSettings => new()
    {
        MaxCharactersInPart = MaxUncompressedBytes,
        AutoSave = false,
    };

    /// <summary>Null when the file may be opened; otherwise why not.</summary>
    public static BilingualText? Check(byte[] file, OfficeKind kind)
    {
        var extension = kind == OfficeKind.Spreadsheet ? ".xlsx" : ".docx";
        if (file.Length == 0)
        {
            return new("Le fichier est vide.", "The file is empty.");
        }

        if (file.Length > MaxFileBytes)
        {
            return new($"Le fichier dépasse la taille maximale ({MaxFileBytes / 1024 / 1024} Mo).",
                $"The file is larger than the maximum size ({MaxFileBytes / 1024 / 1024} MB).");
        }

        if (file.AsSpan().StartsWith(CompoundFileSignature))
        {
            return new(
                $"Fichier chiffré (protégé par mot de passe) ou ancien format binaire (.xls, .doc) : enregistrez-le sans mot de passe au format {extension}.",
                $"Encrypted (password-protected) file or old binary format (.xls, .doc): save it without a password as {extension}.");
        }

        if (!file.AsSpan().StartsWith(ZipSignature))
        {
            return new($"Ce n’est pas un fichier {extension} (Office Open XML).", $"This is not an {extension} (Office Open XML) file.");
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
            return CheckEntries(zip, kind, extension);
        }
        catch (InvalidDataException)
        {
            return new($"Le fichier {extension} est endommagé (archive zip illisible).", $"The {extension} file is damaged (unreadable zip archive).");
        }
    }

    private static BilingualText? CheckEntries(ZipArchive zip, OfficeKind kind, string extension)
    {
        if (zip.Entries.Count > MaxEntries)
        {
            return new($"Le fichier contient trop d’éléments ({zip.Entries.Count}, au plus {MaxEntries}).",
                $"The file holds too many entries ({zip.Entries.Count}, at most {MaxEntries}).");
        }

        long total = 0;
        foreach (var entry in zip.Entries)
        {
            if (!IsSafeName(entry.FullName))
            {
                return new($"Le fichier contient un élément au nom dangereux (« {Shorten(entry.FullName)} »).",
                    $"The file holds an entry with a dangerous name ('{Shorten(entry.FullName)}').");
            }

            // A symbolic link (Unix mode in the high bits) means nothing in a package and points somewhere else.
            if (((entry.ExternalAttributes >> 16) & UnixFileTypeMask) == UnixSymbolicLink)
            {
                return new($"Le fichier contient un lien symbolique (« {Shorten(entry.FullName)} ») : il est refusé.",
                    $"The file holds a symbolic link ('{Shorten(entry.FullName)}'): it is refused.");
            }

            if (entry.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)
                || entry.FullName.EndsWith(".bin", StringComparison.OrdinalIgnoreCase) && entry.FullName.Contains("vba", StringComparison.OrdinalIgnoreCase))
            {
                return Macros();
            }

            // Count the bytes that really come out: the sizes a zip declares can lie.
            var size = UncompressedSize(entry, MaxUncompressedBytes - total);
            if (size is null)
            {
                return TooLarge();
            }

            total += size.Value;
            if (size.Value >= RatioCheckedFrom && size.Value > (long)MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                return new("Le fichier est anormalement compressé (bombe zip probable) : il est refusé.",
                    "The file is abnormally compressed (probable zip bomb): it is refused.");
            }
        }

        var contentTypes = zip.GetEntry("[Content_Types].xml");
        if (contentTypes is null)
        {
            return new($"Ce n’est pas un fichier {extension} (Office Open XML).", $"This is not an {extension} (Office Open XML) file.");
        }

        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                     || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
        {
            var refusal = CheckXml(entry, kind, extension);
            if (refusal is not null)
            {
                return refusal;
            }
        }

        return null;
    }

    private static BilingualText? CheckXml(ZipArchiveEntry entry, OfficeKind kind, string extension)
    {
        var isContentTypes = entry.FullName == "[Content_Types].xml";
        var isRelationships = entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
        var mainTypeFound = false;
        var (rows, cells) = (0, 0);
        try
        {
            using var stream = entry.Open();
            using var reader = XmlReader.Create(stream, SafeXml);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (isContentTypes && reader.LocalName is "Override" or "Default")
                {
                    var type = reader.GetAttribute("ContentType") ?? "";
                    if (type.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || type.Contains("vbaProject", StringComparison.OrdinalIgnoreCase))
                    {
                        return Macros();
                    }

                    mainTypeFound |= type == MainContentType(kind) || type == TemplateContentType(kind);
                }

                if (kind == OfficeKind.Spreadsheet && reader.LocalName is "row" or "c"
                    && reader.NamespaceURI.Contains("spreadsheetml", StringComparison.Ordinal)
                    && SheetTooLarge(reader, ref rows, ref cells) is { } tooLarge)
                {
                    return tooLarge;
                }

                if (isRelationships && reader.LocalName == "Relationship"
                    && string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase)
                    && reader.GetAttribute("Type") != HyperlinkRelationship)
                {
                    return new("Le fichier fait référence à des ressources externes (liaisons, modèles distants) : il est refusé.",
                        "The file refers to external resources (links, remote templates): it is refused.");
                }
            }
        }
        catch (XmlException)
        {
            return new($"Le fichier contient du XML invalide ou une DTD (« {Shorten(entry.FullName)} ») : il est refusé.",
                $"The file holds invalid XML or a DTD ('{Shorten(entry.FullName)}'): it is refused.");
        }
        catch (InvalidDataException)
        {
            return new($"Le fichier {extension} est endommagé (archive zip illisible).", $"The {extension} file is damaged (unreadable zip archive).");
        }

        if (isContentTypes && !mainTypeFound)
        {
            return kind == OfficeKind.Spreadsheet
                ? new("Ce n’est pas un classeur Excel (.xlsx).", "This is not an Excel workbook (.xlsx).")
                : new("Ce n’est pas un document Word (.docx).", "This is not a Word document (.docx).");
        }

        return null;
    }

    private static BilingualText? SheetTooLarge(XmlReader reader, ref int rows, ref int cells)
    {
        var (row, column) = (0, 0);
        if (reader.LocalName == "row")
        {
            rows++;
            _ = int.TryParse(reader.GetAttribute("r"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out row);
        }
        else
        {
            cells++;
            (row, column) = CellPosition(reader.GetAttribute("r"));
        }

        return rows > MaxSheetRows || row > MaxSheetRows || column > MaxSheetColumns || cells > MaxSheetCells
            ? new("La feuille est trop grande (au plus 10 000 lignes, 1 000 colonnes et 200 000 cellules) : le fichier est refusé.",
                "The sheet is too large (at most 10,000 rows, 1,000 columns and 200,000 cells): the file is refused.")
            : null;
    }

    /// <summary>"XFD1048576" → (1048576, 16384); anything unreadable → (0, 0), left to the reader.</summary>
    private static (int Row, int Column) CellPosition(string? reference)
    {
        if (string.IsNullOrEmpty(reference) || reference.Length > 12)
        {
            return (0, 0);
        }

        var (column, i) = (0, 0);
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        _ = int.TryParse(reference.AsSpan(i), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var row);
        return (row, column);
    }

    private static string MainContentType(OfficeKind kind) => kind == OfficeKind.Spreadsheet
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    private static string TemplateContentType(OfficeKind kind) => kind == OfficeKind.Spreadsheet
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";

    private static long? UncompressedSize(ZipArchiveEntry entry, long budget)
    {
        var buffer = new byte[81920];
        long size = 0;
        using var stream = entry.Open();
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            size += read;
            if (size > budget)
            {
                return null;
            }
        }

        return size;
    }

    private static bool IsSafeName(string name) =>
        name.Length > 0 && !name.StartsWith('/') && !name.StartsWith('\\') && !name.Contains('\\') && !name.Contains(':')
        && !name.Contains('\0') && !name.Split('/').Any(segment => segment is ".." or ".");

    private static string Shorten(string name) => name.Length <= 60 ? name : name[..60] + "…";

    private static BilingualText Macros() => new(
        "Les fichiers avec macros (.xlsm, .docm) sont refusés : enregistrez le fichier sans macros (.xlsx, .docx).",
        "Files with macros (.xlsm, .docm) are refused: save the file without macros (.xlsx, .docx).");

    private static BilingualText TooLarge() => new(
        $"Le fichier décompressé dépasse {MaxUncompressedBytes / 1024 / 1024} Mo : il est refusé.",
        $"The uncompressed file is larger than {MaxUncompressedBytes / 1024 / 1024} MB: it is refused.");
}
