namespace WorkProgramme.Browser.Tests;

/// <summary>What a signed-in officer sees in each interface language: the words of sign-in, rounds and reports.</summary>
public sealed record RoundUi(
    Ui Reader,
    string EmailLabel,
    string PasswordLabel,
    string SignInButton,
    string SignInLink,
    string SignOutButton,
    string Round,
    string OpenRound,
    string Write,
    string Keyword,
    string Completed,
    string Ongoing,
    string NextSteps,
    string Narrative,
    string Save,
    string Saved,
    string BackToRound,
    string MarkReviewed,
    string NotUpdated,
    string Updated,
    string Reviewed,
    string Publish,
    string PendingTitle,
    string PublishAnyway,
    string OpenState,
    string Published)
{
    public static readonly RoundUi Fr = new(
        Reader: Ui.Fr,
        EmailLabel: "Adresse électronique",
        PasswordLabel: "Mot de passe",
        SignInButton: "Se connecter",
        SignInLink: "Connexion",
        SignOutButton: "Déconnexion",
        Round: "Cycle de rapports",
        OpenRound: "Ouvrir un cycle de rapports",
        Write: "Rédiger",
        Keyword: "Mot clé",
        Completed: "Achevé",
        Ongoing: "En cours",
        NextSteps: "Étapes suivantes",
        Narrative: "Description (état d’avancement)",
        Save: "Enregistrer",
        Saved: "Modifications enregistrées.",
        BackToRound: "Retour au cycle",
        MarkReviewed: "Marquer comme relu",
        NotUpdated: "Pas encore mis à jour",
        Updated: "Mis à jour",
        Reviewed: "Relu",
        Publish: "Publier le cycle",
        PendingTitle: "{0} rapports n’ont pas été mis à jour :",
        PublishAnyway: "Publier quand même",
        OpenState: "Ouvert",
        Published: "Publié");

    public static readonly RoundUi En = new(
        Reader: Ui.En,
        EmailLabel: "Email address",
        PasswordLabel: "Password",
        SignInButton: "Sign in",
        SignInLink: "Sign in",
        SignOutButton: "Sign out",
        Round: "Reporting round",
        OpenRound: "Open a reporting round",
        Write: "Write",
        Keyword: "Keyword",
        Completed: "Completed",
        Ongoing: "Ongoing",
        NextSteps: "Next steps",
        Narrative: "Narrative (status)",
        Save: "Save",
        Saved: "Changes saved.",
        BackToRound: "Back to the round",
        MarkReviewed: "Mark reviewed",
        NotUpdated: "Not yet updated",
        Updated: "Updated",
        Reviewed: "Reviewed",
        Publish: "Publish the round",
        PendingTitle: "{0} reports were not updated:",
        PublishAnyway: "Publish anyway",
        OpenState: "Open",
        Published: "Published");

    public static RoundUi For(string code) => code switch
    {
        "fr" => Fr,
        "en" => En,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "The app speaks French and English."),
    };

    public string Code => Reader.Code;

    /// <summary>"Vert" / "Green": the execution level the keyword Completed gives.</summary>
    public string Green => Reader.ExecutionLevels[0];

    /// <summary>"Bleu" / "Blue": the execution level the keyword Ongoing gives.</summary>
    public string Blue => Reader.ExecutionLevels[1];
}
