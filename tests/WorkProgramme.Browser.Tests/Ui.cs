namespace WorkProgramme.Browser.Tests;

/// <summary>What a reader sees in each interface language: the words the journeys look for and click on.</summary>
public sealed record Ui(
    string Code,
    string LanguageName,
    string LanguageNavigation,
    string SkipToContent,
    string ProgrammeTitle,
    string TimeBoundTitle,
    string PermanentTitle,
    string PriorityFilter,
    string KeywordFilter,
    string All,
    string Completed,
    string Apply,
    string Reset,
    string Checks,
    string OpenActivity,
    string BodyField,
    string LeadBody,
    string ErrorCount,
    string NotLinkedRule,
    string[] ExecutionLevels)
{
    public static readonly Ui Fr = new(
        Code: "fr",
        LanguageName: "Français",
        LanguageNavigation: "Langue",
        SkipToContent: "Aller au contenu",
        ProgrammeTitle: "Programme de travail révisé 2022-2025 du CTP",
        TimeBoundTitle: "I. Activités entreprises dans un délai spécifique",
        PermanentTitle: "II. Activités permanentes",
        PriorityFilter: "Niveau de priorité",
        KeywordFilter: "Mot clé de l’état d’avancement",
        All: "Tous",
        Completed: "Achevé",
        Apply: "Filtrer",
        Reset: "Réinitialiser",
        Checks: "Vérifications",
        OpenActivity: "Ouvrir l’activité {0}",
        BodyField: "Organe responsable",
        LeadBody: "organe en charge",
        ErrorCount: "à traiter : 89",
        NotLinkedRule: "Activité non liée au Plan stratégique",
        ExecutionLevels: ["Vert", "Bleu", "Rouge"]);

    public static readonly Ui En = new(
        Code: "en",
        LanguageName: "English",
        LanguageNavigation: "Language",
        SkipToContent: "Skip to content",
        ProgrammeTitle: "Revised PTC Work Programme 2022-2025",
        TimeBoundTitle: "I. Time-bound activities",
        PermanentTitle: "II. Permanent activities",
        PriorityFilter: "Priority",
        KeywordFilter: "Status keyword",
        All: "All",
        Completed: "Completed",
        Apply: "Apply filters",
        Reset: "Reset",
        Checks: "Checks",
        OpenActivity: "Open activity {0}",
        BodyField: "Responsible body",
        LeadBody: "lead body",
        ErrorCount: "to act on: 89",
        NotLinkedRule: "Activity not linked to the Strategic Plan",
        ExecutionLevels: ["Green", "Blue", "Red"]);

    public static Ui For(string code) => code switch
    {
        "fr" => Fr,
        "en" => En,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "The app speaks French and English."),
    };

    public Ui Other => Code == "fr" ? En : Fr;
}
