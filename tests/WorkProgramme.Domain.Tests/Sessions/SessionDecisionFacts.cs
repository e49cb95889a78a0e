using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;

namespace WorkProgramme.Domain.Tests.Sessions;

public sealed class SessionDecisionFacts
{
    private static readonly Session April2024 = new("ctp-243-244", "CTP", [243, 244], 2024, 4, Season.Spring);

    [Fact]
    public void A_decision_needs_its_text_in_one_language_at_least()
    {
        var refused = Assert.Throws<DomainException>(() => new SessionDecision(Guid.NewGuid(), "ctp-243-244", DecisionKind.Adopted, BilingualText.Empty, "PC0760"));

        Assert.Equal("The text of the decision is required (in French or English).", refused.MessageFor(Language.En));
        Assert.Equal("Le texte de la décision est obligatoire (en français ou en anglais).", refused.MessageFor(Language.Fr));
    }

    [Fact]
    public void A_too_long_symbol_is_refused_and_the_decision_keeps_its_values()
    {
        var decision = new SessionDecision(Guid.NewGuid(), "ctp-243-244", DecisionKind.TookNote, new BilingualText("Pris note.", null), " PC0760 ");

        Assert.Throws<DomainException>(() => decision.Revise(DecisionKind.Adopted, new BilingualText("Adopté.", null), new string('P', 41)));

        Assert.Equal((DecisionKind.TookNote, "PC0760"), (decision.Kind, decision.DocumentSymbol));
    }

    [Fact]
    public void As_a_milestone_it_is_dated_with_the_session_and_says_what_was_decided_in_each_language()
    {
        var decision = new SessionDecision(Guid.NewGuid(), "ctp-243-244", DecisionKind.Adopted,
            new BilingualText("Le Recueil est adopté.", "The Compendium is adopted."), "PC0760");

        var milestone = decision.AsMilestone(April2024);

        Assert.Equal(new DateOnly(2024, 4, 1), milestone.Date);
        Assert.Equal("The committee adopted — 243rd/244th sessions (CTP, PC0760): The Compendium is adopted.", milestone.Text.En);
        Assert.Equal("Le comité a adopté — sessions 243e/244e (CTP, PC0760) : Le Recueil est adopté.", milestone.Text.Fr);
    }

    [Fact]
    public void A_session_with_a_start_date_dates_the_milestone_with_it()
    {
        var session = new Session("ctp-245-246", "CTP", [245, 246], 2024, 10, Season.Autumn, new DateOnly(2024, 10, 14), new DateOnly(2024, 10, 18));
        var decision = new SessionDecision(Guid.NewGuid(), session.Key, DecisionKind.Deferred, new BilingualText(null, "Deferred to spring."), null);

        var milestone = decision.AsMilestone(session);

        Assert.Equal((new DateOnly(2024, 10, 14), (string?)null), (milestone.Date, milestone.Text.Fr));
        Assert.Equal("The committee deferred — 245th/246th sessions (CTP): Deferred to spring.", milestone.Text.En);
    }
}
