using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Benchmarks;

/// <summary>
/// Reading a 60-page Word programme with its tracked changes (issue 21 wants the import of such a document under 5 s):
/// the French redline of the PTC revision (37 pages as LibreOffice lays it out) with each table's activity rows, tracked
/// changes and all, repeated until LibreOffice lays it out on at least 60 pages (63). The file is written to
/// <c>$TMPDIR/tracked-60-pages.docx</c> so its pages can be counted (<c>soffice --convert-to pdf</c>, <c>pdfinfo</c>).
/// </summary>
public class TrackedReadBenchmarks
{
    /// <summary>Copies of the activity rows added, as a share of them: 63 pages from 37.</summary>
    private const double Growth = 0.62;

    private byte[] document = null!;

    [GlobalSetup]
    public void Setup()
    {
        var database = TestDatabase.CreateAsync().GetAwaiter().GetResult();
        try
        {
            var redline = database.RunAsync<ExportRedline.Handler, ExportRedline.File?>(handler => handler.HandleAsync(
                new ExportRedline.Query(Viewer.Anonymous, SeedFile.PtcSlug, SeedFile.PtcPreviousLabel, SeedFile.PtcCurrentLabel, Language.Fr),
                CancellationToken.None)).GetAwaiter().GetResult()!;
            document = Grown(redline.Content);
            File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "tracked-60-pages.docx"), document);
        }
        finally
        {
            database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Benchmark(Description = "tracked-changes reading of a 60-page programme (both versions, row readings, levels)")]
    public int ReadTracked() => TrackedTableReader.Read(document).Rows.Count;

    [Benchmark(Description = "accepted reading of the same document (WordTableReader, for comparison)")]
    public int ReadAccepted() => WordTableReader.Read(document).Rows.Count;

    /// <summary>The document with copies of each table's first activity rows added at its end.</summary>
    public static byte[] Grown(byte[] docx)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var word = WordprocessingDocument.Open(stream, true))
        {
            foreach (var table in word.MainDocumentPart!.Document.Body!.Elements<Table>())
            {
                // After the headings, the row of questions and the EXAMPLE row.
                var activities = table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Skip(3).ToList();
                foreach (var row in activities.Take((int)(activities.Count * Growth)))
                {
                    table.Append(row.CloneNode(true));
                }
            }
        }

        return stream.ToArray();
    }
}
