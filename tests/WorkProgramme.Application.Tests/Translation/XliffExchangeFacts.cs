using System.Text;
using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Features.Translation;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Documents.Translation;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Translation;

public sealed class XliffExchangeFacts : IAsyncLifetime
{
    private static readonly Viewer Alice = new("a", "alice@example.org", new HashSet<string> { Roles.Editor }, "CTP");

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<ExportTranslation.Export> ExportAsync(Language to = Language.En, string? version = null, bool all = false) =>
        (await database.RunAsync<ExportTranslation.Handler, ExportTranslation.Export?>(h =>
            h.HandleAsync(new(Alice, SeedFile.PtcSlug, to, version, All: all), CancellationToken.None)))!;

    /// <summary>The file as the translation service sends it back: every unit (or those <paramref name="which"/> picks) translated.</summary>
    private static XliffRead Translated(XliffFile file, Func<XliffUnit, bool>? which = null, Func<string, string>? translate = null, Action<StringBuilder>? tamper = null)
    {
        var units = file.Units.Select(u => which is null || which(u)
            ? u with { Target = (translate ?? (s => "EN " + s))(u.Source), State = UnitState.Translated }
            : u).ToList();
        using var stream = new MemoryStream();
        Xliff.Write(stream, [file with { Units = units }]);
        var xml = new StringBuilder(Encoding.UTF8.GetString(stream.ToArray()));
        tamper?.Invoke(xml);
        return Xliff.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml.ToString())));
    }

    private async Task<Result<ImportTranslation.Outcome>> ImportAsync(XliffRead file, bool apply = false, string? state = null, string slug = SeedFile.PtcSlug)
    {
        if (apply && state is null)
        {
            var preview = await ImportAsync(file, slug: slug);
            state = preview.Value?.State;
        }

        return await database.RunAsync<ImportTranslation.Handler, Result<ImportTranslation.Outcome>>(h =>
            h.HandleAsync(new(Alice, slug, file, apply, state), CancellationToken.None));
    }

    private Task<ActivityRowView> RowAsync(Guid id) =>
        database.RunAsync<ViewActivity.Handler, ActivityRowView>(async h =>
            (await h.HandleAsync(new(Viewer.Operator, SeedFile.PtcSlug, id), CancellationToken.None))!.Row);

    private static Guid ActivityOf(string unitId) => Guid.Parse(unitId.Split('/')[unitId.StartsWith("report/", StringComparison.Ordinal) ? 2 : 1]);

    private async Task EditFrenchTitleAsync(Guid id, string suffix)
    {
        var row = await RowAsync(id);
        var content = new ActivityContent
        {
            Section = row.Section, Number = row.Number, PreviousNumber = row.PreviousNumber, Revision = row.Revision,
            Priority = row.Priority, LinkedToStrategicPlan = row.LinkedToStrategicPlan,
            PlanCodes = row.PlanElements.Select(p => p.Code).ToList(), TaskType = row.TaskType?.Code,
            BodyCodes = row.Bodies.Select(b => b.Code).ToList(), Title = new BilingualText(row.Title.Fr + suffix, row.Title.En), Resources = row.Resources,
            Kpi = row.Kpi, Deadline = row.Deadline,
        };
        var saved = await database.RunAsync<EditActivity.Handler, Result<Versioned<ActivityContent>>>(h =>
            h.HandleAsync(new EditActivity.Command(Alice, SeedFile.PtcSlug, id, row.RowVersion, content), CancellationToken.None));
        Assert.Null(saved.Failure);
    }

    [Fact]
    public async Task The_export_holds_every_text_without_English_and_a_full_round_trip_leaves_none()
    {
        var export = await ExportAsync();

        Assert.Equal("ptc-2022-2025/2024-04", export.File.Original);
        Assert.True(export.Units > 300);
        Assert.All(export.File.Units, u => Assert.Equal((UnitState.NeedsTranslation, (string?)null), (u.State, u.Target)));
        Assert.Contains(export.File.Units, u => u.Id.EndsWith("/narrative", StringComparison.Ordinal));
        Assert.Contains(export.File.Units, u => ActivityReferences.HasAny(u.Source));

        var applied = await ImportAsync(Translated(export.File), apply: true);

        Assert.Null(applied.Failure);
        Assert.True(applied.Value!.Applied);
        Assert.Equal(export.Units, applied.Value.Count(ImportTranslation.UnitOutcome.Applied));
        Assert.Equal(0, (await ExportAsync()).Units);
        var first = ActivityOf(export.File.Units[0].Id);
        Assert.StartsWith("EN ", (await RowAsync(first)).Title.En, StringComparison.Ordinal);
        var trail = await database.RunAsync<AuditTrail.Handler, AuditTrail.Result>(h => h.HandleAsync(new("Activity", first.ToString()), CancellationToken.None));
        Assert.Contains(trail.Rows, r => r.Field.StartsWith("Title", StringComparison.Ordinal) && r.NewValue is not null && r.NewValue.Contains("EN ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reference_comes_back_as_the_same_activity_whatever_the_translator_wrote_around_it()
    {
        var export = await ExportAsync();
        var unit = export.File.Units.First(u => ActivityReferences.HasAny(u.Source));

        var applied = await ImportAsync(Translated(export.File, u => u.Id == unit.Id, s => "See " + s), apply: true);

        Assert.Equal(1, applied.Value!.Count(ImportTranslation.UnitOutcome.Applied));
        var preview = await ImportAsync(Translated((await ExportAsync(all: true)).File, u => u.Id == unit.Id, s => "See " + s));
        Assert.Equal(ImportTranslation.UnitOutcome.Unchanged, preview.Value!.Units.Single(u => u.Id == unit.Id).Outcome);
    }

    [Fact]
    public async Task A_unit_whose_French_changed_since_the_export_is_stale_with_both_sources_and_not_applied()
    {
        var export = await ExportAsync();
        var unit = export.File.Units.First(u => u.Id.EndsWith("/title", StringComparison.Ordinal));
        await EditFrenchTitleAsync(ActivityOf(unit.Id), " (révisé)");

        var applied = await ImportAsync(Translated(export.File, u => u.Id == unit.Id), apply: true);

        var result = applied.Value!.Units.Single(u => u.Id == unit.Id);
        Assert.Equal(ImportTranslation.UnitOutcome.Stale, result.Outcome);
        Assert.Equal((unit.Source, unit.Source + " (révisé)"), (result.FileSource, result.CurrentSource));
        Assert.Null((await RowAsync(ActivityOf(unit.Id))).Title.En);
    }

    [Fact]
    public async Task An_outdated_translation_is_exported_with_its_current_target_and_importing_a_new_one_clears_the_drift_mark()
    {
        var withEnglish = (await ExportAsync(all: true)).File.Units.First(u => u.Id.EndsWith("/title", StringComparison.Ordinal) && u.Target is not null);
        var id = ActivityOf(withEnglish.Id);
        await EditFrenchTitleAsync(id, " (révisé)");

        var export = await ExportAsync();

        var unit = Assert.Single(export.File.Units, u => u.Id == withEnglish.Id);
        Assert.Equal((UnitState.NeedsReviewTranslation, withEnglish.Target), (unit.State, unit.Target));
        await ImportAsync(Translated(export.File, u => u.Id == unit.Id, _ => "Revised title"), apply: true);
        var row = await RowAsync(id);
        Assert.Equal("Revised title", row.Title.En);
        Assert.Empty(row.OutdatedTranslations ?? []);
    }

    [Fact]
    public async Task A_published_report_takes_its_missing_English_but_keeps_the_English_it_was_given()
    {
        var export = await ExportAsync();
        var narrative = export.File.Units.First(u => u.Id.EndsWith("/narrative", StringComparison.Ordinal));
        await ImportAsync(Translated(export.File, u => u.Id == narrative.Id), apply: true);

        var again = await ImportAsync(Translated((await ExportAsync(all: true)).File, u => u.Id == narrative.Id, _ => "Another English"), apply: true);

        var refused = again.Value!.Units.Single(u => u.Id == narrative.Id);
        Assert.Equal(ImportTranslation.UnitOutcome.Refused, refused.Outcome);
        Assert.Contains("published", refused.Reason!.En, StringComparison.Ordinal);
        Assert.Equal(0, again.Value.Count(ImportTranslation.UnitOutcome.Applied));
    }

    [Fact]
    public async Task The_approved_version_takes_a_translation_where_it_had_none()
    {
        var export = await ExportAsync(version: SeedFile.PtcPreviousLabel);
        Assert.Equal($"ptc-2022-2025/{SeedFile.PtcPreviousLabel}", export.File.Original);

        var applied = await ImportAsync(Translated(export.File), apply: true);

        Assert.Equal(export.Units, applied.Value!.Count(ImportTranslation.UnitOutcome.Applied));
        Assert.Equal(0, (await ExportAsync(version: SeedFile.PtcPreviousLabel)).Units);
    }

    [Fact]
    public async Task Unknown_ids_and_broken_placeholders_are_refused_unit_by_unit_in_words()
    {
        var export = await ExportAsync();
        var withReference = export.File.Units.First(u => ActivityReferences.HasAny(u.Source));
        var units = export.File.Units.Take(2).Append(withReference).ToList();
        var file = Translated(export.File with { Units = units }, tamper: xml =>
        {
            xml.Replace($"id=\"{units[0].Id}\"", "id=\"activity/00000000-0000-0000-0000-000000000001/title\"");
            // The last placeholder of the file is in the last unit's target: the translator's tool renumbered it.
            var last = xml.ToString().LastIndexOf("<x id=\"1\"", StringComparison.Ordinal);
            xml.Replace("<x id=\"1\"", "<x id=\"9\"", last, "<x id=\"1\"".Length);
        });

        var preview = await ImportAsync(file);

        Assert.Equal(
            [ImportTranslation.UnitOutcome.Refused, ImportTranslation.UnitOutcome.Applied, ImportTranslation.UnitOutcome.Refused],
            preview.Value!.Units.Select(u => u.Outcome));
        Assert.Contains("names no text", preview.Value.Units[0].Reason!.En, StringComparison.Ordinal);
        Assert.Contains("did not come back intact", preview.Value.Units[2].Reason!.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("original=\"ptc-2022-2025/", "original=\"hsc-2022-2025/", "another programme")]
    [InlineData("target-language=\"en\"", "target-language=\"de\"", "target language")]
    [InlineData("source-language=\"fr\"", "source-language=\"en\"", "target language")]
    [InlineData("/2024-04\"", "/1999-01\"", "no version")]
    public async Task A_file_for_another_programme_language_or_version_is_refused_whole(string from, string to, string expected)
    {
        var export = await ExportAsync();

        var refused = await ImportAsync(Translated(export.File, tamper: xml => xml.Replace(from, to)), apply: true, state: "x");

        Assert.Equal(FailureKind.Invalid, refused.Failure!.Kind);
        Assert.Contains(expected, refused.Failure.Problems.Single().En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_apply_after_the_programme_changed_since_the_preview_is_refused_and_changes_nothing()
    {
        var export = await ExportAsync();
        var file = Translated(export.File);
        var preview = await ImportAsync(file);
        await EditFrenchTitleAsync(ActivityOf(export.File.Units.Last(u => u.Id.EndsWith("/title", StringComparison.Ordinal)).Id), " (révisé)");

        var applied = await ImportAsync(file, apply: true, state: preview.Value!.State);

        Assert.True(applied.Failure is { Kind: FailureKind.Conflict, Stale: true });
        Assert.Null((await RowAsync(ActivityOf(export.File.Units[0].Id))).Title.En);
    }

    [Fact]
    public async Task An_editor_of_another_body_may_not_import()
    {
        var export = await ExportAsync();
        var bob = new Viewer("b", "bob@example.org", new HashSet<string> { Roles.Editor }, "CSH");

        var refused = await database.RunAsync<ImportTranslation.Handler, Result<ImportTranslation.Outcome>>(h =>
            h.HandleAsync(new(bob, SeedFile.PtcSlug, Translated(export.File), Apply: false), CancellationToken.None));

        Assert.Equal(FailureKind.Forbidden, refused.Failure!.Kind);
    }

    [Fact]
    public async Task Last_sessions_English_comes_with_the_export_as_exact_and_near_matches_from_the_memory()
    {
        var previous = await ExportAsync(version: SeedFile.PtcPreviousLabel);
        await ImportAsync(Translated(previous.File), apply: true);

        var export = await ExportAsync();

        var exact = export.File.Units.First(u => previous.File.Units.Any(p => p.Source == u.Source));
        Assert.Equal((100, "EN " + exact.Source), (exact.Matches[0].Score, exact.Matches[0].Target));
        Assert.Contains(export.File.Units, u => u.Matches.Count > 0 && u.Matches[0].Score is >= MemoryMatcher.MinimumScore and < 100);
    }
}
