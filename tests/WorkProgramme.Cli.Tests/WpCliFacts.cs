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
        Assert.Contains("activities[0] (time-bound 1) › taskType: Unknown task type 'repainting'", error, StringComparison.Ordinal);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task Import_of_a_good_file_reports_what_it_loaded()
    {
        var path = Path.Combine(database.Folder, "good.json");
        await RunAsync("export", "--programme", SeedFile.PtcSlug, "--out", path);

        var (exit, output, _) = await RunAsync("import", path, "--apply", "--lang", "fr");

        Assert.Equal(0, exit);
        Assert.Contains("Programme ptc-2022-2025 importé (version 2024-04) : 97 activités ; 0 ajoutée, 0 modifiée, 0 retirée.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_without_apply_shows_what_it_would_add_change_and_retire_and_writes_nothing()
    {
        var (_, exported, _) = await RunAsync("export", "--programme", SeedFile.PtcSlug);
        var file = JsonSerializer.Deserialize<ProgrammeFile>(exported, ProgrammeJson.Options)!;
        var path = await WriteAsync("next.json", file with
        {
            Version = new VersionDto("2024-10", null, "draft", file.Version!.Session),
            Activities = [file.Activities[0] with { Priority = "C" }, .. file.Activities.Skip(1)],
        });
        var before = await database.ContentHashAsync();

        var (exit, output, _) = await RunAsync("import", path, "--lang", "en");

        Assert.Equal(0, exit);
        Assert.Contains("added     \tI.1\t", output, StringComparison.Ordinal);
        Assert.Contains("Preview (nothing changed; --apply to apply): ptc-2022-2025 version 2024-10: 97 added, 0 changed, 0 retired.", output, StringComparison.Ordinal);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task Import_of_a_file_without_activities_never_empties_a_programme()
    {
        var (_, exported, _) = await RunAsync("export", "--programme", SeedFile.PtcSlug);
        var file = JsonSerializer.Deserialize<ProgrammeFile>(exported, ProgrammeJson.Options)!;
        var endorsed = await WriteAsync("empty.json", file with { Activities = [] });
        var draft = await WriteAsync("draft.json", file with { Version = new VersionDto("2024-10", null, "draft", file.Version!.Session) });
        var emptyDraft = await WriteAsync("empty-draft.json", file with { Version = new VersionDto("2024-10", null, "draft", file.Version!.Session), Activities = [] });
        var before = await database.ContentHashAsync();

        var intoEndorsed = await RunAsync("import", endorsed, "--apply", "--allow-retire", "--lang", "en");
        Assert.Equal(before, await database.ContentHashAsync());
        Assert.Equal(0, (await RunAsync("import", draft, "--apply")).Exit);
        var unconfirmed = await RunAsync("import", emptyDraft, "--apply", "--lang", "en");
        var preview = await RunAsync("import", emptyDraft, "--lang", "fr");
        var confirmed = await RunAsync("import", emptyDraft, "--apply", "--allow-retire", "--lang", "en");

        Assert.Equal(1, intoEndorsed.Exit);
        Assert.Contains("Version '2024-04' is endorsed: an import never changes it.", intoEndorsed.Error, StringComparison.Ordinal);
        Assert.Equal(1, unconfirmed.Exit);
        Assert.Contains("this file would retire 97 activities of version '2024-10'", unconfirmed.Error, StringComparison.Ordinal);
        Assert.Contains("Ce fichier retire 97 activités (plus de 3) : pour l’appliquer, ajoutez aussi --allow-retire.", preview.Output, StringComparison.Ordinal);
        Assert.Equal(0, confirmed.Exit);
        Assert.Contains("0 added, 0 changed, 97 retired.", confirmed.Output, StringComparison.Ordinal);
    }

    private async Task<string> WriteAsync(string name, ProgrammeFile file)
    {
        var path = Path.Combine(database.Folder, name);
        await using var stream = File.Create(path);
        await ProgrammeJson.WriteAsync(file, stream, CancellationToken.None);
        return path;
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
        Assert.StartsWith("ptc-2022-2025 (version 2024-04): 2 errors", lines[^1], StringComparison.Ordinal);
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
        // A file changes a draft only: the fixed rows as the next version.
        var path = await WriteAsync("fixed.json", fixedFile with { Version = new VersionDto("2024-10", null, "draft", file.Version!.Session) });

        Assert.Equal(0, (await RunAsync("import", path, "--apply")).Exit);
        var (exit, output, _) = await RunAsync("validate", "--programme", SeedFile.PtcSlug, "--lang", "fr");

        Assert.Equal(0, exit);
        Assert.Contains(": 0 erreur, ", output, StringComparison.Ordinal);
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
