using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Documents.Tests.Tables;

public sealed class ProgrammeWorkbookFacts
{
    private static ActivityRowView Row(int number, StatusView? status = null) => new(
        Guid.NewGuid(), Section.TimeBound, number, null, RevisionKind.Unchanged, Priority.A, true, [], null, [],
        new BilingualText($"Activité {number}", $"Activity {number}"), BilingualText.Empty, BilingualText.Empty,
        new Deadline(new BilingualText("Travail continu", "Continuous work"), true, []), status, 0, 0);

    private static List<Cell> Column(byte[] workbook, string column)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var sheet = document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().First();
        var worksheet = ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!.Value!)).Worksheet!;
        return worksheet.Descendants<Cell>()
            .Where(c => c.CellReference!.Value!.StartsWith(column, StringComparison.Ordinal) && c.CellReference.Value != column + "1")
            .Select(c => (Cell)c.CloneNode(true)).ToList();
    }

    [Fact]
    public void The_number_column_holds_numbers_so_a_sort_gives_1_2_then_10()
    {
        var workbook = ProgrammeWorkbook.Write(Language.Fr, [Row(1), Row(2), Row(10)], []);

        var numbers = Column(workbook, "A");

        Assert.All(numbers, c => Assert.True(c.DataType is null || c.DataType.Value == CellValues.Number));
        Assert.Equal([1, 2, 10], numbers.Select(c => int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).Order());
    }

    [Theory]
    [InlineData(Language.Fr, "15 octobre 2024 : Projet présenté au CTP")]
    [InlineData(Language.En, "15 October 2024: Draft presented to the PTC")]
    public void A_milestone_date_is_written_in_the_sheets_language_as_the_annex_writes_it(Language language, string expected)
    {
        var status = new StatusView("ctp-245-246", StatusKeyword.Ongoing, false, ExecutionLevel.Blue, BilingualText.Empty, BilingualText.Empty,
            [new ReachedMilestone(new DateOnly(2024, 10, 15), new BilingualText("Projet présenté au CTP", "Draft presented to the PTC"))],
            ReportState.Published);

        var workbook = ProgrammeWorkbook.Write(language, [Row(1, status)], []);

        var statusCell = Assert.Single(Column(workbook, "K"));
        Assert.Contains(expected, statusCell.InnerText.Split('\n'));
    }
}
