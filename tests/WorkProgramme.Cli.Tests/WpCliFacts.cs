using System.Text.Json;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

/// <summary>The wp verbs end to end: arguments, the real handlers, a real SQLite file, exit codes and messages.</summary>
public sealed class WpCliFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(seed: false);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => Wp.RunAsync(database, args);

    [Fact]
    public async Task Export_writes_the_seeded_programme_as_json_to_a_file()
    {
        var path = Path.Combine(database.Folder, "ptc.json");

        var (exit, output, _) = await RunAsync("export", "--programme", SeedFile.PtcSlug, "--format", "json", "--out", path, "--lang", "en");

        Assert.Equal(0, exit);
        Assert.Contains("97 activities exported", output, StringComparison.Ordinal);
        await using var stream = File.OpenRead(path);
        var (file, problems) = await ProgrammeJson.ReadAsync(stream, CancellationToken.None);
        Assert.Empty(problems);
        Assert.Equal(97, file!.Activities.Count);
    }

    [Fact]
    public async Task Export_without_out_writes_only_json_to_standard_output()
    {
        var (exit, output, _) = await RunAsync("export", "--programme", SeedFile.PtcSlug);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(SeedFile.PtcSlug, json.RootElement.GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Import_of_a_bad_file_names_row_and_field_changes_nothing_and_fails()
    {
        await RunAsync("validate", "--programme", SeedFile.PtcSlug);
        var before = await database.ContentHashAsync();
        var path = Path.Combine(database.Folder, "bad.json");
        var (_, exported, _) = await RunAsync("export", "--programme", SeedFile.PtcSlug);
        await File.WriteAllTextAsync(path, exported.Replace("\"taskType\": \"updating\"", "\"taskType\": \"repainting\"", StringComparison.Ordinal));

        var (exit, _, error) = await RunAsync("import", path, "--lang", "en");

        Assert.Equal(1, exit);
        Assert.Contains("Import refused", error, StringComparison.Ordinal);
        Assert.Contains("activities[0] (time-bound 1) › taskType: unknown value 'repainting'", error, StringComparison.Ordinal);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task Import_of_a_good_file_reports_what_it_loaded()
    {
        var path = Path.Combine(database.Folder, "good.json");
        await RunAsync("export", "--programme", SeedFile.PtcSlug, "--out", path);

        var (exit, output, _) = await RunAsync("import", path, "--lang", "fr");

        Assert.Equal(0, exit);
        Assert.Contains("Programme ptc-2022-2025 importé : 97 activités.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_of_a_file_that_is_not_json_says_where_it_broke()
    {
        var path = Path.Combine(database.Folder, "broken.json");
        await File.WriteAllTextAsync(path, "{ \"slug\": \"ptc\",\n  oops }");

        var (exit, _, error) = await RunAsync("import", path, "--lang", "en");

        Assert.Equal(1, exit);
        Assert.Contains("not a valid programme JSON file (line 2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_prints_each_violation_and_exits_1_on_errors()
    {
        var (exit, output, _) = await RunAsync("validate", "--programme", SeedFile.PtcSlug, "--lang", "en");

        Assert.Equal(1, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("error\tII.20\tNotLinkedToStrategicPlan\t", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("error\tII.23\tPermanentNotContinuous\t", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("warning\tI.22\tBlankPriority\t", StringComparison.Ordinal));
        Assert.StartsWith("ptc-2022-2025 (version 2024-04): 2 error(s)", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_exits_0_when_only_warnings_remain()
    {
        var (_, exported, _) = await RunAsync("export", "--programme", SeedFile.PtcSlug);
        var file = JsonSerializer.Deserialize<ProgrammeFile>(exported, ProgrammeJson.Options)!;
        var fixedFile = file with
        {
            Activities = file.Activities.Select(a => a.Section == "permanent" && a.Number == 20 ? a with { LinkedToStrategicPlan = true }
                : a.Section == "permanent" && a.Number == 23 ? a with { Deadline = new DeadlineDto { Text = new TextPair("Travail continu", "Continuous work"), Continuous = true, Milestones = [new MilestoneDto { Kind = "continuous" }] } }
                : a).ToList(),
        };
        var path = Path.Combine(database.Folder, "fixed.json");
        await using (var stream = File.Create(path))
        {
            await ProgrammeJson.WriteAsync(fixedFile, stream, CancellationToken.None);
        }

        Assert.Equal(0, (await RunAsync("import", path)).Exit);
        var (exit, output, _) = await RunAsync("validate", "--programme", SeedFile.PtcSlug, "--lang", "fr");

        Assert.Equal(0, exit);
        Assert.Contains(": 0 erreur(s)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("export", "--format", "json")]
    [InlineData("export", "--programme", "ptc-2022-2025", "--format", "docx-please")]
    [InlineData("frobnicate")]
    public async Task Bad_arguments_exit_2_with_a_message(params string[] args)
    {
        var (exit, _, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public async Task An_unknown_programme_or_file_exits_2()
    {
        Assert.Equal(2, (await RunAsync("validate", "--programme", "nope")).Exit);
        Assert.Equal(2, (await RunAsync("import", Path.Combine(database.Folder, "missing.json"))).Exit);
    }
}
