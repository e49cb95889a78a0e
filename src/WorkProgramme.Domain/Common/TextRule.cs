namespace WorkProgramme.Domain.Common;

/// <summary>
/// What one field accepts: its name in both languages (for messages) and its length limit per language, stated once
/// here and read by the forms (<c>maxlength</c>), the API description and the imports, so all surfaces agree.
/// </summary>
public sealed record TextRule(string NameFr, string NameEn, int MaxLength)
{
    public static readonly TextRule ActivityTitle = new("L’intitulé", "The title", 1000);
    public static readonly TextRule ActivityResources = new("Les ressources", "The resources", 1000);
    public static readonly TextRule ActivityKpi = new("L’indicateur de performance", "The performance indicator", 2000);
    public static readonly TextRule DeadlineText = new("Le délai", "The deadline", 500);
    public static readonly TextRule Narrative = new("Le rapport de situation", "The status report", 8000);
    public static readonly TextRule NextSteps = new("Les prochaines étapes", "The next steps", 4000);

    /// <summary>Room for a decision's text (<see cref="DecisionText"/>) with the words that introduce it.</summary>
    public static readonly TextRule MilestoneReached = new("L’étape franchie", "The milestone reached", 4500);

    public static readonly TextRule DecisionText = new("Le texte de la décision", "The text of the decision", Sessions.SessionDecision.TextMaxLength);
    public static readonly TextRule Comment = new("Le commentaire", "The comment", 4000);
    public static readonly TextRule ProgrammeTitle = new("Le titre du programme", "The programme's title", 300);
    public static readonly TextRule Name = new("Le nom", "The name", 300);
    public static readonly TextRule Abbreviation = new("Le sigle", "The abbreviation", 40);
    public static readonly TextRule Place = new("Le lieu", "The place", Sessions.Session.PlaceMaxLength);

    /// <summary>Every rule, for documents that list the limits (the API description, the README's table).</summary>
    public static IReadOnlyList<TextRule> All =>
        [ActivityTitle, ActivityResources, ActivityKpi, DeadlineText, Narrative, NextSteps, MilestoneReached, DecisionText, Comment, ProgrammeTitle, Name, Abbreviation, Place];

    /// <summary>Refuses a text with a character no text may hold or longer than the limit, naming the field and the language.</summary>
    public BilingualText Check(BilingualText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Check(text.Fr, "en français", "in French");
        Check(text.En, "en anglais", "in English");
        return text;
    }

    /// <summary>The same for a text in one language (already normalised by <see cref="UserText.Normalize"/>).</summary>
    public string? Check(string? text) => Check(text, null, null);

    private string? Check(string? text, string? inFr, string? inEn)
    {
        if (text is null)
        {
            return null;
        }

        var (whereFr, whereEn) = inFr is null ? ("", "") : ($" ({inFr})", $" ({inEn})");
        if (UserText.FaultIn(text) is { } fault)
        {
            var (fr, en) = fault.Describe();
            throw new DomainException($"{NameFr}{whereFr} contient {fr} : retirez-le.", $"{NameEn}{whereEn} contains {en}: remove it.");
        }

        if (text.Length > MaxLength)
        {
            throw new DomainException(
                $"{NameFr}{whereFr} compte au plus {MaxLength} caractères ({text.Length} reçus).",
                $"{NameEn}{whereEn} has at most {MaxLength} characters ({text.Length} received).");
        }

        return text;
    }
}
