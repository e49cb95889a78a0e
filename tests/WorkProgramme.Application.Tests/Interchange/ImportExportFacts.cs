using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Interchange;

public sealed class ImportExportFacts
{
    private static Task<ProgrammeFile?> ExportAsync(TestDatabase database, string? version = null) =>
        database.RunAsync<ExportProgramme.Handler, ProgrammeFile?>(h => h.HandleAsync(new(Viewer.Operator, SeedFile.PtcSlug, version), CancellationToken.None));

    private static Task<ImportProgramme.Outcome> ImportAsync(TestDatabase database, ProgrammeFile file) =>
        database.RunAsync<ImportProgramme.Handler, ImportProgramme.Outcome>(h => h.HandleAsync(new(file), CancellationToken.None));

    private static Task<ImportProgramme.Outcome> ImportAsync(TestDatabase database, ProgrammeFile file, bool apply, bool allowRetire = false) =>
        database.RunAsync<ImportProgramme.Handler, ImportProgramme.Outcome>(h => h.HandleAsync(new(file, apply, allowRetire), CancellationToken.None));

    /// <summary>The shipped programme's next version as a draft (2024-10): what a file may change; returns its file.</summary>
    private static async Task<ProgrammeFile> DraftAsync(TestDatabase database)
    {
        var file = (await ExportAsync(database))!;
        var draft = file with { Version = new VersionDto("2024-10", null, "draft", file.Version!.Session) };
        var outcome = await ImportAsync(database, draft);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        return (await ExportAsync(database, "2024-10"))!;
    }

