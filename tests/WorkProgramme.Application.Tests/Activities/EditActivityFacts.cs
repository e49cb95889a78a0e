using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Writes;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Activities;

public sealed class EditActivityFacts : IAsyncLifetime
{
    private static readonly Viewer Alice = new("a", "alice@example.org", new HashSet<string> { Roles.Editor }, "CTP");
    private static readonly Viewer Bob = new("b", "bob@example.org", new HashSet<string> { Roles.Editor }, null);

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<(Guid Id, EditActivity.Current Current)> RowAsync(string section, int number)
    {
        var file = (await database.RunAsync<Features.Interchange.ExportProgramme.Handler, Features.Interchange.ProgrammeFile?>(h =>
            h.HandleAsync(new(Viewer.Operator, SeedFile.PtcSlug), CancellationToken.None)))!;
        var id = file.Activities.Single(a => a.Section == section && a.Number == number).Id!.Value;
        return (id, (await CurrentAsync(id))!);
    }

    private Task<EditActivity.Current?> CurrentAsync(Guid id) =>
        database.RunAsync<EditActivity.Handler, EditActivity.Current?>(h => h.CurrentAsync(Viewer.Operator, SeedFile.PtcSlug, id, CancellationToken.None));

    private Task<Result<Versioned<ActivityContent>>> EditAsync(Viewer who, Guid id, int? rowVersion, Func<ActivityContent, ActivityContent> change,
        IReadOnlyDictionary<string, Guid>? shownReferences = null) =>
        database.RunAsync<EditActivity.Handler, Result<Versioned<ActivityContent>>>(async h =>
        {
            var stored = (await database.RunAsync<Features.Programmes.ViewActivity.Handler, Features.Programmes.ViewActivity.Result?>(v =>
                v.HandleAsync(new(Viewer.Operator, SeedFile.PtcSlug, id), CancellationToken.None)))!.Row;
            var content = new ActivityContent
            {
                Section = stored.Section, Number = stored.Number, PreviousNumber = stored.PreviousNumber, Revision = stored.Revision,
                Priority = stored.Priority, LinkedToStrategicPlan = stored.LinkedToStrategicPlan,
                PlanCodes = stored.PlanElements.Select(p => p.Code).ToList(), TaskType = stored.TaskType?.Code,
                BodyCodes = stored.Bodies.Select(b => b.Code).ToList(), Title = stored.Title, Resources = stored.Resources,
                Kpi = stored.Kpi, Deadline = stored.Deadline,
            };
            return await h.HandleAsync(new EditActivity.Command(who, SeedFile.PtcSlug, id, rowVersion, change(content), ShownReferences: shownReferences),
                CancellationToken.None);
        });

    [Fact]
    public async Task Two_editors_race_and_the_second_gets_the_first_ones_change_instead_of_overwriting_it()
    {
        var (id, opened) = await RowAsync("time-bound", 1);

        var first = await EditAsync(Alice, id, opened.RowVersion, c => c with { Title = new BilingualText(c.Title.Fr, "Compile the annual updates") });
        var second = await EditAsync(Bob, id, opened.RowVersion, c => c with { Priority = Priority.C });

        Assert.Null(first.Failure);
        Assert.True(second.Failure is { Kind: FailureKind.Conflict, Stale: true });
        Assert.Equal("Compile the annual updates", second.Value!.Value.Title.En);
        Assert.Equal(StateVersion.Of(opened.RowVersion + 1), second.Value.Version);
        var stored = (await CurrentAsync(id))!.Activity;
        Assert.Equal(("B", "Compile the annual updates"), (stored.Priority, stored.Title!.En));
    }

    [Fact]
    public async Task An_edit_without_the_version_it_started_from_is_refused()
    {
        var (id, _) = await RowAsync("time-bound", 2);

        var outcome = await EditAsync(Alice, id, null, c => c with { Priority = Priority.C });

        Assert.Equal(FailureKind.PreconditionRequired, outcome.Failure?.Kind);
        Assert.Equal("A", (await CurrentAsync(id))!.Activity.Priority);
    }

