using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.SeedData;

/// <summary>The shipped PTC programme is the document as read: every row, every code, in order.</summary>
public sealed class SeedDataFacts
{
    private static readonly string[] ExpectedRows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "SeedData", "ptc-2022-2025.expected.txt"))
        .Where(line => !line.StartsWith('#') && line.Trim().Length > 0)
        .ToArray();

    private static string Describe(ActivityDto a) => string.Join(" | ",
        a.Section == "time-bound" ? "I" : "II",
        a.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—",
        a.PreviousNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—",
        a.Revision,
        a.Priority ?? "—",
        a.LinkedToStrategicPlan switch { true => "yes", false => "no", null => "—" },
        a.StrategicPlan.Count == 0 ? "—" : string.Join(",", a.StrategicPlan),
        a.TaskType ?? "—",
        string.Join(", ", a.Bodies));

    [Fact]
    public async Task Holds_the_rows_of_each_section_as_the_document_has_them()
    {
        var file = await SeedFile.ReadPtcAsync();

        int Count(string section, Func<ActivityDto, bool> which) => file.Activities.Count(a => a.Section == section && which(a));
        Assert.Equal(42, Count("time-bound", a => a.Revision != "deleted"));
        Assert.Equal(1, Count("time-bound", a => a.Revision == "deleted"));
        Assert.Equal(52, Count("permanent", a => a.Revision != "deleted"));
        Assert.Equal(2, Count("permanent", a => a.Revision == "deleted"));
        Assert.Equal(16, file.Activities.Count(a => a.Revision == "new"));
    }

    [Fact]
    public async Task Has_every_row_with_its_number_priority_link_codes_task_type_and_bodies()
    {
        var file = await SeedFile.ReadPtcAsync();

        Assert.Equal(ExpectedRows.Length, file.Activities.Count);
        foreach (var (expected, actual) in ExpectedRows.Zip(file.Activities.Select(Describe)))
        {
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task Gives_every_live_row_a_title_a_deadline_and_a_status_for_the_243rd_244th_sessions()
    {
        var file = await SeedFile.ReadPtcAsync();

        Assert.All(file.Activities.Where(a => a.Revision != "deleted"), a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.Title?.Fr ?? a.Title?.En));
            Assert.False(string.IsNullOrWhiteSpace(a.Deadline?.Text?.Fr ?? a.Deadline?.Text?.En));
            Assert.Equal("ctp-243-244", a.Status?.Session);
        });
    }

    [Fact]
    public async Task Parses_deadlines_into_milestones_that_keep_the_original_wording()
    {
        var file = await SeedFile.ReadPtcAsync();
        var first = file.Activities[0];

        Assert.Equal("Printemps 2023, 2024 et 2025 (CTP) / Juin 2023, juin 2024 et juin 2025 (CPG et Conseil)", first.Deadline!.Text!.Fr);
        Assert.Equal(
            ["season spring 2023 CTP", "season spring 2024 CTP", "season spring 2025 CTP", "month 6 2023 CPG+Conseil", "month 6 2024 CPG+Conseil", "month 6 2025 CPG+Conseil"],
            first.Deadline.Milestones.Select(m => m.Kind == "season"
                ? $"season {m.Season} {m.Year} {string.Join("+", m.Bodies)}"
                : $"month {m.Month} {m.Year} {string.Join("+", m.Bodies)}"));
        Assert.All(file.Activities.Where(a => a.Section == "permanent" && a.Deadline!.Continuous),
            a => Assert.Equal("continuous", Assert.Single(a.Deadline!.Milestones).Kind));
    }

    [Fact]
    public async Task Marks_keywords_read_from_the_text_as_inferred()
    {
        var file = await SeedFile.ReadPtcAsync();
        var stated = file.Activities.Where(a => a.Status?.Keyword is not null && !a.Status.KeywordInferred).ToList();

        Assert.NotEmpty(stated);
        Assert.All(stated, a => Assert.StartsWith("Achevé", a.Status!.Text!.Fr, StringComparison.Ordinal));
        Assert.All(file.Activities.Where(a => a.Section == "permanent" && a.Status?.Keyword is not null),
            a => Assert.True(a.Status!.KeywordInferred));
    }

    [Fact]
    public async Task Keeps_the_english_the_rows_under_translation_give()
    {
        var file = await SeedFile.ReadPtcAsync();
        var thirty = file.Activities.Single(a => a.Section == "time-bound" && a.Number == 30);

        Assert.False(string.IsNullOrWhiteSpace(thirty.Title!.En));
        Assert.False(string.IsNullOrWhiteSpace(thirty.Title.Fr));
    }
}
