using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Sessions;

/// <summary>What a committee did with an activity it discussed at a session.</summary>
public enum DecisionKind
{
    TookNote,
    Endorsed,
    Adopted,
    GaveGuidance,
    Deferred,
}

/// <summary>
/// The session outcome for one activity, recorded by the Secretariat after the session: the committee's decision,
/// its wording (FR/EN) and the document that records it.
/// </summary>
public sealed class SessionDecision
{
    public const int SymbolMaxLength = 40;
    public const int TextMaxLength = 4000;

    private SessionDecision()
    {
        SessionKey = null!;
        Text = BilingualText.Empty;
    }

    public SessionDecision(Guid activityId, string sessionKey, DecisionKind kind, BilingualText text, string? documentSymbol)
        : this()
    {
        ActivityId = activityId;
        SessionKey = Guard.Code(sessionKey, nameof(sessionKey));
        Revise(kind, text, documentSymbol);
    }

    public int Id { get; private set; }

    public Guid ActivityId { get; private set; }

    public string SessionKey { get; private set; }

    public DecisionKind Kind { get; private set; }

    public BilingualText Text { get; private set; }

    public string? DocumentSymbol { get; private set; }

    public void Revise(DecisionKind kind, BilingualText text, string? documentSymbol)
    {
        if (text.IsEmpty)
        {
            throw new DomainException("Le texte de la décision est obligatoire (en français ou en anglais).",
                "The text of the decision is required (in French or English).");
        }

        TextRule.DecisionText.Check(text);
        var symbol = UserText.Normalize(documentSymbol);
        if (UserText.FaultIn(symbol) is { } fault)
        {
            var (fr, en) = fault.Describe();
            throw new DomainException($"La cote du document contient {fr}.", $"The document symbol contains {en}.");
        }

        if (symbol?.Length > SymbolMaxLength)
        {
            throw new DomainException($"La cote du document compte au plus {SymbolMaxLength} caractères.",
                $"The document symbol has at most {SymbolMaxLength} characters.");
        }

        Kind = kind;
        Text = text;
        DocumentSymbol = symbol;
    }

    /// <summary>
    /// Offered to the next round as a milestone reached, dated with the session:
    /// "The committee adopted — 245th/246th sessions (CTP, PC0760): …".
    /// </summary>
    public StatusReports.ReachedMilestone AsMilestone(Session session)
    {
        var date = session.StartDate ?? new DateOnly(session.Year, session.Month, 1);
        var source = DocumentSymbol is null ? session.BodyCode : $"{session.BodyCode}, {DocumentSymbol}";
        var fr = Text.Fr is null ? null : $"{KindLabel(Kind, Language.Fr)} — sessions {session.OrdinalLabel(Language.Fr)} ({source}) : {Text.Fr}";
        var en = Text.En is null ? null : $"{KindLabel(Kind, Language.En)} — {session.OrdinalLabel(Language.En)} sessions ({source}): {Text.En}";
        return new StatusReports.ReachedMilestone(date, new BilingualText(fr, en));
    }

    public static string KindLabel(DecisionKind kind, Language language) => (kind, language) switch
    {
        (DecisionKind.TookNote, Language.Fr) => "Le comité a pris note",
        (DecisionKind.Endorsed, Language.Fr) => "Le comité a entériné",
        (DecisionKind.Adopted, Language.Fr) => "Le comité a adopté",
        (DecisionKind.GaveGuidance, Language.Fr) => "Le comité a donné des orientations",
        (DecisionKind.Deferred, Language.Fr) => "Le comité a reporté",
        (DecisionKind.TookNote, _) => "The committee took note",
        (DecisionKind.Endorsed, _) => "The committee endorsed",
        (DecisionKind.Adopted, _) => "The committee adopted",
        (DecisionKind.GaveGuidance, _) => "The committee gave guidance",
        _ => "The committee deferred",
    };
}
