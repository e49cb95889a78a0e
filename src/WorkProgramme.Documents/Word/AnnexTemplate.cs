using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;
using TableColumn = WorkProgramme.Documents.Tables.TableColumn;

namespace WorkProgramme.Documents.Word;

/// <summary>
/// The fixed wording of the committee's template, in French (as the seed document writes it) and English: headings,
/// explanatory questions, the footnotes that state the rules, and the EXAMPLE rows. It is part of the official document,
/// not of the interface, so it lives beside the document rather than in the web app's resources.
/// </summary>
public static class AnnexTemplate
{
    public sealed record Pair(string Fr, string En)
    {
        public string In(Language language) => language == Language.Fr ? Fr : En;
    }

    public static readonly Pair RunningHeader = new("Annexe au doc. {0}", "Annex to doc. {0}");

    /// <summary>
    /// The first page's title as the source document writes it ("… PROGRAMME DE TRAVAIL REVISE 2022-2025 DU COMITE TECHNIQUE
    /// PERMANENT (CTP)"), with the accents the capitals keep; {0}: the period, {1}: the body's name, {2}: its abbreviation.
    /// </summary>
    public static readonly Pair FirstPageTitle = new("Programme de travail révisé {0} du {1} ({2})", "Revised work programme {0} of the {1} ({2})");

    public static readonly Pair PageLabelPrefix = new("PT/", "PT/");

    /// <summary>Section headings as the source document writes them in French, and as the programme page does in English.</summary>
    public static readonly Pair TimeBoundHeading = new("I. Activités entreprises dans un délai spécifique", "I. Time-bound activities");

    public static readonly Pair PermanentHeading = new("II. Activités permanentes", "II. Permanent activities");

    public static readonly Pair Example = new("EXEMPLE", "EXAMPLE");

    public static readonly Pair Yes = new("Oui", "Yes");

    public static readonly Pair No = new("Non", "No");

    public static readonly Pair MilestonesReached = new("Étapes clés atteintes :", "Key milestones reached:");

    public static readonly Pair NextSteps = new("Étapes suivantes :", "Next steps:");

    public static readonly Pair ContinuousWork = new("Travail continu", "Continuous work");

    /// <summary>Who a redline's tracked changes are by: the Secretariat revises the programme.</summary>
    public static readonly Pair RedlineAuthor = new("Secrétariat", "Secretariat");

    /// <summary>The optional table after the programme (<see cref="AnnexSlippage"/>).</summary>
    public static readonly Pair SlippageHeading = new("Glissement des délais", "Deadline slippage");

    /// <summary>Under the slippage heading; {0}: the versions read.</summary>
    public static readonly Pair SlippageNote = new(
        "Dernière échéance datée du délai de chaque activité, lue dans chaque version du programme ({0}) ; les activités dont le délai a bougé, celles qui ont glissé le plus loin d’abord.",
        "Each activity’s last dated deadline milestone, read from every version of the programme ({0}); the activities whose deadline moved, those that slipped furthest first.");

    public static readonly Pair SlippageNone = new("Aucun délai n’a bougé d’une version à l’autre.", "No deadline moved from one version to the next.");

    public static readonly Pair SlippageNumber = new("N°", "No.");

    public static readonly Pair SlippageActivity = new("Activité", "Activity");

    public static readonly Pair SlippageFirst = new("Premier délai", "First deadline");

    public static readonly Pair SlippageLatest = new("Dernier délai", "Latest deadline");

    public static readonly Pair SlippageMoves = new("Reports", "Moves");

    public static readonly Pair SlippageMonths = new("Glissement (mois)", "Slippage (months)");

    /// <summary>Under a deadline in the slippage table: the version it was read from; {0}: its label.</summary>
    public static readonly Pair SlippageReadIn = new("(version {0})", "(version {0})");

