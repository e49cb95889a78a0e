using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Documents.Tests.Tables;

public sealed class ProgrammeTableFacts
{
    [Theory]
    [InlineData("Activités2", TableColumn.Activity, Language.Fr)]
    [InlineData("Lien avec le Plan stratégique1", TableColumn.Link, Language.Fr)]
    [InlineData("Organe\nresponsable5", TableColumn.Body, Language.Fr)]
    [InlineData("ETAT D'AVANCEMENT 6", TableColumn.Status, Language.Fr)]
    [InlineData("Niveau d’exécut-ion7", TableColumn.ExecutionLevel, Language.Fr)]
    [InlineData("No.", TableColumn.Number, Language.En)]
    [InlineData("Key performance indicators", TableColumn.Kpi, Language.En)]
    [InlineData("Type of associated tasks4", TableColumn.TaskType, Language.En)]
    [InlineData("Id (do not change)", TableColumn.Id, Language.En)]
    public void Headers_are_recognised_whatever_their_case_accents_breaks_and_footnote_numbers(string header, TableColumn column, Language language)
    {
        Assert.Equal((column, language), ProgrammeTable.Recognise(header));
    }

    [Fact]
    public void An_unrelated_header_is_not_taken_for_a_column()
    {
        Assert.Null(ProgrammeTable.Recognise("Observations"));
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData("12.", 12)]
    [InlineData(" 7. ", 7)]
    [InlineData("12 (formerly 11)", 12)]
    [InlineData("EXEMPLE (Exemple)", null)]
    [InlineData("", null)]
    [InlineData("0", null)]
    [InlineData("1a", null)]
    public void The_number_is_the_integer_a_cell_starts_with(string text, int? number)
    {
        Assert.Equal(number, ProgrammeTable.ParseNumber(text));
    }

    [Theory]
    [InlineData("Mise au point", "fine-tuning")]
    [InlineData("mise a jour", "updating")]
    [InlineData("Development", "development")]
    [InlineData("fine-tuning", "fine-tuning")]
    [InlineData("Suivi", "maintenance")]
    [InlineData("Gardening", null)]
    public void Task_types_are_read_by_code_or_words_in_either_language(string text, string? code)
    {
        Assert.Equal(code, ProgrammeTable.ParseTaskType(text, Shipped));
    }

    [Fact]
    public void A_renamed_task_type_is_read_by_its_new_words_and_its_code()
    {
        CodeLabel[] renamed = [.. Shipped.Where(t => t.Code != "maintenance"),
            new CodeLabel("maintenance", new BilingualText("Suivi régulier", "Follow-up"), new BilingualText("Suivi régulier", "Follow-up"))];

        Assert.Equal("maintenance", ProgrammeTable.ParseTaskType("suivi regulier", renamed));
        Assert.Equal("maintenance", ProgrammeTable.ParseTaskType("Follow-up", renamed));
        Assert.Equal("maintenance", ProgrammeTable.ParseTaskType("maintenance", renamed));
        Assert.Null(ProgrammeTable.ParseTaskType("Suivi", renamed));
    }

    private static IReadOnlyList<CodeLabel> Shipped => TaskType.Shipped.Select(t => new CodeLabel(t.Code, t.Name, t.Name)).ToList();
}