    [Fact]
    public async Task Members_anonymous_users_and_editors_of_another_body_cannot_edit()
    {
        var (id, opened) = await RowAsync("time-bound", 2);
        var member = new Viewer("m", "m@example.org", new HashSet<string> { Roles.Member }, "CTP");
        var otherEditor = new Viewer("o", "o@example.org", new HashSet<string> { Roles.Editor }, "CRC");

        foreach (var who in new[] { member, Viewer.Anonymous, otherEditor })
        {
            Assert.Equal(FailureKind.Forbidden, (await EditAsync(who, id, opened.RowVersion, c => c with { Priority = Priority.C })).Failure?.Kind);
        }
    }

    [Fact]
    public async Task A_change_of_wording_marks_the_row_reworded_and_is_in_the_audit_trail()
    {
        var (id, opened) = await RowAsync("time-bound", 2);
        Assert.Equal("unchanged", opened.Activity.Revision);

        var outcome = await EditAsync(Alice, id, opened.RowVersion, c => c with { Kpi = new BilingualText(c.Kpi.Fr, "Both documents are adopted") });

        Assert.Null(outcome.Failure);
        Assert.Equal("reworded", (await CurrentAsync(id))!.Activity.Revision);
        var trail = await database.RunAsync<AuditTrail.Handler, AuditTrail.Result>(h => h.HandleAsync(new("Activity", id.ToString()), CancellationToken.None));
        Assert.Contains(trail.Rows, r => r.Field == "Kpi.En" && r.NewValue == "Both documents are adopted" && r.Actor == "wp (operator)");
        Assert.Contains(trail.Rows, r => r.Field == "Revision" && r.OldValue == "Unchanged" && r.NewValue == "Reworded");
    }

    private static ActivityFields FormOf(Features.Interchange.ActivityDto a, IReadOnlyList<string> otherBodies, IReadOnlyDictionary<string, string> roles) => new()
    {
        Priority = a.Priority,
        Linked = a.LinkedToStrategicPlan switch { true => "yes", false => "no", null => null },
        PlanCodes = a.StrategicPlan,
        TaskType = a.TaskType,
        LeadBody = a.Bodies[0],
        OtherBodies = otherBodies,
        Roles = roles,
        Title = new BilingualText(a.Title?.Fr, a.Title?.En),
        Resources = new BilingualText(a.Resources?.Fr, a.Resources?.En),
        Kpi = new BilingualText(a.Kpi?.Fr, a.Kpi?.En),
        Deadline = new BilingualText(a.Deadline?.Text?.Fr, a.Deadline?.Text?.En),
    };

    private Task<Result<Versioned<ActivityContent>>> SaveFormAsync(Guid id, int rowVersion, ActivityFields fields) =>
        database.RunAsync<EditActivity.Handler, Result<Versioned<ActivityContent>>>(h =>
            h.HandleAsync(new EditActivity.FormCommand(Alice, SeedFile.PtcSlug, id, rowVersion, fields), CancellationToken.None));

    [Fact]
    public async Task A_role_chosen_on_the_form_is_stored_and_the_roles_saved_unchanged_change_nothing()
    {
        var (id, opened) = await RowAsync("time-bound", 2);
        Assert.Null(opened.Activity.BodyRoles);
        var others = opened.Activity.Bodies.Skip(1).Append("EPMD").Distinct().ToList();
        // Every other body's select posts: EPMD chosen as a lead, the rest as their place has them.
        var roles = others.ToDictionary(code => code, code => code == "EPMD" ? "lead" : "place");

        var saved = await SaveFormAsync(id, opened.RowVersion, FormOf(opened.Activity, others, roles));

        Assert.Null(saved.Failure);
        var stored = (await CurrentAsync(id))!;
        Assert.Equal(new Dictionary<string, string> { ["EPMD"] = "lead" }, stored.Activity.BodyRoles);
        Assert.Equal(opened.RowVersion + 1, stored.RowVersion);
        var trail = await database.RunAsync<AuditTrail.Handler, AuditTrail.Result>(h => h.HandleAsync(new("Activity", id.ToString()), CancellationToken.None));
        Assert.Contains(trail.Rows, r => r.Field == "ChosenRoles" && r.NewValue == "[{\"Body\":\"EPMD\",\"Role\":\"Lead\"}]");

        // The same form saved again: nothing changes.
        var again = await SaveFormAsync(id, stored.RowVersion, FormOf(stored.Activity, others, roles));

        Assert.Null(again.Failure);
        Assert.Equal(stored.RowVersion, (await CurrentAsync(id))!.RowVersion);

        // Back to the role its place gives it: no role is stored any more.
        var back = await SaveFormAsync(id, stored.RowVersion, FormOf(stored.Activity, others, others.ToDictionary(code => code, _ => "place")));

        Assert.Null(back.Failure);
        Assert.Null((await CurrentAsync(id))!.Activity.BodyRoles);
    }

