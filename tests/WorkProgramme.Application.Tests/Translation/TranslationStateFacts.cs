using System.Text;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Features.Checks;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Features.Translation;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Documents.Translation;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Translation;

/// <summary>
/// The translation state (docs/decisions/0048): counts from the export's own notion of a text needing translation, drift
/// marks on report texts and "translation checked", a published report's added language.
/// </summary>
public sealed class TranslationStateFacts : IAsyncLifetime
{
    private static readonly Viewer Alice = new("a", "alice@example.org", new HashSet<string> { Roles.Editor }, "CTP");

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<ExportTranslation.Export> ExportAsync(Language to = Language.En) =>
        (await database.RunAsync<ExportTranslation.Handler, ExportTranslation.Export?>(h =>
            h.HandleAsync(new(Alice, SeedFile.PtcSlug, to), CancellationToken.None)))!;

    private async Task<TranslationProgress> ProgrammeStateAsync() =>
        (await database.RunAsync<ViewProgramme.Handler, ViewProgramme.Result?>(h =>
            h.HandleAsync(new(Alice, SeedFile.PtcSlug), CancellationToken.None)))!.Translation!;

    /// <summary>Translates the units <paramref name="which"/> picks ("EN " and the source) and applies them, as the service's file would.</summary>
    private async Task ApplyAsync(XliffFile file, Func<XliffUnit, bool> which)
    {
        var units = file.Units.Where(which).Select(u => u with { Target = "EN " + u.Source, State = UnitState.Translated }).ToList();
        using var stream = new MemoryStream();
        Xliff.Write(stream, [file with { Units = units }]);
        var read = Xliff.Read(new MemoryStream(stream.ToArray()));
        var preview = await database.RunAsync<ImportTranslation.Handler, Result<ImportTranslation.Outcome>>(h =>
            h.HandleAsync(new(Alice, SeedFile.PtcSlug, read, false, null), CancellationToken.None));
        var applied = await database.RunAsync<ImportTranslation.Handler, Result<ImportTranslation.Outcome>>(h =>
            h.HandleAsync(new(Alice, SeedFile.PtcSlug, read, true, preview.Value!.State), CancellationToken.None));
        Assert.Null(applied.Failure);
        Assert.Equal(units.Count, applied.Value!.Count(ImportTranslation.UnitOutcome.Applied));
    }

    [Fact]
    public async Task The_programme_counts_as_missing_exactly_the_texts_an_export_lists_and_applying_them_completes_the_count()
    {
        var export = await ExportAsync();
        var state = await ProgrammeStateAsync();

        var programme = Assert.Single(state.Programme);
        var reports = Assert.Single(state.Reports);
        Assert.Equal(Language.En, programme.Language);
        Assert.Equal(export.File.Units.Count(u => u.Id.StartsWith("activity/", StringComparison.Ordinal)), programme.Missing);
        Assert.Equal(export.File.Units.Count(u => u.Id.StartsWith("report/", StringComparison.Ordinal)), reports.Missing);
        Assert.True(programme.Missing > 0 && programme.Translated > 0, $"{programme}");
        Assert.NotNull(state.SessionKey);
        var checks = (await database.RunAsync<CheckProgramme.Handler, CheckProgramme.Result?>(h =>
            h.HandleAsync(new(Alice, SeedFile.PtcSlug), CancellationToken.None)))!;
        Assert.Equal(state.Programme, checks.Translation!.Programme);
        Assert.Equal(state.Reports, checks.Translation.Reports);

        await ApplyAsync(export.File, u => u.Id.StartsWith("activity/", StringComparison.Ordinal));

        var after = await ProgrammeStateAsync();
        Assert.Equal(new TranslationCount(Language.En, programme.Total, programme.Total), Assert.Single(after.Programme));
        Assert.Equal(reports, Assert.Single(after.Reports));
    }

