using WorkProgramme.Application.Features.Audit;
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

    private Task<SessionDecisions.Outcome> RecordAsync(Guid activity, DecisionKind kind, string en, string session = "ctp-243-244", Viewer? who = null) =>
        database.RunAsync<SessionDecisions.Handler, SessionDecisions.Outcome>(h => h.HandleAsync(new SessionDecisions.Record(who ?? Editor,
            SeedFile.PtcSlug, session, activity, kind, new BilingualText(null, en), "PC0760"), CancellationToken.None));

    [Fact]
    public async Task A_decision_is_recorded_revised_and_audited_in_the_activitys_history()
    {
        var activity = await FirstActivityAsync();

        Assert.Equal(SessionDecisions.Outcome.Done, await RecordAsync(activity, DecisionKind.TookNote, "The PTC took note."));
        Assert.Equal(SessionDecisions.Outcome.Done, await RecordAsync(activity, DecisionKind.Adopted, "The PTC adopted the Compendium."));

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

        var early = await Assert.ThrowsAsync<DomainException>(() => RecordAsync(activity, DecisionKind.Adopted, "Too early.", "ctp-263-264"));
        var empty = await Assert.ThrowsAsync<DomainException>(() => RecordAsync(activity, DecisionKind.Adopted, " "));

        Assert.Equal("A decision is recorded once the session has started.", early.MessageFor(Language.En));
        Assert.Equal("Le texte de la décision est obligatoire (en français ou en anglais).", empty.MessageFor(Language.Fr));
        Assert.Equal(SessionDecisions.Outcome.Forbidden, await RecordAsync(activity, DecisionKind.Adopted, "No.", who: member));
        Assert.Equal(SessionDecisions.Outcome.NotFound, await RecordAsync(Guid.NewGuid(), DecisionKind.Adopted, "No."));
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
