using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Word;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Documents;

/// <summary>
/// The Word redline of the PTC's real revision (October 2023 → April 2024, both shipped in data/): the document's own
/// changes as native tracked changes, and nothing else (accept all = the April 2024 export, reject all = the October 2023
/// export). The specific changes below were read in the seed (/work/shared/seed): the deleted row "11. … Développer un
/// cadre numérique douanier", the row "112. … Élaborer un" renumbered 12 → 11, I.4's "Étude Créer un rapport d'étude" and
/// its status "lors de ses 239ème 241ème / 2402ème sessions".
/// </summary>
public sealed class RedlineFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<ExportRedline.File?> RedlineAsync(Language language, string from = SeedFile.PtcPreviousLabel, string to = SeedFile.PtcCurrentLabel) =>
        database.RunAsync<ExportRedline.Handler, ExportRedline.File?>(h =>
            h.HandleAsync(new ExportRedline.Query(Viewer.Anonymous, SeedFile.PtcSlug, from, to, language), CancellationToken.None));

    private async Task<byte[]> PlainExportAsync(Language language, string version) =>
        (await database.RunAsync<ExportAnnex.Handler, ExportAnnex.File?>(h =>
            h.DocxAsync(new ExportAnnex.Query(Viewer.Anonymous, SeedFile.PtcSlug, language, version), CancellationToken.None)))!.Content;

    private static WordprocessingDocument Open(byte[] content) => WordprocessingDocument.Open(new MemoryStream(content), false);

    private static Body BodyOf(WordprocessingDocument document) => document.MainDocumentPart!.Document.Body!;

    /// <summary>Activity rows of both sections (after the heading, questions and EXAMPLE rows).</summary>
    private static List<TableRow> ActivityRows(Body body) => body.Elements<Table>().SelectMany(t => t.Elements<TableRow>().Skip(3)).ToList();

    private static bool IsInserted(TableRow row) => row.TableRowProperties?.GetFirstChild<Inserted>() is not null;

    private static bool IsDeleted(TableRow row) => row.TableRowProperties?.GetFirstChild<Deleted>() is not null;

    private static string Added(TableCell cell) => string.Concat(cell.Descendants<InsertedRun>().SelectMany(r => r.Descendants<Text>()).Select(t => t.Text));

    private static string Removed(TableCell cell) => string.Concat(cell.Descendants<DeletedText>().Select(t => t.Text));

    /// <summary>The cell as the newer version has it: every text but the deleted one.</summary>
    private static string Newer(TableCell cell) => string.Concat(cell.Descendants<Text>().Select(t => t.Text));

    private static TableRow RowNumbered(Body body, string number, int table = 0) => body.Elements<Table>().ElementAt(table).Elements<TableRow>().Skip(3)
        .Single(r => !IsDeleted(r) && Newer(r.Elements<TableCell>().First()) == number);

    [Theory]
    [InlineData(Language.Fr)]
    [InlineData(Language.En)]
    public async Task Accepting_every_change_gives_the_newer_export_and_rejecting_every_change_the_older_one(Language language)
    {
        var redline = (await RedlineAsync(language))!;
        using var document = Open(redline.Content);
        var body = BodyOf(document);

        using var newer = Open(await PlainExportAsync(language, SeedFile.PtcCurrentLabel));
        using var older = Open(await PlainExportAsync(language, SeedFile.PtcPreviousLabel));
        Assert.Equal(TrackedChanges.Content(BodyOf(newer)), TrackedChanges.Content(TrackedChanges.Accept(body)));
        Assert.Equal(TrackedChanges.Content(BodyOf(older)), TrackedChanges.Content(TrackedChanges.Reject(body)));

        // The older export is really different: the check would notice a redline that tracked nothing.
        Assert.NotEqual(TrackedChanges.Content(BodyOf(newer)), TrackedChanges.Content(BodyOf(older)));
    }

    [Theory]
    [InlineData(Language.Fr)]
    [InlineData(Language.En)]
    public async Task The_redline_passes_the_open_xml_validator(Language language)
    {
        var redline = (await RedlineAsync(language))!;
        using var document = Open(redline.Content);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath} {e.Description}").ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal($"ptc-2022-2025-redline-2023-10-2024-04-{language.Code()}.docx", redline.FileName);
        Assert.Equal(ExportAnnex.DocxContentType, redline.ContentType);
    }

    [Theory]
    [InlineData(Language.Fr)]
    [InlineData(Language.En)]
    public async Task Shows_the_revision_as_the_comparison_counts_it(Language language)
    {
        var redline = (await RedlineAsync(language))!;
        using var document = Open(redline.Content);
        var rows = ActivityRows(BodyOf(document));

        // 16 new rows, 3 deleted, 56 renumbered, as CompareRealRevisionFacts counts them.
        Assert.Equal(16, rows.Count(IsInserted));
        Assert.Equal(3, rows.Count(IsDeleted));
        Assert.Equal((16, 3), (redline.Summary.InsertedRows, redline.Summary.DeletedRows));
        Assert.Equal(redline.Comparison.Summary.Renumbered, redline.Summary.RenumberedRows);
        Assert.Equal(56, rows.Count(r => !IsInserted(r) && !IsDeleted(r)
            && Removed(r.Elements<TableCell>().First()).Length > 0 && Added(r.Elements<TableCell>().First()).Length > 0));

        // Reworded and status changed, in the document's language: the comparison counts a row changed in either language.
        Assert.Equal(59, redline.Summary.RewordedRows);
        // One more than the comparison counts: II.22's status refers to an activity numbered 25 in October 2023 and 24 in April 2024.
        Assert.Equal(58, redline.Summary.StatusChangedRows);
        Assert.True(redline.Summary.RewordedRows <= redline.Comparison.Summary.Reworded);

        // Author and date on every change; no moves.
        var changes = document.MainDocumentPart!.Document.Descendants()
            .Where(e => e is InsertedRun or DeletedRun or Inserted or Deleted or TableCellPropertiesChange).ToList();
        Assert.Equal(redline.Summary.Insertions + redline.Summary.Deletions, changes.Count(e => e is InsertedRun or DeletedRun));
        var author = language == Language.Fr ? "Secrétariat" : "Secretariat";
        Assert.All(changes, e => Assert.Equal(author, e.GetAttribute("author", e.NamespaceUri).Value));
        Assert.All(changes, e => Assert.InRange(DateTime.Parse(e.GetAttribute("date", e.NamespaceUri).Value!, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal), DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddHours(1)));
        Assert.Equal(changes.Count, changes.Select(e => e.GetAttribute("id", e.NamespaceUri).Value).Distinct().Count());
        Assert.Empty(document.MainDocumentPart.Document.Descendants<MoveFromRun>());
        Assert.Empty(document.MainDocumentPart.Document.Descendants<MoveToRun>());
    }

    [Fact]
    public async Task Deleted_rows_keep_their_whole_text_as_deleted_text_where_they_stood()
    {
        using var document = Open((await RedlineAsync(Language.Fr))!.Content);
        var body = BodyOf(document);
        var timeBound = body.Elements<Table>().First().Elements<TableRow>().Skip(3).ToList();

        var deleted = timeBound.Single(IsDeleted);
        var cells = deleted.Elements<TableCell>().ToList();
        Assert.Equal("11.", Removed(cells[0]));
        Assert.StartsWith("Développer un cadre numérique douanier", Removed(cells[3]), StringComparison.Ordinal);
        Assert.Empty(deleted.Descendants<Text>());
        Assert.Equal("10.", Newer(timeBound[timeBound.IndexOf(deleted) - 1].Elements<TableCell>().First()));
        Assert.Equal(["2.", "50."], body.Elements<Table>().ElementAt(1).Elements<TableRow>().Where(IsDeleted)
            .Select(r => Removed(r.Elements<TableCell>().First())));
    }

    [Fact]
    public async Task New_rows_are_inserted_rows_with_their_whole_text_inserted()
    {
        using var document = Open((await RedlineAsync(Language.Fr))!.Content);
        var study = RowNumbered(BodyOf(document), "18.");

        Assert.True(IsInserted(study));
        var cells = study.Elements<TableCell>().ToList();
        Assert.Equal("18.", Added(cells[0]));
        Assert.StartsWith("Réalisation d’une étude de faisabilité", Added(cells[3]), StringComparison.Ordinal);
        Assert.Empty(study.Descendants<DeletedText>());
        Assert.All(study.Descendants<Run>(), r => Assert.IsType<InsertedRun>(r.Parent));
    }

    [Fact]
    public async Task Renumbered_rows_show_the_old_number_deleted_and_the_new_one_inserted()
    {
        using var document = Open((await RedlineAsync(Language.Fr))!.Content);
        var body = BodyOf(document);

        var formerly12 = RowNumbered(body, "11.").Elements<TableCell>().ToList();
        Assert.Equal(("12.", "11."), (Removed(formerly12[0]), Added(formerly12[0])));
        Assert.StartsWith("Élaborer un", Newer(formerly12[3]), StringComparison.Ordinal);

        var formerly52 = RowNumbered(body, "50.", table: 1).Elements<TableCell>().First();
        Assert.Equal(("52.", "50."), (Removed(formerly52), Added(formerly52)));
        Assert.Equal("19.", Newer(RowNumbered(body, "19.").Elements<TableCell>().First()));
        Assert.Empty(Removed(RowNumbered(body, "19.").Elements<TableCell>().First()));
    }

    [Fact]
    public async Task Rewording_and_status_changes_are_tracked_word_by_word()
    {
        using var document = Open((await RedlineAsync(Language.Fr))!.Content);
        var i4 = RowNumbered(BodyOf(document), "4.").Elements<TableCell>().ToList();

        Assert.Equal("Étude", Removed(i4[3]));
        Assert.Equal("Créer un rapport d’étude", Added(i4[3]));
        Assert.Contains("l’économie circulaire", Newer(i4[3]), StringComparison.Ordinal);
        Assert.Contains("239ème", Removed(i4[10]), StringComparison.Ordinal);
        Assert.NotEmpty(Added(i4[10]));
    }

    /// <summary>
    /// LibreOffice must be installed (scripts/test.sh installs it). It prints tracked changes as they are shown: the
    /// deleted row's text is there (struck through), and so is the inserted one (underlined); the marks were checked by
    /// eye on pages rendered with pdftoppm (docs/images/redline-*.png).
    /// </summary>
    [Fact]
    public async Task Libre_office_renders_the_redline_with_its_deleted_and_inserted_text()
    {
        var redline = (await RedlineAsync(Language.Fr))!;

        var conversion = await database.RunAsync<PdfConverter, PdfConversion>(c => c.ConvertAsync(redline.Content, CancellationToken.None));

        Assert.True(conversion.Pdf is not null, conversion.Problem?.En);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(conversion.Pdf);
        var words = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("numérique", words, StringComparison.Ordinal);
        Assert.Contains("faisabilité", words, StringComparison.Ordinal);
        Assert.Contains("PT/2.", words, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_programme_or_version_gives_nothing()
    {
        Assert.Null(await RedlineAsync(Language.Fr, from: "1999-01"));
        Assert.Null(await RedlineAsync(Language.Fr, to: "2099-01"));
    }

    [Fact]
    public async Task The_same_version_on_both_sides_tracks_nothing()
    {
        var redline = (await RedlineAsync(Language.En, from: SeedFile.PtcCurrentLabel))!;
        using var document = Open(redline.Content);

        Assert.Equal(new RedlineSummary(0, 0, 0, 0, 0, 0, 0), redline.Summary);
        Assert.Empty(document.MainDocumentPart!.Document.Descendants<InsertedRun>());
        Assert.Equal(TrackedChanges.Content(BodyOf(document)),
            TrackedChanges.Content(BodyOf(Open(await PlainExportAsync(Language.En, SeedFile.PtcCurrentLabel)))));
    }

    private Task<AnnexDocument?> AnnexAsync(Language language, string version) =>
        database.RunAsync<ExportAnnex.Handler, AnnexDocument?>(h =>
            h.BuildAsync(new ExportAnnex.Query(Viewer.Anonymous, SeedFile.PtcSlug, language, version), CancellationToken.None));

    [Fact]
    public async Task The_self_check_refuses_a_redline_that_does_not_give_both_versions_back()
    {
        var older = (await AnnexAsync(Language.En, SeedFile.PtcPreviousLabel))!;
        var newer = (await AnnexAsync(Language.En, SeedFile.PtcCurrentLabel))!;
        var documents = ExportRedline.Write(older, newer, DateTimeOffset.UtcNow);
        ExportRedline.Check(documents);

        var swapped = documents with { NewerContent = documents.OlderContent, OlderContent = documents.NewerContent };

        var error = Assert.Throws<InvalidOperationException>(() => ExportRedline.Check(swapped));
        Assert.Contains("accept all: expected", error.Message);
        Assert.Contains("reject all: expected", error.Message);
    }

    [Fact]
    public async Task The_self_check_refuses_a_redline_the_validator_refuses()
    {
        var older = (await AnnexAsync(Language.Fr, SeedFile.PtcPreviousLabel))!;
        var newer = (await AnnexAsync(Language.Fr, SeedFile.PtcCurrentLabel))!;
        var documents = ExportRedline.Write(older, newer, DateTimeOffset.UtcNow);
        using var edited = new MemoryStream();
        edited.Write(documents.Redline);
        using (var document = WordprocessingDocument.Open(edited, true))
        {
            // A run straight in the body is not valid WordprocessingML, and the compared content (paragraphs and cells) is unchanged.
            document.MainDocumentPart!.Document.Body!.PrependChild(new Run(new Text("stray")));
        }

        var error = Assert.Throws<InvalidOperationException>(() => ExportRedline.Check(documents with { Redline = edited.ToArray() }));
        Assert.Contains("validator:", error.Message);
        Assert.DoesNotContain("accept all", error.Message);
    }
}
