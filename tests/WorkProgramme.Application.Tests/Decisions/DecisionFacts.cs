using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Writes;
using WorkProgramme.Application.Features.Decisions;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Decisions;

/// <summary>The session outcome: decisions recorded after the session, audited, and offered to the next round as milestones.</summary>
public sealed class DecisionFacts : IAsyncLifetime
{
    private static readonly Viewer Editor = new("e", "editor@example.org", new HashSet<string> { Roles.Editor }, "CTP");

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<Guid> FirstActivityAsync() =>
        (await database.RunAsync<SessionDecisions.Handler, SessionDecisions.SessionResult?>(h =>
            h.ForSessionAsync(Editor, SeedFile.PtcSlug, "ctp-243-244", CancellationToken.None)))!.Rows[0].ActivityId;

    /// <summary>Records the decision on top of the one stored now (<paramref name="version"/> overrides: "" for none).</summary>
    private async Task<Result<string>> RecordAsync(Guid activity, DecisionKind kind, string en, string session = "ctp-243-244", Viewer? who = null,
        string? version = "current")
    {
        if (version == "current")
        {
            var shown = await database.RunAsync<SessionDecisions.Handler, SessionDecisions.SessionResult?>(h =>
                h.ForSessionAsync(Editor, SeedFile.PtcSlug, session, CancellationToken.None));
            version = shown?.Rows.SingleOrDefault(r => r.ActivityId == activity)?.Version ?? SessionDecisions.VersionOf(null);
        }

        return await database.RunAsync<SessionDecisions.Handler, Result<string>>(h => h.HandleAsync(new SessionDecisions.Record(who ?? Editor,
            SeedFile.PtcSlug, session, activity, kind, new BilingualText(null, en), "PC0760", version), CancellationToken.None));
    }

    [Fact]
    public async Task A_decision_recorded_on_top_of_another_one_than_the_caller_saw_or_without_a_version_is_refused()
    {
        var activity = await FirstActivityAsync();
        var seen = SessionDecisions.VersionOf(null);
        Assert.Null((await RecordAsync(activity, DecisionKind.TookNote, "The PTC took note.", version: seen)).Failure);

        var stale = await RecordAsync(activity, DecisionKind.Adopted, "A stale write.", version: seen);
        var missing = await RecordAsync(activity, DecisionKind.Adopted, "No version.", version: null);

        Assert.True(stale.Failure is { Kind: FailureKind.Conflict, Stale: true });
        Assert.Equal(FailureKind.PreconditionRequired, missing.Failure?.Kind);
        var stored = (await database.RunAsync<SessionDecisions.Handler, SessionDecisions.SessionResult?>(h =>
            h.ForSessionAsync(Editor, SeedFile.PtcSlug, "ctp-243-244", CancellationToken.None)))!.Rows.Single(r => r.ActivityId == activity);
        Assert.Equal("The PTC took note.", stored.Decision!.Text.En);
        Assert.Equal(stored.Version, stale.Failure!.CurrentVersion);
    }

    [Fact]
    public async Task A_decision_is_recorded_revised_and_audited_in_the_activitys_history()
    {
        var activity = await FirstActivityAsync();

        Assert.Null((await RecordAsync(activity, DecisionKind.TookNote, "The PTC took note.")).Failure);
        Assert.Null((await RecordAsync(activity, DecisionKind.Adopted, "The PTC adopted the Compendium.")).Failure);

        var decisions = await database.RunAsync<SessionDecisions.Handler, IReadOnlyList<(Session Session, SessionDecision Decision)>>(h =>
            h.ForActivityAsync(activity, CancellationToken.None));
        var (session, decision) = Assert.Single(decisions);
        Assert.Equal(("ctp-243-244", DecisionKind.Adopted), (session.Key, decision.Kind));
        var history = await database.RunAsync<AuditTrail.Handler, AuditTrail.Result>(h =>
            h.HandleAsync(new AuditTrail.Query(EntityId: activity.ToString()), CancellationToken.None));
        var kindChange = Assert.Single(history.Rows, r => r.EntityType == "Decision" && r.Field == "Kind");
        Assert.Equal(("TookNote", "Adopted"), (kindChange.OldValue, kindChange.NewValue));
    }

    [Fact]
    public async Task A_decision_waits_for_the_session_and_only_editors_of_the_body_record_it()
    {
        var activity = await FirstActivityAsync();
        await database.RunAsync<AddSession.Handler, string>(h =>
            h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [263, 264], 2034, 4, Season.Spring), CancellationToken.None));
        var member = new Viewer("m", "member", new HashSet<string> { Roles.Member }, "CTP");
        var before = await database.ContentHashAsync();

        var early = await RecordAsync(activity, DecisionKind.Adopted, "Too early.", "ctp-263-264");
        var empty = await RecordAsync(activity, DecisionKind.Adopted, " ");

        Assert.Equal(FailureKind.Conflict, early.Failure?.Kind);
        Assert.Equal("A decision is recorded once the session has started.", early.Problems.Single().En);
        Assert.Equal(FailureKind.Conflict, empty.Failure?.Kind);
        Assert.Equal("Le texte de la décision est obligatoire (en français ou en anglais).", empty.Problems.Single().Fr);
        Assert.Equal(FailureKind.Forbidden, (await RecordAsync(activity, DecisionKind.Adopted, "No.", who: member)).Failure?.Kind);
        Assert.Equal(FailureKind.NotFound, (await RecordAsync(Guid.NewGuid(), DecisionKind.Adopted, "No.")).Failure?.Kind);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task The_next_round_offers_the_decision_as_a_milestone_dated_with_the_session_until_it_is_added()
    {
        var activity = await FirstActivityAsync();
        await RecordAsync(activity, DecisionKind.Adopted, "The PTC adopted the Compendium.");
        await database.RunAsync<AddSession.Handler, string>(h =>
            h.HandleAsync(new AddSession.Command(Viewer.Operator, "CTP", [245, 246], 2024, 10, Season.Autumn), CancellationToken.None));

        var offers = await database.RunAsync<SessionDecisions.Handler, IReadOnlyList<SessionDecisions.Offer>>(h =>
            h.OffersAsync(activity, "ctp-245-246", [], CancellationToken.None));
        var offer = Assert.Single(offers);
        Assert.Equal(new DateOnly(2024, 4, 1), offer.Milestone.Date);
        Assert.Equal("The committee adopted — 243rd/244th sessions (CTP, PC0760): The PTC adopted the Compendium.", offer.Milestone.Text.En);

        Assert.Empty(await database.RunAsync<SessionDecisions.Handler, IReadOnlyList<SessionDecisions.Offer>>(h =>
            h.OffersAsync(activity, "ctp-245-246", [offer.Milestone], CancellationToken.None)));
        Assert.Empty(await database.RunAsync<SessionDecisions.Handler, IReadOnlyList<SessionDecisions.Offer>>(h =>
            h.OffersAsync(activity, "ctp-243-244", [], CancellationToken.None)));
    }
}