    [Fact]
    public async Task A_chosen_role_is_written_after_the_body_in_the_table_and_read_back_as_the_body()
    {
        var (id, opened) = await RowAsync("time-bound", 4);
        var others = opened.Activity.Bodies.Skip(1).Append("EPMD").Distinct().ToList();

        var saved = await SaveFormAsync(id, opened.RowVersion, FormOf(opened.Activity, others, new Dictionary<string, string> { ["EPMD"] = "lead" }));

        Assert.Null(saved.Failure);
        var view = (await database.RunAsync<Features.Programmes.ViewActivity.Handler, Features.Programmes.ViewActivity.Result?>(h =>
            h.HandleAsync(new(Viewer.Operator, SeedFile.PtcSlug, id), CancellationToken.None)))!;
        // The row the page, the Word annex and the workbook write.
        Assert.Equal(new BilingualText("EPMD (organe en charge)", "DMPT (lead body)"), view.Row.Bodies.Single(b => b.Code == "EPMD").Display);
        Assert.Equal(opened.Activity.Bodies[0], view.Row.Bodies[0].Display.Fr);
        Assert.Contains(("EPMD", BodyRole.Lead), view.BodyRoles);
        var book = new Features.OfficeTables.CodeBook(
            [("CTP", new BilingualText("CTP", "PTC")), ("EPMD", new BilingualText("EPMD", "DMPT"))], [], []);
        Assert.Equal(["CTP", "EPMD"], book.Bodies("PTC, DMPT (lead body)", unknown => Assert.Fail($"unknown body {unknown}")));
    }

    [Fact]
    public async Task A_role_the_place_already_gives_is_not_stored_as_a_choice()
    {
        var (id, opened) = await RowAsync("time-bound", 3);
        var others = opened.Activity.Bodies.Skip(1).Append("EPMD").Distinct().ToList();

        var saved = await SaveFormAsync(id, opened.RowVersion, FormOf(opened.Activity, others, others.ToDictionary(code => code, _ => "supporting")));

        Assert.Null(saved.Failure);
        var stored = (await CurrentAsync(id))!.Activity;
        Assert.Contains("EPMD", stored.Bodies);
        Assert.DoesNotContain("EPMD", stored.BodyRoles?.Keys ?? []);
    }

    [Fact]
    public async Task An_edit_that_breaks_a_rule_of_the_template_is_refused_with_the_rule()
    {
        var (id, opened) = await RowAsync("time-bound", 3);

        var unlinked = await EditAsync(Alice, id, opened.RowVersion, c => c with { LinkedToStrategicPlan = false });
        var unknownCode = await EditAsync(Alice, id, opened.RowVersion, c => c with { PlanCodes = ["PS9"] });

        Assert.Equal(FailureKind.Invalid, unlinked.Failure?.Kind);
        Assert.Contains("Strategic Plan", unlinked.Problems.Single().En, StringComparison.Ordinal);
        Assert.Contains("PS9", unknownCode.Problems.Single().Fr, StringComparison.Ordinal);
        Assert.Equal(opened.RowVersion, (await CurrentAsync(id))!.RowVersion);
    }