    private static async Task<string> JsonOf(ProgrammeFile file)
    {
        await using var stream = new MemoryStream();
        await ProgrammeJson.WriteAsync(file, stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task A_first_start_loads_the_shipped_file_exactly()
    {
        await using var database = await TestDatabase.CreateAsync();

        var exported = await ExportAsync(database);

        Assert.Equal(await JsonOf(await SeedFile.ReadPtcAsync()), await JsonOf(exported!));
    }

    [Fact]
    public async Task Export_then_import_into_an_empty_database_gives_back_the_same_data()
    {
        await using var source = await TestDatabase.CreateAsync();
        await using var target = await TestDatabase.CreateAsync(seed: false);
        var exported = await ExportAsync(source);

        var outcome = await ImportAsync(target, exported!);

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        Assert.Equal(await JsonOf(exported!), await JsonOf((await ExportAsync(target))!));
    }

    [Fact]
    public async Task Importing_what_is_already_there_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var before = await database.ContentHashAsync();

        var outcome = await ImportAsync(database, (await ExportAsync(database))!);

        Assert.True(outcome.Succeeded);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task A_changed_row_is_updated_in_place_keeping_its_identity()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = await DraftAsync(database);
        var first = file.Activities[0];
        var changed = file with
        {
            Activities = [first with { Priority = "C", Title = new TextPair("Nouvel intitulé", "New title") }, .. file.Activities.Skip(1)],
        };

        var outcome = await ImportAsync(database, changed);

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        var after = (await ExportAsync(database))!.Activities[0];
        Assert.Equal((first.Id, "C", "New title"), (after.Id, after.Priority, after.Title!.En));
    }

    [Fact]
    public async Task A_bad_file_is_refused_whole_with_every_problem_named_by_row_and_field()
    {
        await using var database = await TestDatabase.CreateAsync();
        var before = await database.ContentHashAsync();
        var file = (await ExportAsync(database))!;
        var broken = file with
        {
            Activities =
            [
                file.Activities[0] with { Priority = "Z", Title = new TextPair("Changé", null) },
                file.Activities[1] with { TaskType = "gardening" },
                file.Activities[2] with { Bodies = ["CTP", "NOPE"] },
                .. file.Activities.Skip(3),
            ],
        };

        var outcome = await ImportAsync(database, broken);

        Assert.False(outcome.Succeeded);
        Assert.Collection(outcome.Problems,
            p => Assert.Equal("activities[0] (time-bound 1) › priority", p.Location),
            p => Assert.Equal("activities[1] (time-bound 2) › taskType", p.Location),
            p => Assert.Equal("activities[2] (time-bound 3) › bodies", p.Location));
        Assert.Contains("expected: A, B, C", outcome.Problems[0].Message.En, StringComparison.Ordinal);
        Assert.Contains("« gardening »", outcome.Problems[1].Message.Fr, StringComparison.Ordinal);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task A_domain_rule_broken_deep_in_the_file_rolls_everything_back()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = await DraftAsync(database);
        var before = await database.ContentHashAsync();
        var last = file.Activities[^1];
        var broken = file with
        {
            Title = new TextPair("Titre modifié", "Changed title"),
            Activities = [.. file.Activities.SkipLast(1), last with { Revision = "deleted" }],
        };

        var outcome = await ImportAsync(database, broken);

        var problem = Assert.Single(outcome.Problems);
        Assert.StartsWith("activities[96]", problem.Location, StringComparison.Ordinal);
        Assert.Contains("no longer has a number", problem.Message.En, StringComparison.Ordinal);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task Duplicate_ids_and_unknown_sessions_are_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var before = await database.ContentHashAsync();
        var file = (await ExportAsync(database))!;
        var broken = file with
        {
            Version = file.Version! with { Session = "ctp-999" },
            Activities = [file.Activities[0], file.Activities[1] with { Id = file.Activities[0].Id }, .. file.Activities.Skip(2)],
        };

        var outcome = await ImportAsync(database, broken);

        Assert.Contains(outcome.Problems, p => p.Location == "version › session");
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task Control_and_bidi_characters_in_imported_texts_are_refused_naming_the_row_field_and_character()
    {
        await using var database = await TestDatabase.CreateAsync();
        var before = await database.ContentHashAsync();
        var file = (await ExportAsync(database))!;
        var broken = file with
        {
            Activities =
            [
                file.Activities[0] with { Title = new TextPair("Titre\u0000caché", null) },
                file.Activities[1] with { Kpi = new TextPair(null, "KPI \u202Etxt.exe") },
                file.Activities[2] with { Resources = new TextPair(new string('x', 1001), null) },
                .. file.Activities.Skip(3),
            ],
        };

        var outcome = await ImportAsync(database, broken);

        Assert.Collection(outcome.Problems,
            p => Assert.Contains("title (in French) contains a control character (U+0000) at position 6", p.Message.En, StringComparison.Ordinal),
            p => Assert.Contains("performance indicator (in English) contains a character that reverses the reading direction (U+202E)",
                p.Message.En, StringComparison.Ordinal),
            p => Assert.Contains("au plus 1000 caractères (1001 reçus)", p.Message.Fr, StringComparison.Ordinal));
        Assert.Equal(["activities[0] (time-bound 1)", "activities[1] (time-bound 2)", "activities[2] (time-bound 3)"],
            outcome.Problems.Select(p => p.Location));
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Theory]
    [InlineData("{ \"period\": { \"start\": \"2022\", \"end\": 2025 } }", "$.period.start")]
    [InlineData("{ \"slug\": \"a\", \"slug\": \"b\" }", "not a valid programme")]
    [InlineData("{ \"slug\": ", "line 1")]
    [InlineData("[1, 2, 3]", "not a valid programme")]
    [InlineData("{ \"slug\": \"x\", \"activities\": [ { \"number\": \"twelve\" } ] }", "$.activities[0].number")]
    public async Task Malformed_json_gets_a_message_with_where_it_broke(string json, string expected)
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var (file, problems) = await ProgrammeJson.ReadAsync(stream, CancellationToken.None);

        Assert.Null(file);
        Assert.Contains(expected, Assert.Single(problems).Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_without_programme_fields_lists_what_is_missing()
    {
        await using var database = await TestDatabase.CreateAsync(seed: false);
        var file = JsonSerializer.Deserialize<ProgrammeFile>("{\"format\":\"workprogramme/1\"}", ProgrammeJson.Options)!;

        var outcome = await ImportAsync(database, file);

        Assert.Equal(["programme › slug", "programme › title", "programme › period", "programme › version", "programme › body"],
            outcome.Problems.Select(p => p.Location));
    }

    [Fact]
    public async Task An_approved_version_cannot_be_changed_by_an_import()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = (await ExportAsync(database))!;
        Assert.True((await ImportAsync(database, file with { Version = file.Version! with { State = "approved" } })).Succeeded);
        var before = await database.ContentHashAsync();

        var outcome = await ImportAsync(database, file with
        {
            Version = file.Version! with { State = "approved" },
            Activities = [file.Activities[0] with { Priority = "C" }, .. file.Activities.Skip(1)],
        });

        Assert.Contains(outcome.Problems, p => p.Message.En!.Contains("approved", StringComparison.Ordinal));
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task An_imported_version_reaches_its_state_through_the_guarded_endorsement_and_approval()
    {
        await using var database = await TestDatabase.CreateAsync();

        var versions = await database.RunAsync<WorkProgrammeDb, List<ProgrammeVersion>>(db => db.ProgrammeVersions.AsNoTracking().OrderBy(v => v.Sequence).ToListAsync());

        Assert.Equal(
            [("2023-10", VersionState.Approved, "ctp-241-242", "ctp-241-242"), ("2024-04", VersionState.Endorsed, "ctp-243-244", null)],
            versions.Select(v => (v.Label, v.State, v.EndorsedAt, v.ApprovedAt)));
    }

    [Fact]
    public async Task A_file_that_says_approved_without_the_session_that_adopted_it_is_refused_by_the_guarded_step()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = (await ExportAsync(database))!;
        var before = await database.ContentHashAsync();

        var outcome = await ImportAsync(database, file with { Version = new VersionDto("2099-01", null, "approved", null) });

        Assert.Contains(outcome.Problems, p => p.Message.En!.Contains("Give the session that endorsed the version.", StringComparison.Ordinal));
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task A_file_never_takes_a_version_back_to_an_earlier_state()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = (await ExportAsync(database))!;

        var outcome = await ImportAsync(database, file with { Version = file.Version! with { State = "draft" } });

        Assert.Contains(outcome.Problems, p => p.Message.En!.Contains("does not go back to draft", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_import_without_apply_lists_what_it_would_add_change_and_retire_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = await DraftAsync(database);
        var before = await database.ContentHashAsync();
        var first = file.Activities[0];
        var changed = file with
        {
            Activities = [first with { Priority = "C" }, .. file.Activities.Skip(1).SkipLast(2),
                file.Activities[^1] with { Id = Guid.NewGuid(), Number = 99, PreviousNumber = null, Revision = "new" }],
        };

        var preview = await ImportAsync(database, changed, apply: false);

        Assert.True(preview.Succeeded, string.Join("; ", preview.Problems));
        Assert.False(preview.Applied);
        Assert.Equal((1, 1, 2), (preview.Count(ImportProgramme.ChangeKind.Added), preview.Count(ImportProgramme.ChangeKind.Changed),
            preview.Count(ImportProgramme.ChangeKind.Retired)));
        Assert.Contains(preview.Changes!, c => c.Kind == ImportProgramme.ChangeKind.Changed && c.Label == "I.1");
        Assert.Equal(before, await database.ContentHashAsync());

        var applied = await ImportAsync(database, changed, apply: true);
        Assert.True(applied.Applied);
        Assert.Equal("C", (await ExportAsync(database, "2024-10"))!.Activities[0].Priority);
    }

    [Fact]
    public async Task A_file_that_takes_every_activity_out_of_a_draft_needs_allow_retire_and_says_how_many()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = await DraftAsync(database);
        var before = await database.ContentHashAsync();
        var empty = file with { Activities = [] };

        var refused = await ImportAsync(database, empty, apply: true);
        var preview = await ImportAsync(database, empty, apply: false);

        var problem = Assert.Single(refused.Problems);
        Assert.Contains($"would retire {file.Activities.Count} activities of version '2024-10'", problem.Message.En, StringComparison.Ordinal);
        Assert.Contains("--allow-retire", problem.Message.Fr, StringComparison.Ordinal);
        Assert.True(preview.RetireNeedsConfirmation);
        Assert.Equal(file.Activities.Count, preview.Count(ImportProgramme.ChangeKind.Retired));
        Assert.Equal(before, await database.ContentHashAsync());

        var confirmed = await ImportAsync(database, empty, apply: true, allowRetire: true);
        Assert.True(confirmed.Applied, string.Join("; ", confirmed.Problems));
        Assert.Empty((await ExportAsync(database, "2024-10"))!.Activities);
    }

    [Fact]
    public async Task An_endorsed_version_is_never_changed_by_an_import_even_with_allow_retire()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = (await ExportAsync(database))!;
        var before = await database.ContentHashAsync();

        var emptied = await ImportAsync(database, file with { Activities = [] }, apply: true, allowRetire: true);
        var three = await ImportAsync(database, file with { Activities = [.. file.Activities.Take(3)] }, apply: true, allowRetire: true);
        var reworded = await ImportAsync(database, file with { Activities = [file.Activities[0] with { Priority = "C" }, .. file.Activities.Skip(1)] }, apply: true);
        var same = await ImportAsync(database, file, apply: true);

        Assert.All([emptied, three, reworded], outcome =>
            Assert.Contains(outcome.Problems, p => p.Message.En!.Contains("Version '2024-04' is endorsed: an import never changes it", StringComparison.Ordinal)));
        Assert.True(same.Succeeded);
        Assert.Equal(before, await database.ContentHashAsync());
    }
}