    public static string Heading(TableColumn column, Section section, Language language) => (column switch
    {
        TableColumn.Number => new Pair("N°", "No."),
        TableColumn.Priority => new Pair("Niveau de priorité", "Priority level"),
        TableColumn.Link => new Pair("Lien avec le Plan stratégique", "Link with the Strategic Plan"),
        TableColumn.Activity => new Pair("Activités", "Activities"),
        TableColumn.StrategicPlan => new Pair("Plan stratégique de l’OMD", "WCO Strategic Plan"),
        TableColumn.TaskType => new Pair("Type de tâches associées", "Type of associated tasks"),
        TableColumn.Body => new Pair("Organe responsable", "Responsible body"),
        TableColumn.Resources => new Pair("Ressources", "Resources"),
        TableColumn.Kpi => new Pair("Indicateurs de performance clés", "Key performance indicators"),
        TableColumn.Deadline => new Pair("Délai", "Deadline"),
        TableColumn.Status => section == Section.TimeBound ? new Pair("Etat d’avancement", "Status") : new Pair("État d’avancement", "Status"),
        TableColumn.ExecutionLevel => new Pair("Niveau d’exécution", "Execution level"),
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    }).In(language);

    /// <summary>The footnote a heading refers to: 1 to 7 in section I, 8 (continuous work) in section II.</summary>
    public static int? FootnoteOf(TableColumn column, Section section) => section == Section.TimeBound
        ? column switch
        {
            TableColumn.Link => 1,
            TableColumn.Activity => 2,
            TableColumn.StrategicPlan => 3,
            TableColumn.TaskType => 4,
            TableColumn.Body => 5,
            TableColumn.Status => 6,
            TableColumn.ExecutionLevel => 7,
            _ => null,
        }
        : column == TableColumn.Deadline ? 8 : null;