    [Fact]
    public async Task Retiring_keeps_the_row_as_deleted_and_renumbers_the_rest_of_the_section()
    {
        var (id, opened) = await RowAsync("time-bound", 40);
        var (next, _) = await RowAsync("time-bound", 41);

        var outcome = await database.RunAsync<RetireActivity.Handler, Result<Versioned<ActivityContent>>>(h =>
            h.HandleAsync(new RetireActivity.Command(Alice, SeedFile.PtcSlug, id, opened.RowVersion), CancellationToken.None));

        Assert.Null(outcome.Failure);
        var retired = (await CurrentAsync(id))!.Activity;
        Assert.Equal(("deleted", (int?)null), (retired.Revision, retired.Number));
        Assert.Equal(40, (await CurrentAsync(next))!.Activity.Number);
    }

    [Fact]
    public async Task Moving_gives_the_number_and_shifts_the_activities_between_by_one_place()
    {
        var (moved, opened) = await RowAsync("time-bound", 12);
        var (first, _) = await RowAsync("time-bound", 1);
        var (eleventh, _) = await RowAsync("time-bound", 11);
        var (thirteenth, _) = await RowAsync("time-bound", 13);
        Task<Result<Versioned<ActivityContent>>> MoveAsync(int? rowVersion, int to) => database.RunAsync<MoveActivity.Handler, Result<Versioned<ActivityContent>>>(h =>
            h.HandleAsync(new MoveActivity.Command(Alice, SeedFile.PtcSlug, moved, rowVersion, to), CancellationToken.None));

        var outOfRange = await MoveAsync(opened.RowVersion, 500);
        var stale = await MoveAsync(opened.RowVersion - 1, 1);
        var outcome = await MoveAsync(opened.RowVersion, 1);

        Assert.Equal(FailureKind.Invalid, outOfRange.Failure?.Kind);
        Assert.Contains("between 1 and", outOfRange.Problems.Single().En, StringComparison.Ordinal);
        Assert.True(stale.Failure is { Kind: FailureKind.Conflict, Stale: true });
        Assert.Null(outcome.Failure);
        Assert.Equal((1, 2, 12, 13), ((await CurrentAsync(moved))!.Activity.Number, (await CurrentAsync(first))!.Activity.Number,
            (await CurrentAsync(eleventh))!.Activity.Number, (await CurrentAsync(thirteenth))!.Activity.Number));
        var trail = await database.RunAsync<AuditTrail.Handler, AuditTrail.Result>(h =>
            h.HandleAsync(new AuditTrail.Query(EntityId: moved.ToString()), CancellationToken.None));
        Assert.Contains(trail.Rows, r => r.Field == "Number" && r.OldValue == "12" && r.NewValue == "1");
    }

    [Fact]
    public async Task A_new_activity_takes_the_next_number_of_its_section_and_is_marked_new()
    {
        var content = new ActivityContent
        {
            Section = Section.Permanent,
            Priority = Priority.B,
            LinkedToStrategicPlan = true,
            PlanCodes = ["PS2"],
            TaskType = "maintenance",
            BodyCodes = ["CTP", "Conseil"],
            Title = new BilingualText("Suivre la mise en œuvre du Guide", "Follow the implementation of the Guide"),
            Deadline = DeadlineParser.Parse(new BilingualText("Travail continu", "Continuous work")),
        };

        var outcome = await database.RunAsync<CreateActivity.Handler, Result<Guid>>(h =>
            h.HandleAsync(new CreateActivity.Command(Alice, SeedFile.PtcSlug, content), CancellationToken.None));
        var refused = await database.RunAsync<CreateActivity.Handler, Result<Guid>>(h =>
            h.HandleAsync(new CreateActivity.Command(Alice, SeedFile.PtcSlug, content with { Deadline = Deadline.None }), CancellationToken.None));

        Assert.Null(outcome.Failure);
        var created = (await CurrentAsync(outcome.Value))!.Activity;
        Assert.Equal(("permanent", 53, "new"), (created.Section, created.Number!.Value, created.Revision));
        Assert.Equal(FailureKind.Invalid, refused.Failure?.Kind);
        Assert.Contains("continuous work", refused.Problems.Single().En, StringComparison.Ordinal);
    }