    [Fact]
    public void A_text_written_in_English_only_adds_a_French_count()
    {
        var texts = new[]
        {
            Text(new BilingualText("Titre", "Title")),
            Text(new BilingualText("Sans traduction", null)),
            Text(new BilingualText(null, "English only")),
            Text(new BilingualText("Traduction à revoir", "Translation to review"), Language.En),
        };

        Assert.Equal([new TranslationCount(Language.En, 1, 3), new TranslationCount(Language.Fr, 2, 3)], TranslationState.Counts(texts));
        Assert.Equal([new TranslationCount(Language.En, 1, 3)], TranslationState.Counts([texts[0], texts[1], texts[3]]));
    }

    private static TranslationText Text(BilingualText text, Language? outdated = null) =>
        new("activity/x/title", Guid.Empty, "I.1", BilingualText.Empty, text, outdated, Domain.Common.TextField.Title, null, null, 0);

    [Fact]
    public async Task A_published_reports_page_says_which_language_was_added_when_and_by_whom()
    {
        var export = await ExportAsync();
        var narrative = export.File.Units.First(u => u.Id.StartsWith("report/", StringComparison.Ordinal) && u.Id.EndsWith("/narrative", StringComparison.Ordinal));
        var (session, activity) = (narrative.Id.Split('/')[1], Guid.Parse(narrative.Id.Split('/')[2]));
        var before = (await FormAsync(session, activity))!;
        Assert.Equal(ReportState.Published, before.Report.State);
        Assert.Null(before.Added);

        await ApplyAsync(export.File, u => u.Id == narrative.Id);

        var form = (await FormAsync(session, activity))!;
        var added = Assert.IsType<ReportForm.AddedTranslation>(form.Added);
        Assert.Equal((Language.En, AuditActors.Operator), (added.Language, added.Actor));
        var count = Assert.Single(form.Translation);
        Assert.Equal(Assert.Single(before.Translation).Translated + 1, count.Translated);
    }

    private Task<ReportForm.Result?> FormAsync(string session, Guid activity) =>
        database.RunAsync<ReportForm.Handler, ReportForm.Result?>(h => h.HandleAsync(new(Alice, SeedFile.PtcSlug, session, activity), CancellationToken.None));

