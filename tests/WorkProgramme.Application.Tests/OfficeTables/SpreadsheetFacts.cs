using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Features.OfficeTables;
using WorkProgramme.Application.Features.TaskTypes;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;
using TableColumn = WorkProgramme.Documents.Tables.TableColumn;

namespace WorkProgramme.Application.Tests.OfficeTables;

public sealed class SpreadsheetFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<ExportSpreadsheet.Result> ExportAsync(Language language) =>
        (await database.RunAsync<ExportSpreadsheet.Handler, ExportSpreadsheet.Result?>(h =>
            h.HandleAsync(new(Viewer.Operator, SeedFile.PtcSlug, language), CancellationToken.None)))!;

    private Task<Imported> ImportAsync(byte[] file, bool apply, Viewer? viewer = null) =>
        Imported.RunAsync(database, viewer ?? Viewer.Operator, SeedFile.PtcSlug, SpreadsheetReader.Read(file), apply);

    private async Task<ProgrammeFile> ProgrammeAsync() =>
        (await database.RunAsync<ExportProgramme.Handler, ProgrammeFile?>(h => h.HandleAsync(new(Viewer.Operator, SeedFile.PtcSlug), CancellationToken.None)))!;

    private static Worksheet SheetOf(SpreadsheetDocument document, int index)
    {
        var sheet = document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().ElementAt(index);
        return ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!.Value!)).Worksheet!;
    }

    [Theory]
    [InlineData(Language.Fr, "I. Délai spécifique", "Niveau de priorité", "Vert")]
    [InlineData(Language.En, "I. Time-bound", "Priority", "Green")]
    public async Task The_export_opens_again_valid_with_every_activity_in_its_section_sheet(Language language, string firstSheet, string priorityHeader, string green)
    {
        var programme = await ProgrammeAsync();

        var export = await ExportAsync(language);

        using var document = SpreadsheetDocument.Open(new MemoryStream(export.Content), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var sheets = document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(2, sheets.Count);
        Assert.Equal(firstSheet, sheets[0]);
        foreach (var (section, index) in new[] { ("time-bound", 0), ("permanent", 1) })
        {
            var worksheet = SheetOf(document, index);
            var text = worksheet.Descendants<Cell>().Select(c => c.InnerText).ToHashSet();
            var expected = programme.Activities.Where(a => a.Section == section && a.Revision != "deleted").ToList();
            Assert.Equal(expected.Count + 1, worksheet.Descendants<Row>().Count());
            Assert.All(expected, a => Assert.Contains(a.Id!.Value.ToString(), text));
            Assert.NotNull(worksheet.Descendants<AutoFilter>().SingleOrDefault());
            var pane = worksheet.Descendants<Pane>().Single();
            Assert.Equal((PaneStateValues.Frozen, "A2"), (pane.State!.Value, pane.TopLeftCell!.Value));
        }

        Assert.Equal(priorityHeader, OfficeFiles.CellText(export.Content, 0, "B1"));
        Assert.Equal(programme.Activities.Count(a => a.Revision != "deleted"), export.Activities);
        Assert.Empty(document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet!.Descendants<CellFormula>()));
        // The execution level is a filled cell that also carries its word.
        var greenCell = SheetOf(document, 0).Descendants<Cell>().First(c => c.CellReference!.Value!.StartsWith('L') && c.InnerText == green);
        var format = document.WorkbookPart.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ElementAt((int)greenCell.StyleIndex!.Value);
        var fill = document.WorkbookPart.WorkbookStylesPart.Stylesheet.Fills!.Elements<Fill>().ElementAt((int)format.FillId!.Value);
        Assert.Equal("FF00B050", fill.PatternFill!.ForegroundColor!.Rgb!.Value);
    }

    [Fact]
    public void Text_that_looks_like_a_formula_is_written_as_text_never_as_a_formula()
    {
        var row = new ActivityRowView(Guid.NewGuid(), Domain.Activities.Section.TimeBound, 1, null, Domain.Activities.RevisionKind.New, null, true,
            [], null, [], new BilingualText("=HYPERLINK(\"http://evil.example\",\"clic\")", null), new BilingualText("+33 1 23", null),
            new BilingualText("-1", null), new Domain.Activities.Deadline(new BilingualText("@SUM(A1)", null), false, []), null, 0, 0);

        var workbook = ProgrammeWorkbook.Write(Language.Fr, [row], []);

        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var cells = SheetOf(document, 0).Descendants<Cell>().Where(c => c.CellReference!.Value!.EndsWith('2')).ToList();
        Assert.Empty(SheetOf(document, 0).Descendants<CellFormula>());
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
        foreach (var reference in new[] { "D2", "H2", "I2", "J2" })
        {
            var cell = cells.Single(c => c.CellReference!.Value == reference);
            Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
            Assert.True(formats[(int)cell.StyleIndex!.Value].QuotePrefix?.Value, reference);
        }

        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"clic\")", OfficeFiles.CellText(workbook, 0, "D2"));
    }

    [Theory]
    [InlineData(Language.Fr)]
    [InlineData(Language.En)]
    public async Task Importing_the_export_unchanged_changes_nothing(Language language)
    {
        var before = await database.ContentHashAsync();
        var export = await ExportAsync(language);

        var outcome = await ImportAsync(export.Content, apply: true);

        Assert.True(outcome.Applied, string.Join("\n", outcome.Problems.Select(p => p.Describe(Language.En))));
        Assert.Equal(export.Activities, outcome.Count(ImportTable.ChangeKind.Unchanged));
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task A_reference_written_as_section_and_number_is_imported_by_id_and_a_later_export_imported_unchanged_keeps_it()
    {
        var programme = await ProgrammeAsync();
        var target = programme.Activities.Single(a => a.Section == "permanent" && a.Number == 2).Id!.Value;
        var referring = programme.Activities.Single(a => a.Section == "permanent" && a.Number == 5);
        Assert.Equal(5, int.Parse(OfficeFiles.CellText((await ExportAsync(Language.En)).Content, 1, "A6")!, System.Globalization.CultureInfo.InvariantCulture));
        var edited = OfficeFiles.EditSheet((await ExportAsync(Language.En)).Content, 1, new Dictionary<string, string?> { ["I6"] = "Review: see activity [[II.2]]." });

        var applied = await ImportAsync(edited, apply: true);

        Assert.True(applied.Applied, string.Join("\n", applied.Problems.Select(p => p.Describe(Language.En))));
        var stored = (await ProgrammeAsync()).Activities.Single(a => a.Id == referring.Id);
        Assert.Equal($"Review: see activity {Domain.Activities.ActivityReferences.Token(target)}.", stored.Kpi!.En);
        Assert.Equal(referring.Kpi!.Fr, stored.Kpi.Fr);

        // Exports write the reference as the number; that number read back is the same reference, not new text.
        var again = await ExportAsync(Language.En);
        Assert.Equal("Review: see activity 2.", OfficeFiles.CellText(again.Content, 1, "I6"));
        var before = await database.ContentHashAsync();
        var unchanged = await ImportAsync(again.Content, apply: true);
        Assert.Equal(again.Activities, unchanged.Count(ImportTable.ChangeKind.Unchanged));
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task A_reference_to_a_number_no_activity_has_is_refused_and_changes_nothing()
    {
        var edited = OfficeFiles.EditSheet((await ExportAsync(Language.Fr)).Content, 1, new Dictionary<string, string?> { ["I6"] = "Voir [[II.99]]." });
        var before = await database.ContentHashAsync();

        var outcome = await ImportAsync(edited, apply: true);

        Assert.Equal(FailureKind.Invalid, outcome.Failure);
        Assert.Contains(outcome.Problems, p => p.Describe(Language.Fr).Contains("[[II.99]]", StringComparison.Ordinal));
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task An_edited_sheet_is_previewed_without_writing_then_applied_in_its_language_only_and_audited()
    {
        var programme = await ProgrammeAsync();
        var first = programme.Activities.First(a => a.Section == "time-bound" && a.Number == 1);
        var export = await ExportAsync(Language.En);
        var edited = OfficeFiles.EditSheet(export.Content, 0, new Dictionary<string, string?>
        {
            ["B2"] = "C",
            ["D2"] = "Compile the annual updates",
            ["F2"] = "Développement",
        });
        var before = await database.ContentHashAsync();

        var preview = await ImportAsync(edited, apply: false);

        Assert.True(preview.Previewed);
        var change = Assert.Single(preview.Changes, c => c.Kind == ImportTable.ChangeKind.Changed);
        Assert.Equal("I.1", change.Reference);
        Assert.Equal([TableColumn.Priority, TableColumn.TaskType, TableColumn.Activity], change.Columns);
        Assert.Equal(before, await database.ContentHashAsync());

        var applied = await ImportAsync(edited, apply: true);

        Assert.True(applied.Applied);
        var stored = (await ProgrammeAsync()).Activities.Single(a => a.Id == first.Id);
        Assert.Equal(("C", "development", "Compile the annual updates", first.Title!.Fr), (stored.Priority, stored.TaskType, stored.Title!.En, stored.Title.Fr));
        var trail = await database.RunAsync<AuditTrail.Handler, AuditTrail.Result>(h => h.HandleAsync(new(EntityId: first.Id.ToString()), CancellationToken.None));
        Assert.Contains(trail.Rows, r => r.Field == "Priority" && r.NewValue == "C");
    }

    [Fact]
    public async Task A_task_type_renamed_in_the_table_is_written_with_its_new_words_and_read_back_by_them_and_the_old_words_are_reported()
    {
        var programme = await ProgrammeAsync();
        var first = programme.Activities.First(a => a.Section == "time-bound" && a.Number == 1);
        var listing = await database.RunAsync<TaskTypeDirectory, TaskTypeDirectory.Listing>(d => d.ListAsync(CancellationToken.None));
        var renamed = await database.RunAsync<TaskTypeEdits.Handler, Result<string>>(h =>
            h.HandleAsync(new TaskTypeEdits.Rename(Viewer.Operator, listing.Version, "development", "Élaboration", "Design"), CancellationToken.None));
        Assert.True(renamed.Succeeded);

        var export = await ExportAsync(Language.Fr);
        var asWritten = await ImportAsync(export.Content, apply: false);
        var newWords = await ImportAsync(OfficeFiles.EditSheet(export.Content, 0, new Dictionary<string, string?> { ["F2"] = "ELABORATION" }), apply: true);
        var oldWords = await ImportAsync(OfficeFiles.EditSheet(export.Content, 0, new Dictionary<string, string?> { ["F2"] = "Développement" }), apply: false);

        Assert.Contains("Élaboration", Enumerable.Range(2, 60).Select(row => OfficeFiles.CellText(export.Content, 0, $"F{row}")));
        Assert.DoesNotContain(asWritten.Changes, c => c.Columns.Contains(TableColumn.TaskType));
        Assert.Empty(asWritten.Problems);
        Assert.True(newWords.Applied);
        Assert.Equal("development", (await ProgrammeAsync()).Activities.Single(a => a.Id == first.Id).TaskType);
        Assert.Contains(oldWords.Problems, p => p.Describe(Language.En).Contains("unknown type", StringComparison.Ordinal)
            && p.Describe(Language.En).Contains("Design", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_apply_is_refused_without_the_previews_state_or_when_the_draft_or_the_file_changed_since_and_then_changes_nothing()
    {
        var export = await ExportAsync(Language.En);
        var first = SpreadsheetReader.Read(OfficeFiles.EditSheet(export.Content, 0, new Dictionary<string, string?> { ["B2"] = "C" }));
        var other = SpreadsheetReader.Read(OfficeFiles.EditSheet(export.Content, 0, new Dictionary<string, string?> { ["B3"] = "C" }));
        Task<Result<ImportTable.Outcome>> Run(TableFile file, bool apply, string? state) => database.RunAsync<ImportTable.Handler, Result<ImportTable.Outcome>>(h =>
            h.HandleAsync(new(Viewer.Operator, SeedFile.PtcSlug, file, apply, state), CancellationToken.None));
        var preview = (await Run(first, false, null)).Value!.State;
        var before = await database.ContentHashAsync();

        var missing = await Run(first, true, null);
        var otherFile = await Run(other, true, preview);

        Assert.Equal(FailureKind.PreconditionRequired, missing.Failure?.Kind);
        Assert.True(otherFile.Failure is { Kind: FailureKind.Conflict, Stale: true }, otherFile.Failure?.Kind.ToString());
        Assert.Equal(before, await database.ContentHashAsync());

        // Someone else imports another change between this preview and its confirmation.
        Assert.True((await ImportAsync(OfficeFiles.EditSheet(export.Content, 0, new Dictionary<string, string?> { ["B3"] = "C" }), apply: true)).Applied);
        var changed = await database.ContentHashAsync();

        var stale = await Run(first, true, preview);

        Assert.True(stale.Failure is { Kind: FailureKind.Conflict, Stale: true }, stale.Failure?.Kind.ToString());
        Assert.Equal(changed, await database.ContentHashAsync());
        Assert.True((await Run(first, true, (await Run(first, false, null)).Value!.State)).Value!.Applied);
    }

    [Fact]
    public async Task A_row_without_id_or_number_becomes_a_new_activity_at_the_end_of_its_section()
    {
        var programme = await ProgrammeAsync();
        var last = programme.Activities.Where(a => a.Section == "permanent").Max(a => a.Number)!.Value;
        var template = ExportSpreadsheet.Template(Language.Fr, [.. WorkProgramme.Domain.Activities.TaskType.Shipped.Select(WorkProgramme.Application.Features.Programmes.ActivityRowViews.ToLabel)]).Content;
        var filled = OfficeFiles.EditSheet(template, 1, new Dictionary<string, string?>
        {
            ["B2"] = "B", ["C2"] = "Oui", ["D2"] = "Suivre les travaux du groupe", ["E2"] = "PS1, FA2", ["F2"] = "Suivi",
            ["G2"] = "CTP, Conseil", ["J2"] = "Travail continu",
        });

        var outcome = await ImportAsync(filled, apply: true);

        Assert.True(outcome.Applied, string.Join("\n", outcome.Problems.Select(p => p.Describe(Language.En))));
        var added = (await ProgrammeAsync()).Activities.Single(a => a.Title?.Fr == "Suivre les travaux du groupe");
        Assert.Equal(("permanent", last + 1, "new", true), (added.Section, added.Number!.Value, added.Revision, added.Deadline!.Continuous));
        Assert.Equal(["PS1", "FA2"], added.StrategicPlan);
        Assert.Equal(["CTP", "Conseil"], added.Bodies);
    }

    [Fact]
    public async Task A_bad_sheet_gets_every_problem_with_its_row_and_column_and_changes_nothing()
    {
        var export = await ExportAsync(Language.Fr);
        var bad = OfficeFiles.EditSheet(export.Content, 0, new Dictionary<string, string?>
        {
            ["B2"] = "Z",
            ["D3"] = "Nouveau libellé",
            ["G3"] = "CTP, Nulle part",
            ["M4"] = Guid.NewGuid().ToString(),
            ["C5"] = "Peut-être",
        });
        var before = await database.ContentHashAsync();

        var outcome = await ImportAsync(bad, apply: true);

        Assert.Equal(FailureKind.Invalid, outcome.Failure);
        var lines = outcome.Problems.Select(p => p.Describe(Language.Fr)).ToList();
        Assert.Contains("I. Délai spécifique › ligne 2 › Niveau de priorité : « Z » : attendu A, B ou C", lines);
        Assert.Contains("I. Délai spécifique › ligne 3 › Organe responsable : organe inconnu « Nulle part »", lines);
        Assert.Contains(lines, l => l.StartsWith("I. Délai spécifique › ligne 4 › Identifiant", StringComparison.Ordinal));
        Assert.Contains(outcome.Problems, p => p.Row == 5 && p.Column == TableColumn.Link && p.Message.En!.Contains("expected Yes or No", StringComparison.Ordinal));
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task A_cell_with_a_reading_direction_override_or_over_its_length_is_refused_on_its_row_and_changes_nothing()
    {
        var export = await ExportAsync(Language.Fr);
        var bad = OfficeFiles.EditSheet(export.Content, 0, new Dictionary<string, string?>
        {
            ["D3"] = "Libellé \u202Eexe.txt",
            ["D4"] = new string('x', TextRule.ActivityTitle.MaxLength + 1),
        });
        var before = await database.ContentHashAsync();

        var outcome = await ImportAsync(bad, apply: true);

        Assert.Equal(FailureKind.Invalid, outcome.Failure);
        Assert.Contains(outcome.Problems, p => p.Row == 3 && p.Message.En!.Contains("reverses the reading direction (U+202E)", StringComparison.Ordinal));
        Assert.Contains(outcome.Problems, p => p.Row == 4 && p.Message.Fr!.Contains("au plus 1000 caractères", StringComparison.Ordinal));
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task A_change_that_breaks_a_rule_of_the_template_is_refused_with_the_rule()
    {
        var export = await ExportAsync(Language.Fr);
        var bad = OfficeFiles.EditSheet(export.Content, 0, new Dictionary<string, string?> { ["C2"] = "Non" });
        var before = await database.ContentHashAsync();

        var outcome = await ImportAsync(bad, apply: true);

        Assert.Equal(FailureKind.Invalid, outcome.Failure);
        Assert.Contains(outcome.Problems, p => p.Row == 2);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task Members_and_editors_of_another_body_cannot_import()
    {
        var export = await ExportAsync(Language.Fr);
        var member = new Viewer("m", "m@example.org", new HashSet<string> { Roles.Member }, "CTP");
        var otherEditor = new Viewer("o", "o@example.org", new HashSet<string> { Roles.Editor }, "CRC");

        Assert.Equal(FailureKind.Forbidden, (await ImportAsync(export.Content, true, member)).Failure);
        Assert.Equal(FailureKind.Forbidden, (await ImportAsync(export.Content, true, otherEditor)).Failure);
        Assert.Equal(FailureKind.Forbidden, (await ImportAsync(export.Content, true, Viewer.Anonymous)).Failure);
    }

    [Fact]
    public void The_blank_template_has_the_headers_in_its_language_and_no_rows()
    {
        var template = ExportSpreadsheet.Template(Language.En, [.. WorkProgramme.Domain.Activities.TaskType.Shipped.Select(WorkProgramme.Application.Features.Programmes.ActivityRowViews.ToLabel)]).Content;

        using var document = SpreadsheetDocument.Open(new MemoryStream(template), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        Assert.Equal(["I. Time-bound", "II. Permanent"], document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));
        Assert.Equal("Activities", OfficeFiles.CellText(template, 0, "D1"));
        Assert.Equal("Execution level", OfficeFiles.CellText(template, 0, "L1"));
        Assert.Equal("Id (do not change)", OfficeFiles.CellText(template, 1, "L1"));
        Assert.Single(SheetOf(document, 0).Descendants<Row>());
        var read = SpreadsheetReader.Read(template);
        Assert.Empty(read.Problems);
        Assert.Equal(Language.En, read.Language);
    }
}