    private Task<EditActivity.Current?> EditableAsync(Guid id) =>
        database.RunAsync<EditActivity.Handler, EditActivity.Current?>(h => h.EditableAsync(Viewer.Operator, SeedFile.PtcSlug, id, CancellationToken.None));

    [Fact]
    public async Task A_reference_typed_as_section_and_number_is_stored_by_id_and_shown_back_the_same_way()
    {
        var (target, _) = await RowAsync("permanent", 2);
        var (id, opened) = await RowAsync("permanent", 5);

        var outcome = await EditAsync(Alice, id, opened.RowVersion, c => c with { Kpi = new BilingualText("Voir l’activité [[II.2]].", "See activity [[II.2]].") });

        Assert.Null(outcome.Failure);
        Assert.Equal($"Voir l’activité {ActivityReferences.Token(target)}.", (await CurrentAsync(id))!.Activity.Kpi!.Fr);
        var editable = (await EditableAsync(id))!;
        Assert.Equal(("Voir l’activité [[II.2]].", "See activity [[II.2]]."), (editable.Activity.Kpi!.Fr, editable.Activity.Kpi.En));
        Assert.Equal(target, editable.ShownReferences["II.2"]);
    }

    [Fact]
    public async Task A_reference_keeps_the_activity_the_form_showed_when_the_section_is_renumbered_before_it_is_saved()
    {
        var (id, opened) = await RowAsync("permanent", 1);
        var (retiring, retiringOpened) = await RowAsync("permanent", 3);
        var (shownTarget, _) = await RowAsync("permanent", 5);
        await EditAsync(Alice, id, opened.RowVersion, c => c with { Kpi = new BilingualText("Voir [[II.5]].", "See [[II.5]].") });
        var form = (await EditableAsync(id))!;

        // Another editor retires II.3 meanwhile: the activity the form shows as II.5 is II.4 now (II.1 itself keeps its number).
        var retired = await database.RunAsync<RetireActivity.Handler, Result<Versioned<ActivityContent>>>(h =>
            h.HandleAsync(new RetireActivity.Command(Alice, SeedFile.PtcSlug, retiring, retiringOpened.RowVersion), CancellationToken.None));
        Assert.Null(retired.Failure);
        Assert.NotEqual(shownTarget, (await RowAsync("permanent", 5)).Id);

        var saved = await EditAsync(Alice, id, form.RowVersion, c => c with
        {
            Title = new BilingualText(c.Title.Fr + " (révisé)", c.Title.En),
            Kpi = new BilingualText("Voir [[II.5]].", "See [[II.5]]."),
        }, form.ShownReferences);

        Assert.Null(saved.Failure);
        Assert.Equal($"Voir {ActivityReferences.Token(shownTarget)}.", (await CurrentAsync(id))!.Activity.Kpi!.Fr);
        Assert.Equal("See [[II.4]].", (await EditableAsync(id))!.Activity.Kpi!.En);
    }

    [Fact]
    public async Task A_reference_to_a_number_no_activity_has_is_refused_in_both_languages_and_nothing_is_saved()
    {
        var (id, opened) = await RowAsync("permanent", 4);

        var outcome = await EditAsync(Alice, id, opened.RowVersion, c => c with { Kpi = new BilingualText("Voir [[II.99]].", c.Kpi.En) });

        Assert.Equal(FailureKind.Invalid, outcome.Failure?.Kind);
        var problem = Assert.Single(outcome.Problems);
        Assert.Contains("[[II.99]]", problem.Fr, StringComparison.Ordinal);
        Assert.Contains("n’existe pas dans la version", problem.Fr, StringComparison.Ordinal);
        Assert.Contains("not in the version", problem.En, StringComparison.Ordinal);
        Assert.Equal(opened.RowVersion, (await CurrentAsync(id))!.RowVersion);
    }
}
