using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Archive;
using WorkProgramme.Application.Features.Checks;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.Rules;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Archive;

/// <summary>
/// A tracked-changes document (its table as the reader gives it, built here: the input data) becomes two versions:
/// OLD and its revision NEW, rows paired as read, statuses as published reports, the archive's rule breaks kept.
/// </summary>
public sealed class ImportArchiveFacts : IAsyncLifetime
{
    private const string Slug = "ctp-archive-2022-2025";
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static TableRow Cells(Section section, int row, params (TableColumn Column, string Text)[] cells) =>
        new("Tableau", row, section, cells.ToDictionary(c => c.Column, c => c.Text));

    private static (TableColumn, string)[] Time(string number, string title, string status) =>
    [
        (TableColumn.Number, number), (TableColumn.Priority, "A"), (TableColumn.Link, "Oui"), (TableColumn.Activity, title),
        (TableColumn.StrategicPlan, "PS1"), (TableColumn.Body, "CTP"), (TableColumn.Deadline, "Juin 2024"), (TableColumn.Status, status),
    ];

    /// <summary>
    /// I.1 kept (its status changes), I.2 retired, I.3 renumbered 2, a new I.3, and II.1 reworded, not linked to the
    /// plan and dated: two of the template's rules broken, as the PTC's document breaks them.
    /// </summary>
    public static TrackedTable Table()
    {
        var permanentOld = new (TableColumn, string)[]
        {
            (TableColumn.Number, "1."), (TableColumn.Link, "Non"), (TableColumn.Activity, "Suivre les travaux"), (TableColumn.Body, "CTP"),
            (TableColumn.Deadline, "Juin 2024"),
        };
        var permanentNew = permanentOld.Select(c => c.Item1 == TableColumn.Activity ? (c.Item1, "Suivre les travaux de l’OMC") : c).ToArray();
        return new TrackedTable(Language.Fr,
        [
            new(Section.TimeBound, 3, RowReading.Kept, Cells(Section.TimeBound, 3, Time("1.", "Rédiger le guide", "En cours\nLe projet avance.")),
                Cells(Section.TimeBound, 3, Time("1.", "Rédiger le guide", "Achevé\nLe guide est publié.")), ExecutionLevel.Blue, ExecutionLevel.Green, null),
            new(Section.TimeBound, 4, RowReading.Retired, Cells(Section.TimeBound, 4, Time("2.", "Tenir l’atelier", "Reporté")), null,
                ExecutionLevel.Red, null, null),
            new(Section.TimeBound, 5, RowReading.Renumbered, Cells(Section.TimeBound, 5, Time("3.", "Publier l’étude", "En cours")),
                Cells(Section.TimeBound, 5, Time("2.", "Publier l’étude", "En cours")), ExecutionLevel.Blue, ExecutionLevel.Blue, null),
            new(Section.TimeBound, 6, RowReading.Added, null, Cells(Section.TimeBound, 6, Time("3.", "Nouvelle étude", "Pas encore commencé")),
                null, ExecutionLevel.Red, null),
            new(Section.Permanent, 8, RowReading.Kept, Cells(Section.Permanent, 8, permanentOld), Cells(Section.Permanent, 8, permanentNew), null, null,
                new BilingualText("Le numéro se lit de deux façons.", "The number reads two ways.")),
        ], [], new HashSet<TableColumn>(Enum.GetValues<TableColumn>()));
    }

    private static ImportArchive.Command Command(TrackedTable table, string? slug = Slug, bool apply = true, string old = "2023-10", string @new = "2024-04") =>
        new(Viewer.Operator, table, "archive.docx", slug, "CTP", "2022-2025", old, @new, "ctp-241-242", "ctp-243-244", null, "PC0756", Apply: apply);

    private Task<Result<ImportArchive.Outcome>> ImportAsync(ImportArchive.Command command) =>
        database.RunAsync<ImportArchive.Handler, Result<ImportArchive.Outcome>>(h => h.HandleAsync(command, CancellationToken.None));

    private Task<Programme?> ProgrammeAsync(string slug = Slug) => database.RunAsync<WorkProgrammeDb, Programme?>(db =>
        db.Programmes.AsNoTracking().Include(p => p.Versions).ThenInclude(v => v.Activities).SingleOrDefaultAsync(p => p.Slug == slug));