    /// <summary>The explanatory question under each heading, one string per line of the cell.</summary>
    public static IReadOnlyList<string> Question(TableColumn column, Section section, Language language) => column switch
    {
        TableColumn.Number => [],
        TableColumn.Priority => Lines(language,
            ["Quel est le niveau de priorité de l’activité ?", "A=élevé", "B=moyen", "C=bas"],
            ["What is the priority level of the activity?", "A=High", "B=Medium", "C=Low"]),
        TableColumn.Link => Lines(language,
            ["Cette activité a-t-elle un lien direct avec les principaux domaines du Plan stratégique ?", "Oui (O) ou Non (N)"],
            ["Does this activity have a direct link with the main areas of the Strategic Plan?", "Yes (Y) or No (N)"]),
        TableColumn.Activity => Lines(language, ["Activités planifiées ?"], ["Planned activities?"]),
        TableColumn.StrategicPlan => Lines(language,
            ["Rapport avec le Plan stratégique en termes de processus, de domaines et d’amélioration organisationnelle ?"],
            ["Relation to the Strategic Plan in terms of processes, areas and organizational improvement?"]),
        TableColumn.TaskType => Lines(language,
            ["Tenue à jour, mise à jour ou développement de nouvelles initiatives ?"],
            ["Maintenance, updating or development of new initiatives?"]),
        TableColumn.Body => Lines(language,
            ["Organe en charge + organes de soutien et de prise de décisions"],
            ["Body in charge + supporting and decision-making bodies"]),
        TableColumn.Resources => Lines(language,
            ["Ressources mobilisées pour la conduite de cette activité ?"],
            ["Resources mobilized to carry out this activity?"]),
        TableColumn.Kpi => Lines(language,
            ["Objectifs à atteindre avant que la tâche ne soit considérée comme totalement achevée ?"],
            ["Objectives to be achieved before the task is considered fully completed?"]),
        TableColumn.Deadline => Lines(language, ["Délai ?"], ["Deadline?"]),
        TableColumn.Status when section == Section.TimeBound => Lines(language,
            ["Situation de la mise en œuvre de cette activité spécifique ?", "- Niveau d’exécution",
             "- Brève description des étapes clés déjà atteintes", "- Etapes suivantes"],
            ["Implementation status of this specific activity?", "- Execution level",
             "- Brief description of key milestones already reached", "- Next steps"]),
        TableColumn.Status => Lines(language,
            ["Situation de la mise en œuvre de cette activité spécifique ?"],
            ["Implementation status of this specific activity?"]),
        TableColumn.ExecutionLevel => Lines(language,
            ["Vert = Achevé", "Bleu = En cours", "Rouge = Reporté ou non commencé"],
            ["Green = Completed", "Blue = Ongoing", "Red = Postponed or not started"]),
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    /// <summary>Footnotes 1 to 8 of the template: the rules every row must follow.</summary>
    public static IReadOnlyList<AnnexFootnote> Footnotes(Language language) =>
        FootnoteTexts.Select((pair, index) => new AnnexFootnote(index + 1, pair.In(language))).ToList();

    public static string Word(StatusKeyword keyword, Language language) => StatusWords.Of(keyword, language);

    public static string Word(ExecutionLevel level, Language language) => StatusWords.Of(level, language);

    /// <summary>The template's EXAMPLE row of a section, cell by cell in the section's column order.</summary>
    public static IReadOnlyList<string> ExampleCells(Section section, Language language) => section == Section.TimeBound
        ? Lines(language,
            ["EXEMPLE", "", "Oui", "Élaborer des orientations pour les administrations des douanes des PEI", "PS1", "Développement",
             "CTP, CRC, Commission de politique générale, Conseil", "Deux agents de la Sous-direction de la facilitation",
             "Orientations pour les administrations des douanes des PEI adoptées et publiées",
             "Octobre 2020 (CTP)\nDécembre 2020 (Conseil)",
             "Achevé. Les orientations ont été approuvées par le CTP en octobre 2020, puis adoptées par le Conseil en décembre 2020",
             "Vert"],
            ["EXAMPLE", "", "Yes", "Develop guidance for the Customs administrations of Small Island Economies (SIEs)", "SP1", "Development",
             "PTC, CBC, Policy Commission, Council", "Two officers of the Facilitation Sub-Directorate",
             "Guidance for the Customs administrations of SIEs adopted and published",
             "October 2020 (PTC)\nDecember 2020 (Council)",
             "Completed. The guidance was approved by the PTC in October 2020, then adopted by the Council in December 2020",
             "Green"])
        : Lines(language,
            ["EXEMPLE", "A", "Oui", "Dialogue avec d’autres organisations internationales concernant le Guichet unique", "PS1", "Suivi",
             "CTP, Conseil", "Un agent de la Sous-direction de la facilitation",
             "Présentations portant sur des projets liés au Guichet unique par d’autres organisations internationales",
             "Travail continu",
             "Liste des organisations internationales ayant déjà présenté des projets liés au Guichet unique"],
            ["EXAMPLE", "A", "Yes", "Dialogue with other international organizations on the Single Window", "SP1", "Maintenance",
             "PTC, Council", "One officer of the Facilitation Sub-Directorate",
             "Presentations by other international organizations on projects related to the Single Window",
             "Continuous work",
             "List of international organizations that have already presented projects related to the Single Window"]);

    private static IReadOnlyList<string> Lines(Language language, string[] fr, string[] en) => language == Language.Fr ? fr : en;

    private static readonly Pair[] FootnoteTexts =
    [
        new("Le Plan stratégique se concentre sur un nombre limité de questions stratégiques pour l’OMD. Dans cette colonne, il "
            + "convient d’indiquer si l’activité à mener a un lien direct avec au moins l’un des principaux domaines couverts par le "
            + "Plan stratégique, en cochant simplement « Oui » ou « Non ». Afin de s’assurer que les activités menées par les organes "
            + "de travail de l’OMD sont conformes à la stratégie globale, 100 % d’entre elles doivent présenter un lien direct avec "
            + "les principaux domaines du Plan stratégique.",
            "The Strategic Plan focuses on a limited number of strategic issues for the WCO. This column should indicate whether the "
            + "activity to be carried out has a direct link with at least one of the main areas covered by the Strategic Plan, by "
            + "simply ticking “Yes” or “No”. To ensure that the activities of the WCO working bodies are in line with the overall "
            + "strategy, 100 % of them must have a direct link with the main areas of the Strategic Plan."),
        new("Toutes les activités énoncées seront financées. Lorsque le financement de l’une quelconque de ces tâches doit être "
            + "approuvé par le Comité financier, cette précision sera mentionnée dans la colonne « Etat d’avancement » du modèle.",
            "All the activities listed will be funded. Where the funding of any of these tasks must be approved by the Finance "
            + "Committee, this will be stated in the “Status” column of the template."),
        new("Processus stratégiques (PS) : PS1 - Développer, mettre à jour et mettre en œuvre des instruments; PS2 - Encourager la "
            + "coopération douanière; PS3 - Renforcer les capacités; PS4 - Recherche; PS5 - Communiquer; Axes (FA) : FA1 - Axe 1; "
            + "FA2 - Axe 2; FA3 - Axe 3; Capacité organisationnelle (ORG) : ORG1 - Plan de modernisation; ORG2 - Politique de "
            + "financement.",
            "Strategic processes (SP): SP1 - Develop, update and implement instruments; SP2 - Encourage Customs cooperation; SP3 - "
            + "Build capacity; SP4 - Research; SP5 - Communicate; Focus areas (FA): FA1 - Focus area 1; FA2 - Focus area 2; FA3 - "
            + "Focus area 3; Organizational capacity (ORG): ORG1 - Modernization plan; ORG2 - Funding policy."),
        new("Le programme de travail distingue trois types de tâches : 1. « Mise au point » qui se réfère aux ajustements, "
            + "clarifications ou décisions techniques concernant des instruments existants; 2. « Mise à jour » qui se réfère à une "
            + "révision plus approfondie d’instruments existants; et 3. « Développement » qui se réfère à l’élaboration de nouveaux "
            + "instruments et au lancement de nouvelles initiatives.",
            "The work programme distinguishes three types of tasks: 1. “Fine-tuning”, which refers to adjustments, clarifications or "
            + "technical decisions concerning existing instruments; 2. “Updating”, which refers to a more in-depth revision of "
            + "existing instruments; and 3. “Development”, which refers to the drafting of new instruments and the launch of new "
            + "initiatives."),
        new("Outre l’organe lui-même, les organes responsables incluent ceux qui font rapport ou qui informent l’organe lui-même, "
            + "ainsi que la Commission de politique générale et le Conseil et ont un rôle à jouer (discussion, orientation, "
            + "approbation) dans l’exécution de la tâche.",
            "Besides the body itself, the responsible bodies include those that report to or inform the body itself, as well as the "
            + "Policy Commission and the Council, which have a role to play (discussion, guidance, approval) in carrying out the task."),
        new("Un rapport de situation doit être établi dans le cadre des documents de chaque session des organes de travail. Les "
            + "informations fournies doivent contenir les éléments suivants : 1. « Etat d’avancement » clairement stipulé, avec des "
            + "mots clés tels que « Reporté », « Pas encore commencé », « En cours », « Achevé »; 2. « Brève description des étapes "
            + "clés déjà atteintes » qui englobe la rédaction des documents, leur présentation aux organes de travail, le retour "
            + "d’information reçu des organes de travail, avec une indication du calendrier pour chacune de ces étapes; 3. « Etapes "
            + "suivantes » qui fournit des indications sur les actions clés à suivre pour achever l’activité.",
            "A status report must be prepared as part of the documents of every session of the working bodies. The information given "
            + "must contain the following: 1. “Status”, clearly stated with keywords such as “Postponed”, “Not yet started”, "
            + "“Ongoing”, “Completed”; 2. “Brief description of key milestones already reached”, covering the drafting of documents, "
            + "their presentation to the working bodies and the feedback received from the working bodies, with a timeline for each "
            + "of these milestones; 3. “Next steps”, indicating the key actions to be taken to complete the activity."),
        new("Le niveau d’exécution est un code couleur indiquant l’état d’avancement de l’activité au moment de la session de "
            + "l’organe de travail. Il doit mettre en évidence, de manière simple et directe, la situation de l’organe de travail "
            + "concernant l’exécution de l’activité en question. Trois couleurs doivent être utilisées : vert pour « Achevé », bleu "
            + "pour « En cours » et rouge pour « Reporté ou non commencé ».",
            "The execution level is a colour code showing the status of the activity at the time of the working body’s session. It "
            + "must show, simply and directly, where the working body stands in carrying out the activity in question. Three colours "
            + "are to be used: green for “Completed”, blue for “Ongoing” and red for “Postponed or not started”."),
        new("En cas d’activité permanente, il y a lieu d’indiquer « Travail continu ».",
            "For permanent activities, “Continuous work” should be indicated."),
    ];
}
