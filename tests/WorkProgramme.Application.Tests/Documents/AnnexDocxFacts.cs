using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Word;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Documents;

public sealed class AnnexDocxFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<ExportAnnex.File?> ExportAsync(Language language, string? session = null, Viewer? viewer = null, bool slippage = false,
        string? version = null) =>
        database.RunAsync<ExportAnnex.Handler, ExportAnnex.File?>(h =>
            h.DocxAsync(new ExportAnnex.Query(viewer ?? Viewer.Anonymous, SeedFile.PtcSlug, language, version, session, slippage), CancellationToken.None));

    private static WordprocessingDocument Open(ExportAnnex.File file) => WordprocessingDocument.Open(new MemoryStream(file.Content), false);

    private static List<Table> Tables(WordprocessingDocument document) => document.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();

    private static string CellText(TableCell cell) => string.Join("\n", cell.Elements<Paragraph>().Select(p => p.InnerText));

    [Theory]
    [InlineData(Language.Fr)]
    [InlineData(Language.En)]
    public async Task The_word_document_passes_the_open_xml_validator(Language language)
    {
        var file = (await ExportAsync(language))!;
        using var document = Open(file);

        var errors = new OpenXmlValidator().Validate(document)
            .Select(e => $"{e.Path?.XPath} {e.Description}").ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(ExportAnnex.DocxContentType, file.ContentType);
        Assert.Equal($"ptc-2022-2025-2024-04-ctp-243-244-{language.Code()}.docx", file.FileName);
    }

    [Theory]
    [InlineData(Language.Fr)]
    [InlineData(Language.En)]
    public async Task The_reopened_document_holds_every_activity_number_title_and_keyword_in_order(Language language)
    {
        var programme = await SeedFile.ReadPtcAsync();
        using var document = Open((await ExportAsync(language))!);
        var tables = Tables(document);

        Assert.Equal(2, tables.Count);
        foreach (var (section, table) in new[] { ("time-bound", tables[0]), ("permanent", tables[1]) })
        {
            var expected = programme.Activities.Where(a => a.Section == section && a.Revision != "deleted").ToList();
            var rows = table.Elements<TableRow>().Skip(3).ToList(); // heading, questions, example
            Assert.Equal(expected.Select(a => $"{a.Number}."), rows.Select(r => CellText(r.Elements<TableCell>().First())));
            foreach (var (activity, row) in expected.Zip(rows))
            {
                var cells = row.Elements<TableCell>().Select(CellText).ToList();
                var title = language == Language.En ? activity.Title!.En ?? activity.Title.Fr : activity.Title!.Fr ?? activity.Title.En;
                Assert.Contains(title!.Split('\n')[0].Trim(), cells[3], StringComparison.Ordinal);
                if (activity.Status?.Keyword is { } keyword && Wire.TryParse<Domain.StatusReports.StatusKeyword>(keyword, out var parsed))
                {
                    Assert.StartsWith(AnnexTemplate.Word(parsed, language) + ".", cells[10], StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public async Task The_layout_follows_the_template()
    {
        using var document = Open((await ExportAsync(Language.Fr))!);
        var main = document.MainDocumentPart!;
        var sectionProperties = main.Document.Body!.Elements<SectionProperties>().Single();
        var tables = Tables(document);

        var page = sectionProperties.GetFirstChild<PageSize>()!;
        Assert.Equal((16838u, 11906u, PageOrientationValues.Landscape), (page.Width!.Value, page.Height!.Value, page.Orient!.Value));
        Assert.NotNull(sectionProperties.GetFirstChild<TitlePage>());
        var headers = main.HeaderParts.Select(h => h.Header.InnerText).ToList();
        Assert.All(headers, h => Assert.Contains("Annexe au doc. PC0756", h, StringComparison.Ordinal));
        Assert.Contains(headers, h => h.Contains("Programme de travail révisé 2022-2025 du CTP et état d’avancement", StringComparison.Ordinal));
        Assert.All(main.HeaderParts, h => Assert.Contains(h.Header.Descendants<SimpleField>(), f => f.Instruction!.Value!.Trim() == "PAGE"));
        Assert.All(main.HeaderParts, h => Assert.StartsWith("PT/", h.Header.Elements<Paragraph>().Last().InnerText, StringComparison.Ordinal));

        Assert.Equal([12, 11], tables.Select(t => t.Elements<TableRow>().First().Elements<TableCell>().Count()));
        Assert.All(tables, t =>
        {
            var rows = t.Elements<TableRow>().ToList();
            Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
            Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties!.GetFirstChild<TableHeader>()));
            Assert.All(rows.Take(3), r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<CantSplit>()));
            Assert.StartsWith("Quel est le niveau de priorité", CellText(rows[1].Elements<TableCell>().ElementAt(1)), StringComparison.Ordinal);
            Assert.Equal("EXEMPLE", CellText(rows[2].Elements<TableCell>().First()));
        });
        var deadlineHeading = tables[1].Elements<TableRow>().First().Elements<TableCell>().ElementAt(9);
        Assert.Equal(("Délai", 8L), (CellText(deadlineHeading), deadlineHeading.Descendants<FootnoteReference>().Single().Id!.Value));
    }

    [Theory]
    [InlineData(Language.Fr, "PROGRAMME DE TRAVAIL RÉVISÉ 2022-2025 DU COMITÉ TECHNIQUE PERMANENT (CTP)", "I. Activités entreprises dans un délai spécifique")]
    [InlineData(Language.En, "REVISED WORK PROGRAMME 2022-2025 OF THE PERMANENT TECHNICAL COMMITTEE (PTC)", "I. Time-bound activities")]
    public async Task The_first_page_title_and_section_headings_read_as_the_source_document_writes_them(Language language, string title, string heading)
    {
        using var document = Open((await ExportAsync(language))!);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();

        Assert.Equal(title, paragraphs[0]);
        Assert.Equal(heading, paragraphs[1]);
        Assert.Equal(language == Language.Fr ? "II. Activités permanentes" : "II. Permanent activities", paragraphs[2]);
    }

    [Fact]
    public async Task Short_activity_rows_are_kept_whole_and_the_tallest_may_break_across_pages()
    {
        using var document = Open((await ExportAsync(Language.Fr))!);
        var rows = Tables(document).SelectMany(t => t.Elements<TableRow>().Skip(3)).ToList();
        static int Length(TableRow row) => row.Elements<TableCell>().Max(c => c.InnerText.Length);

        var splittable = rows.Where(r => r.TableRowProperties?.GetFirstChild<CantSplit>() is null).ToList();
        var whole = rows.Except(splittable).ToList();

        Assert.NotEmpty(splittable);
        Assert.NotEmpty(whole);
        Assert.True(splittable.Min(Length) > whole.Min(Length));
        Assert.Contains(rows.MaxBy(Length)!, splittable);
        Assert.Contains(rows.MinBy(Length)!, whole);
    }

    [Theory]
    [InlineData(Language.Fr, "Le Plan stratégique se concentre")]
    [InlineData(Language.En, "The Strategic Plan focuses")]
    public async Task The_column_footnotes_are_word_footnotes_referenced_from_the_headings(Language language, string firstFootnote)
    {
        using var document = Open((await ExportAsync(language))!);
        var footnotes = document.MainDocumentPart!.FootnotesPart!.Footnotes.Elements<Footnote>().Where(f => f.Id!.Value > 0).ToList();
        var references = document.MainDocumentPart.Document.Body!.Descendants<FootnoteReference>().Select(r => r.Id!.Value).ToList();

        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), footnotes.Select(f => f.Id!.Value));
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), references);
        Assert.Equal(AnnexTemplate.Footnotes(language).Select(f => " " + f.Text), footnotes.Select(f => f.InnerText));
        Assert.StartsWith(" " + firstFootnote, footnotes[0].InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_execution_level_cell_is_shaded_and_says_its_colour()
    {
        using var document = Open((await ExportAsync(Language.En))!);
        var levelCells = Tables(document)[0].Elements<TableRow>().Skip(2).Select(r => r.Elements<TableCell>().Last()).ToList();
        var fills = new Dictionary<string, string> { ["Green"] = "00B050", ["Blue"] = "0070C0", ["Red"] = "FF0000" };

        Assert.Contains(levelCells, c => CellText(c) == "Blue");
        Assert.All(levelCells.Where(c => CellText(c).Length > 0), c =>
            Assert.Equal(fills[CellText(c)], c.TableCellProperties!.GetFirstChild<Shading>()!.Fill!.Value));
        Assert.All(levelCells.Where(c => CellText(c).Length == 0), c => Assert.Null(c.TableCellProperties!.GetFirstChild<Shading>()));
    }

    [Fact]
    public async Task The_english_document_marks_every_text_shown_in_french()
    {
        var programme = await SeedFile.ReadPtcAsync();
        using var document = Open((await ExportAsync(Language.En))!);
        var rows = Tables(document)[0].Elements<TableRow>().Skip(3).ToList();
        var live = programme.Activities.Where(a => a.Section == "time-bound" && a.Revision != "deleted").ToList();

        var untranslated = live.FindIndex(a => a.Title!.En is null);
        var translated = live.FindIndex(a => a.Title!.En is not null);
        var frenchTitle = rows[untranslated].Elements<TableCell>().ElementAt(3);
        var marker = frenchTitle.Descendants<Run>().First();
        Assert.Equal("[FR]", marker.InnerText);
        Assert.Equal(HighlightColorValues.Yellow, marker.RunProperties!.Highlight!.Val!.Value);
        Assert.Equal("fr-FR", frenchTitle.Descendants<Run>().Last().RunProperties!.Languages!.Val!.Value);
        Assert.Equal(live[untranslated].Title!.Fr, CellText(frenchTitle)["[FR] ".Length..]);
        var englishTitle = rows[translated].Elements<TableCell>().ElementAt(3);
        Assert.Equal(live[translated].Title!.En, CellText(englishTitle));
        Assert.Contains("I. Time-bound activities", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        Assert.DoesNotContain("[EN]", document.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_column_shows_the_chosen_session_and_an_unknown_session_gives_nothing()
    {
        using var earlier = Open((await ExportAsync(Language.Fr, "ctp-241-242", Viewer.Operator))!);
        using var current = Open((await ExportAsync(Language.Fr))!);
        string[] StatusCells(WordprocessingDocument document) => Tables(document).SelectMany(t => t.Elements<TableRow>().Skip(3))
            .Select(r => CellText(r.Elements<TableCell>().ElementAt(10))).ToArray();

        // October 2023: 69 of the 94 activities have a report of that session (the added ones cannot), most of them
        // different from April 2024's.
        var october = StatusCells(earlier);
        var april = StatusCells(current);
        Assert.Equal(94, october.Length);
        Assert.Equal(25, october.Count(text => text.Length == 0));
        // (II.22's differed only by the number of its reference, now stored by id and shown as this version numbers it.)
        Assert.Equal(48, october.Zip(april).Count(pair => pair.First.Length > 0 && pair.First != pair.Second));
        Assert.Null(await ExportAsync(Language.Fr, "ctp-999"));
    }

    [Theory]
    [InlineData(Language.Fr, "Glissement des délais", "N°|Activité|Premier délai|Dernier délai|Reports|Glissement (mois)", "")]
    [InlineData(Language.En, "Deadline slippage", "No.|Activity|First deadline|Latest deadline|Moves|Slippage (months)", "[FR] ")]
    public async Task With_slippage_the_annex_ends_with_the_ranked_slipped_deadlines_and_stays_valid(Language language, string heading,
        string columns, string marker)
    {
        var file = (await ExportAsync(language, slippage: true))!;
        using var document = Open(file);
        var body = document.MainDocumentPart!.Document.Body!;
        var tables = Tables(document);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath} {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal($"ptc-2022-2025-2024-04-ctp-243-244-{language.Code()}-slippage.docx", file.FileName);
        Assert.Equal(3, tables.Count);
        var title = tables[2].ElementsBefore().OfType<Paragraph>().Reverse().Skip(1).First();
        Assert.Equal(heading, title.InnerText);
        Assert.NotNull(title.ParagraphProperties!.PageBreakBefore);
        var rows = tables[2].Elements<TableRow>().ToList();
        Assert.Equal(columns, string.Join("|", rows[0].Elements<TableCell>().Select(CellText)));
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());

        // Counted by hand from the two data files: six deadlines moved once, each a year (the dashboard's table), ranked
        // by months, then moves, then number. The seed's deadlines and these titles exist in French only: marked in English.
        var cells = rows.Skip(1).Select(r => r.Elements<TableCell>().Select(CellText).ToList()).ToList();
        Assert.Equal(["I.12", "I.13", "I.14", "I.19", "I.24", "I.29"], cells.Select(c => c[0]));
        Assert.All(cells, c => Assert.Equal(("1", "12"), (c[4], c[5])));
        var slippage = (await database.RunAsync<Features.Insight.DeadlineSlippage.Handler, Features.Insight.DeadlineSlippage.Result?>(h =>
            h.HandleAsync(new(Viewer.Anonymous, SeedFile.PtcSlug), CancellationToken.None)))!;
        Assert.Equal(slippage.Ranked.Select(a => (a.Reference, $"{a.Moves}", $"{a.Months}")), cells.Select(c => (c[0], c[4], c[5])));
        Assert.Equal($"{marker}Automne 2023 (CTP) / Juin 2024 (Conseil)\n(version 2023-10)", cells[0][2]);
        Assert.Equal($"{marker}Printemps 2025 (CTP) / Juin 2025 (Conseil)\n(version 2024-04)", cells[0][3]);
        Assert.Equal($"{marker}Juin 2023\n(version 2023-10)", cells[5][2]);
        Assert.StartsWith($"{marker}Élaborer l’annexe aux Directives ferroviaires", cells[0][1], StringComparison.Ordinal);
        Assert.Contains("(2023-10, 2024-04)", body.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_slippage_table_only_adds_to_the_plain_annex()
    {
        using var plain = Open((await ExportAsync(Language.Fr))!);
        using var withSlippage = Open((await ExportAsync(Language.Fr, slippage: true))!);
        // Relationship ids are new in every package: compare parts by name, and the body with its header references' ids left out.
        static List<(string, string)> Parts(WordprocessingDocument d) =>
            d.MainDocumentPart!.Parts.Select(p => (p.OpenXmlPart.Uri.ToString(), p.OpenXmlPart.RootElement!.OuterXml)).Order().ToList();
        static List<string> Body(WordprocessingDocument d) => d.MainDocumentPart!.Document.Body!.ChildElements
            .Select(e => System.Text.RegularExpressions.Regex.Replace(e.OuterXml, "r:id=\"[^\"]*\"", "r:id=\"\"")).ToList();

        // Every other part is the plain export's; the body gains the heading, the note and the table before its end.
        Assert.Equal(Parts(plain), Parts(withSlippage));
        var before = Body(plain);
        var after = Body(withSlippage);
        Assert.Equal(before.Count + 3, after.Count);
        Assert.Equal(before[..^2], after[..(before.Count - 2)]);
        Assert.Equal(before[^2..], after[^2..]);
    }

    [Fact]
    public async Task An_older_versions_annex_reads_slippage_up_to_that_version_only()
    {
        using var document = Open((await ExportAsync(Language.En, viewer: Viewer.Operator, slippage: true, version: "2023-10"))!);

        // October 2023 is the first version: nothing to compare it with, so no table, and the note says so.
        Assert.Equal(2, Tables(document).Count);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Deadline slippage", text, StringComparison.Ordinal);
        Assert.Contains("(2023-10)", text, StringComparison.Ordinal);
        Assert.Contains("No deadline moved from one version to the next.", text, StringComparison.Ordinal);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }
}