    [Fact]
    public async Task Creates_the_programme_with_the_old_version_and_its_revision_paired_row_by_row()
    {
        var imported = await ImportAsync(Command(Table()));

        Assert.True(imported.Succeeded, string.Join(" ", imported.Problems.Select(p => p.En)));
        Assert.True(imported.Value!.CreatesProgramme);
        var programme = (await ProgrammeAsync())!;
        var old = programme.Versions.Single(v => v.Label == "2023-10");
        var revision = programme.Versions.Single(v => v.Label == "2024-04");
        Assert.Equal((VersionState.Approved, "ctp-241-242", "ctp-241-242"), (old.State, old.EndorsedAt, old.ApprovedAt));
        Assert.Equal((VersionState.Endorsed, "ctp-243-244", "PC0756"), (revision.State, revision.EndorsedAt, revision.DocumentSymbol));
        Assert.Equal(["I.1 Rédiger le guide", "I.2 Tenir l’atelier", "I.3 Publier l’étude", "II.1 Suivre les travaux"],
            old.Activities.OrderBy(a => a.SortKey).Select(a => $"{ActivityLabel.Of(a)} {a.Title.Fr}"));
        Assert.All(old.Activities, a => Assert.Equal(RevisionKind.Unchanged, a.Revision));

        string Row(ActivityVersion a) => $"{a.Section}:{a.Number}:{a.PreviousNumber}:{a.Revision}:{a.Title.Fr}";
        Assert.Equal(
        [
            "TimeBound:1:1:Unchanged:Rédiger le guide", "TimeBound::2:Deleted:Tenir l’atelier", "TimeBound:2:3:Renumbered:Publier l’étude",
            "TimeBound:3::New:Nouvelle étude", "Permanent:1:1:Reworded:Suivre les travaux de l’OMC",
        ], revision.Activities.OrderBy(a => a.Position).Select(Row));
        var sameIds = old.Activities.Select(a => a.ActivityId).ToHashSet();
        Assert.Equal(4, revision.Activities.Count(a => sameIds.Contains(a.ActivityId)));
        Assert.Equal(
            ["I.1:Kept:1:1", "I.2:Retired:2:", "I.2:Renumbered:3:2", "I.3:Added::3", "II.1:Kept:1:1"],
            imported.Value.Rows.Select(r => $"{r.Label}:{r.Kind}:{r.OldNumber}:{r.NewNumber}"));
        Assert.Equal("The number reads two ways.", Assert.Single(imported.Value.Doubts).Doubt!.En);
    }

    [Fact]
    public async Task Each_versions_status_column_becomes_its_published_report_for_its_session_with_the_cells_colour()
    {
        await ImportAsync(Command(Table()));

        var programme = (await ProgrammeAsync())!;
        var ids = programme.Versions.Single(v => v.Label == "2024-04").Activities.ToDictionary(a => a.Title.Fr!, a => a.ActivityId);
        var reports = await database.RunAsync<WorkProgrammeDb, List<StatusReport>>(db =>
            db.StatusReports.AsNoTracking().Where(r => ids.Values.Contains(r.ActivityId)).ToListAsync());
        string Report(string title, string session) => reports.SingleOrDefault(r => r.ActivityId == ids[title] && r.SessionKey == session) is { } r
            ? $"{r.State}:{r.Keyword}:{r.ExecutionLevel}:{r.Narrative.Fr}" : "none";
        Assert.Equal("Published:Ongoing:Blue:Le projet avance.", Report("Rédiger le guide", "ctp-241-242"));
        Assert.Equal("Published:Completed:Green:Le guide est publié.", Report("Rédiger le guide", "ctp-243-244"));
        Assert.Equal("Published:Postponed:Red:", Report("Tenir l’atelier", "ctp-241-242"));
        Assert.Equal("none", Report("Tenir l’atelier", "ctp-243-244"));
        Assert.Equal("Published:NotStarted:Red:", Report("Nouvelle étude", "ctp-243-244"));
        Assert.Equal("none", Report("Nouvelle étude", "ctp-241-242"));
    }

    [Fact]
    public async Task Keeps_what_the_archive_says_against_the_templates_rules_and_the_checks_show_it()
    {
        var imported = await ImportAsync(Command(Table()));

        Assert.True(imported.Succeeded);
        var checks = await database.RunAsync<CheckProgramme.Handler, CheckProgramme.Result?>(h =>
            h.HandleAsync(new CheckProgramme.Query(Viewer.Operator, Slug, "2024-04"), CancellationToken.None));
        var permanent = checks!.Findings.Where(f => f.Reference == "II.1").Select(f => f.Violation.Rule).ToList();
        Assert.Contains(RuleCode.NotLinkedToStrategicPlan, permanent);
        Assert.Contains(RuleCode.PermanentNotContinuous, permanent);
    }