    [Fact]
    public async Task Changing_a_reports_French_marks_its_English_outdated_and_translation_checked_clears_it_audited_and_version_checked()
    {
        var session = await database.RunAsync<AddSession.Handler, string>(h =>
            h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [245, 246], 2024, 10, Season.Autumn), CancellationToken.None));
        Assert.Null((await database.RunAsync<OpenRound.Handler, Result<Done>>(h => h.HandleAsync(new(Alice, SeedFile.PtcSlug, session), CancellationToken.None))).Failure);
        var row = (await database.RunAsync<RoundStatus.Handler, RoundStatus.Result?>(h => h.HandleAsync(new(Alice, SeedFile.PtcSlug, session), CancellationToken.None)))!.Rows[0];
        Task<Result<string>> Write(int version, string french) => database.RunAsync<WriteReport.Handler, Result<string>>(h => h.HandleAsync(
            new WriteReport.Update(Alice, SeedFile.PtcSlug, session, row.ActivityId, version, StatusKeyword.Ongoing, new BilingualText(french, "Work under way."),
                BilingualText.Empty, []), CancellationToken.None));
        var first = await Write(row.RowVersion, "Travaux en cours.");
        var second = await Write(int.Parse(first.Value!, System.Globalization.CultureInfo.InvariantCulture), "Travaux en cours, retardés.");
        var version = int.Parse(second.Value!, System.Globalization.CultureInfo.InvariantCulture);

        var form = (await FormAsync(session, row.ActivityId))!;
        Assert.Equal(Language.En, form.Report.OutdatedSide(ReportTextField.Narrative));
        Assert.Contains(form.Warnings, w => w.Rule == Domain.Rules.RuleCode.TranslationOutdated && w.Message.En!.Contains("status (EN)", StringComparison.Ordinal));
        Assert.Equal(0, Assert.Single(form.Translation).Translated);

        Task<Result<string>> Check(int? expected) => database.RunAsync<WriteReport.Handler, Result<string>>(h => h.HandleAsync(
            new WriteReport.CheckTranslation(Alice, SeedFile.PtcSlug, session, row.ActivityId, expected), CancellationToken.None));
        Assert.Equal(FailureKind.PreconditionRequired, (await Check(null)).Failure?.Kind);
        Assert.True((await Check(version - 1)).Failure is { Stale: true });
        Assert.Null((await Check(version)).Failure);

        form = (await FormAsync(session, row.ActivityId))!;
        Assert.Empty(form.Report.OutdatedTranslations);
        Assert.Equal(1, Assert.Single(form.Translation).Translated);
        var trail = await database.RunAsync<AuditTrail.Handler, AuditTrail.Result>(h => h.HandleAsync(
            new("StatusReport", $"{row.ActivityId}@{session}"), CancellationToken.None));
        Assert.Contains(trail.Rows, r => r.Field == nameof(StatusReport.OutdatedTranslations)
            && r.OldValue!.Contains("\"Narrative\"", StringComparison.Ordinal) && r.NewValue == "[]");
    }

    [Fact]
    public async Task An_empty_English_field_gets_the_memorys_exact_or_near_match_with_its_score_and_the_session_it_comes_from()
    {
        var session = await database.RunAsync<AddSession.Handler, string>(h =>
            h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [245, 246], 2024, 10, Season.Autumn), CancellationToken.None));
        await database.RunAsync<OpenRound.Handler, Result<Done>>(h => h.HandleAsync(new(Alice, SeedFile.PtcSlug, session), CancellationToken.None));
        var (rows, published) = await database.RunAsync<WorkProgramme.Application.Data.WorkProgrammeDb, (List<StatusReport>, List<StatusReport>)>(async db =>
            (await db.StatusReports.AsNoTracking().Where(r => r.SessionKey == session).ToListAsync(),
                await db.StatusReports.AsNoTracking().Where(r => r.State == ReportState.Published).ToListAsync()));
        var known = published.First(r => r.Narrative.Fr is { Length: > 40 } && r.Narrative.En is not null && r.Narrative.Fr.Split(' ').Length >= 8);
        var words = known.Narrative.Fr!.Split(' ');
        var near = string.Join(' ', words.Take(words.Length - 1).Append("modifié."));
        var report = rows.First(r => r.ActivityId != known.ActivityId);
        var written = await database.RunAsync<WriteReport.Handler, Result<string>>(h => h.HandleAsync(new WriteReport.Update(Alice, SeedFile.PtcSlug, session,
            report.ActivityId, report.RowVersion, StatusKeyword.Ongoing, new BilingualText(known.Narrative.Fr, null), new BilingualText(near, null), []),
            CancellationToken.None));
        Assert.Null(written.Failure);
        var form = (await FormAsync(session, report.ActivityId))!;

        var suggestions = await database.RunAsync<ReportSuggestions.Handler, IReadOnlyList<ReportSuggestions.Suggestion>>(h =>
            h.HandleAsync(form.Report, CancellationToken.None));

        var exact = Assert.Single(suggestions, s => s.Key == "narrative");
        var holding = published.Where(r => r.Narrative.Fr == known.Narrative.Fr && r.Narrative.En is not null).ToList();
        Assert.Equal(100, exact.Score);
        Assert.Contains(exact.Text, holding.Select(r => r.Narrative.En));
        Assert.Contains(exact.SessionKey, holding.Where(r => r.Narrative.En == exact.Text).Select(r => r.SessionKey));
        var nearly = Assert.Single(suggestions, s => s.Key == "next-steps");
        Assert.False(string.IsNullOrWhiteSpace(nearly.Text));
        Assert.InRange(nearly.Score, MemoryMatcher.MinimumScore, 99);
    }
}
