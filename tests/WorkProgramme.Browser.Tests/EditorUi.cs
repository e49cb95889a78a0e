namespace WorkProgramme.Browser.Tests;

/// <summary>
/// What an editor sees in each interface language on the edit, versions and compare pages, and the names of the
/// programme page's download links.
/// </summary>
public sealed record EditorUi(
    RoundUi Officer,
    string EditLink,
    string EditTitle,
    string TitleLegend,
    string KpiLegend,
    string Save,
    string Saved,
    string ConflictTitle,
    string ConflictHelp,
    string TheirValue,
    string TakenFromTheirs,
    string VersionsLink,
    string StartRevision,
    string VersionLabel,
    string Started,
    string CompareLink,
    string CompareTitle,
    string Reworded,
    string RewordedBadge,
    string Redline,
    string RecordAdoption,
    string Recorded,
    string WordLink,
    string PdfLink,
    string ExcelLink,
    string AnnexHeader,
    string AnnexTimeBound,
    string TimeBoundSheet)
{
    public static readonly EditorUi Fr = new(
        Officer: RoundUi.Fr,
        EditLink: "Modifier",
        EditTitle: "Modifier l’activité",
        TitleLegend: "Activités",
        KpiLegend: "Indicateurs de performance clés",
        Save: "Enregistrer",
        Saved: "Modifications enregistrées.",
        ConflictTitle: "Quelqu’un a enregistré cette activité pendant que vous la modifiiez.",
        ConflictHelp: "Vos saisies sont conservées ci-dessous.",
        TheirValue: "Sa version :",
        TakenFromTheirs: "Mis à jour selon sa version, car vous ne les aviez pas modifiés :",
        VersionsLink: "Versions et révisions",
        StartRevision: "Commencer une révision",
        VersionLabel: "Libellé de la nouvelle version",
        Started: "Révision {0} commencée : les modifications s’appliquent désormais à ce projet.",
        CompareLink: "Comparer les versions",
        CompareTitle: "Comparer deux versions",
        Reworded: "activités reformulées",
        RewordedBadge: "Reformulée",
        Redline: "Redline Word (modifications suivies) (FR)",
        RecordAdoption: "Enregistrer l’adoption",
        Recorded: "Adoption de la version {0} enregistrée.",
        WordLink: "Document Word (FR)",
        PdfLink: "PDF (FR)",
        ExcelLink: "Excel",
        AnnexHeader: "Annexe au doc.",
        AnnexTimeBound: "I. Activités entreprises dans un délai spécifique",
        TimeBoundSheet: "I. Délai spécifique");

    public static readonly EditorUi En = new(
        Officer: RoundUi.En,
        EditLink: "Edit",
        EditTitle: "Edit activity",
        TitleLegend: "Activities",
        KpiLegend: "Key performance indicators",
        Save: "Save",
        Saved: "Changes saved.",
        ConflictTitle: "Someone saved this activity while you were editing it.",
        ConflictHelp: "Your input is kept below.",
        TheirValue: "Their version:",
        TakenFromTheirs: "Updated to their version, as you had not changed them:",
        VersionsLink: "Versions and revisions",
        StartRevision: "Start a revision",
        VersionLabel: "Label of the new version",
        Started: "Revision {0} started: changes now go to this draft.",
        CompareLink: "Compare versions",
        CompareTitle: "Compare two versions",
        Reworded: "activities reworded",
        RewordedBadge: "Reworded",
        Redline: "Word redline (tracked changes) (EN)",
        RecordAdoption: "Record adoption",
        Recorded: "Adoption of version {0} recorded.",
        WordLink: "Word document (EN)",
        PdfLink: "PDF (EN)",
        ExcelLink: "Excel",
        AnnexHeader: "Annex to doc.",
        AnnexTimeBound: "I. Time-bound activities",
        TimeBoundSheet: "I. Time-bound");

    public static EditorUi For(string code) => code switch
    {
        "fr" => Fr,
        "en" => En,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "The app speaks French and English."),
    };

    public string Code => Officer.Code;

    public Ui Reader => Officer.Reader;

    /// <summary>"Français" or "English": the label of a text box in the page's own language, beside the other one.</summary>
    public string LanguageBox => Code == "fr" ? "Français" : "English";
}