    [Fact]
    public async Task Audits_who_imported_which_file_into_which_versions()
    {
        await ImportAsync(Command(Table()));

        var audited = await database.RunAsync<WorkProgrammeDb, List<string>>(db => db.AuditEntries
            .Where(e => e.EntityType == "Programme" && e.EntityId == Slug && e.Field == ImportArchive.ImportedFrom)
            .Select(e => e.Actor + "|" + e.Context + "|" + e.NewValue).ToListAsync());
        var entry = Assert.Single(audited);
        Assert.EndsWith("|2023-10 → 2024-04|archive.docx", entry, StringComparison.Ordinal);
        Assert.False(entry.StartsWith('|'));
    }

    [Fact]
    public async Task A_preview_reads_every_row_and_writes_nothing()
    {
        var before = await database.ContentHashAsync();

        var preview = await ImportAsync(Command(Table(), apply: false));

        Assert.True(preview.Succeeded, string.Join(" ", preview.Problems.Select(p => p.En)));
        Assert.False(preview.Value!.Applied);
        Assert.Equal((2, 1, 1, 1), (preview.Value.Count(RowReading.Kept), preview.Value.Count(RowReading.Renumbered), preview.Value.Count(RowReading.Added),
            preview.Value.Count(RowReading.Retired)));
        Assert.NotNull(preview.Value.State);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task An_apply_after_the_programme_changed_since_the_preview_is_refused()
    {
        var preview = await ImportAsync(Command(Table(), SeedFile.PtcSlug, apply: false, "2026-01", "2026-06"));
        Assert.True(preview.Succeeded, string.Join(" ", preview.Problems.Select(p => p.En)));

        var stale = await ImportAsync(Command(Table(), SeedFile.PtcSlug, apply: true, "2026-01", "2026-06") with { ExpectedState = preview.Value!.State + "0" });

        Assert.Equal(FailureKind.Conflict, stale.Failure!.Kind);
        Assert.DoesNotContain((await ProgrammeAsync(SeedFile.PtcSlug))!.Versions, v => v.Label == "2026-01");
    }

    [Fact]
    public async Task Adds_the_two_versions_after_those_of_an_existing_programme()
    {
        var before = (await ProgrammeAsync(SeedFile.PtcSlug))!.Versions.Count;

        var imported = await ImportAsync(Command(Table(), SeedFile.PtcSlug, apply: true, "2026-01", "2026-06"));

        Assert.True(imported.Succeeded, string.Join(" ", imported.Problems.Select(p => p.En)));
        Assert.False(imported.Value!.CreatesProgramme);
        var versions = (await ProgrammeAsync(SeedFile.PtcSlug))!.Versions.OrderBy(v => v.Sequence).ToList();
        Assert.Equal(before + 2, versions.Count);
        Assert.Equal(["2026-01", "2026-06"], versions.TakeLast(2).Select(v => v.Label));
    }

    [Theory]
    [InlineData("CLF", "2022-2025", "body", "de l’organe CTP, non de l’organe CLF", "to the body PTC, not to EC")]
    [InlineData("CTP", "2025-2028", "period", "la période 2022-2025, pas « 2025-2028 »", "the period 2022-2025, not '2025-2028'")]
    [InlineData(null, "bientôt", "period", "la période 2022-2025, pas « bientôt »", "the period 2022-2025, not 'bientôt'")]
    public async Task Refuses_a_body_or_a_period_that_is_not_the_existing_programmes_in_words_and_writes_nothing(string? body, string period,
        string field, string fr, string en)
    {
        var before = await database.ContentHashAsync();

        var previewed = await ImportAsync(Command(Table(), SeedFile.PtcSlug, apply: false, "2026-01", "2026-06") with { BodyCode = body, Period = period });
        var imported = await ImportAsync(Command(Table(), SeedFile.PtcSlug, apply: true, "2026-01", "2026-06") with { BodyCode = body, Period = period });

        foreach (var result in new[] { previewed, imported })
        {
            Assert.Equal(FailureKind.Invalid, result.Failure!.Kind);
            var message = Assert.Single(result.Failure.Messages).Message;
            Assert.Equal(field, Assert.Single(result.Failure.Messages).Field);
            Assert.Contains(fr, message.Fr, StringComparison.Ordinal);
            Assert.Contains(en, message.En, StringComparison.Ordinal);
        }

        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", " ")]
    [InlineData(" CTP ", " 2022-2025 ")]
    public async Task Adds_the_versions_when_the_body_and_the_period_are_omitted_or_the_programmes_own(string? body, string? period)
    {
        var imported = await ImportAsync(Command(Table(), SeedFile.PtcSlug, apply: true, "2026-01", "2026-06") with { BodyCode = body, Period = period });

        Assert.True(imported.Succeeded, string.Join(" ", imported.Problems.Select(p => p.En)));
        Assert.Equal(["2026-01", "2026-06"], (await ProgrammeAsync(SeedFile.PtcSlug))!.Versions.OrderBy(v => v.Sequence).TakeLast(2).Select(v => v.Label));
    }

    [Fact]
    public async Task Refuses_to_add_versions_to_an_archived_programme_and_writes_nothing()
    {
        await database.RunAsync<WorkProgrammeDb, int>(db =>
            db.Programmes.Where(p => p.Slug == SeedFile.PtcSlug).ExecuteUpdateAsync(set => set.SetProperty(p => p.IsArchived, true)));
        var before = await database.ContentHashAsync();

        var imported = await ImportAsync(Command(Table(), SeedFile.PtcSlug, apply: true, "2026-01", "2026-06"));

        Assert.Equal(FailureKind.Conflict, imported.Failure?.Kind);
        Assert.Contains(imported.Problems, p => p.En!.Contains("no longer changes", StringComparison.Ordinal));
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task Refuses_a_label_the_programme_already_has_in_words_and_writes_nothing()
    {
        var before = await database.ContentHashAsync();

        var imported = await ImportAsync(Command(Table(), SeedFile.PtcSlug, apply: true, SeedFile.PtcPreviousLabel, "2026-06"));

        Assert.Equal(FailureKind.Invalid, imported.Failure!.Kind);
        var message = Assert.Single(imported.Failure.Messages, m => m.Field == "old").Message;
        Assert.Contains(SeedFile.PtcPreviousLabel, message.Fr, StringComparison.Ordinal);
        Assert.Contains(SeedFile.PtcPreviousLabel, message.En, StringComparison.Ordinal);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task Refuses_a_document_without_a_programme_table_and_what_the_reader_found_wrong()
    {
        var empty = await ImportAsync(Command(new TrackedTable(Language.Fr, [], [], new HashSet<TableColumn>())));
        var unreadable = await ImportAsync(Command(new TrackedTable(Language.Fr, [], [TableProblem.File("Illisible.", "Unreadable.")], new HashSet<TableColumn>())));

        Assert.Contains("not a programme table", Assert.Single(empty.Value!.Problems).Message.En, StringComparison.Ordinal);
        Assert.Equal("Unreadable.", Assert.Single(unreadable.Value!.Problems).Message.En);
        Assert.Null(await ProgrammeAsync());
    }

    [Fact]
    public async Task Refuses_cells_it_cannot_store_row_by_row_and_writes_nothing()
    {
        var table = Table();
        var row = table.Rows[0];
        var cells = row.New!.Cells.ToDictionary(c => c.Key, c => c.Value);
        cells[TableColumn.Body] = "Comité inconnu";
        table = table with { Rows = [row with { New = row.New with { Cells = cells } }, .. table.Rows.Skip(1)] };

        var imported = await ImportAsync(Command(table));

        var problem = Assert.Single(imported.Value!.Problems);
        Assert.Equal((3, TableColumn.Body), (problem.Row, problem.Column));
        Assert.Contains("Comité inconnu", problem.Message.En, StringComparison.Ordinal);
        Assert.Null(await ProgrammeAsync());
    }

    [Theory]
    [InlineData("", "2024-04", "ctp-241-242", "old")]
    [InlineData("2024-04", "2024-04", "ctp-241-242", "new")]
    [InlineData("2023-10", "2024-04", "nope", "session")]
    [InlineData("2023-10", "2024-04", "", "session")]
    public async Task Refuses_wrong_arguments_field_by_field_in_both_languages(string old, string @new, string oldSession, string field)
    {
        var imported = await ImportAsync(Command(Table(), old: old, @new: @new) with { OldSession = oldSession });

        Assert.Equal(FailureKind.Invalid, imported.Failure!.Kind);
        var message = Assert.Single(imported.Failure.Messages, m => m.Field == field).Message;
        Assert.NotEqual(message.Fr, message.En);
        Assert.Null(await ProgrammeAsync());
    }

    [Fact]
    public async Task Only_administrators_create_a_programme_from_the_archive()
    {
        var editor = new Viewer("u1", "editor@example.org", new HashSet<string> { Roles.Editor }, "CTP");

        var imported = await ImportAsync(Command(Table()) with { Viewer = editor });

        Assert.Equal(FailureKind.Forbidden, imported.Failure!.Kind);
        Assert.Null(await ProgrammeAsync());
    }
}
