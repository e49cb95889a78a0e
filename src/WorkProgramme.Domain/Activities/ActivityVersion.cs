using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Activities;

/// <summary>An activity as one version of the programme states it: one row of the document.</summary>
public sealed class ActivityVersion
{
    private IReadOnlyList<string> planCodes = [];
    private IReadOnlyList<string> bodyCodes = [];
    private IReadOnlyList<BodyRoleChoice> chosenRoles = [];
    private IReadOnlyList<OutdatedTranslation> outdatedTranslations = [];

    private ActivityVersion()
    {
        Title = Resources = Kpi = BilingualText.Empty;
        Deadline = Deadline.None;
    }

    public ActivityVersion(Guid activityId, ActivityContent content)
        : this()
    {
        if (activityId == Guid.Empty)
        {
            throw new DomainException("Une activité a toujours un identifiant.", "An activity always has an id.");
        }

        ActivityId = activityId;
        Apply(content);
    }

    public int Id { get; private set; }

    public int ProgrammeVersionId { get; private set; }

    public Guid ActivityId { get; private set; }

    public Section Section { get; private set; }

    /// <summary>Number inside its section; null for a row deleted in this version.</summary>
    public int? Number { get; private set; }

    /// <summary>Number in the previous version; null for a new row.</summary>
    public int? PreviousNumber { get; private set; }

    public RevisionKind Revision { get; private set; }

    public Priority? Priority { get; private set; }

    public bool? LinkedToStrategicPlan { get; private set; }

    public IReadOnlyList<string> PlanCodes => planCodes;

    /// <summary>The code of the task type (<see cref="Activities.TaskType"/>); null when the row gives none.</summary>
    public string? TaskType { get; private set; }

    public IReadOnlyList<string> BodyCodes => bodyCodes;

    /// <summary>The roles chosen for some of the bodies, in the bodies' order (<see cref="ActivityContent.ChosenRoles"/>).</summary>
    public IReadOnlyList<BodyRoleChoice> ChosenRoles => chosenRoles;

    public BilingualText Title { get; private set; }

    public BilingualText Resources { get; private set; }

    public BilingualText Kpi { get; private set; }

    public Deadline Deadline { get; private set; }

    public bool IsDeleted => Revision == RevisionKind.Deleted;

    /// <summary>The texts whose translation was written before the other language last changed (translation drift).</summary>
    public IReadOnlyList<OutdatedTranslation> OutdatedTranslations => outdatedTranslations;

    /// <summary>The row's FR/EN pairs, by field.</summary>
    public IReadOnlyList<(TextField Field, BilingualText Text)> Texts =>
        [(TextField.Title, Title), (TextField.Resources, Resources), (TextField.Kpi, Kpi), (TextField.Deadline, Deadline.Text)];

    /// <summary>The activities this row's texts refer to.</summary>
    public IReadOnlyList<Guid> References => Texts.SelectMany(t => ActivityReferences.In(t.Text)).Distinct().ToList();

    /// <summary>Goes up by one at every change of the row: an edit must name the value it started from.</summary>
    public int RowVersion { get; private set; } = 1;

    /// <summary>Place of the row in its version, as the document lists it (deleted rows stay where they stood).</summary>
    public int Position { get; private set; }

    /// <summary>Orders rows as the document does: section, then position.</summary>
    public int SortKey => (Section == Section.TimeBound ? 0 : 1_000_000) + Position;

    public ActivityContent Content => new()
    {
        Section = Section,
        Number = Number,
        PreviousNumber = PreviousNumber,
        Revision = Revision,
        Priority = Priority,
        LinkedToStrategicPlan = LinkedToStrategicPlan,
        PlanCodes = planCodes.ToArray(),
        TaskType = TaskType,
        BodyCodes = bodyCodes.ToArray(),
        ChosenRoles = chosenRoles.ToArray(),
        Title = Title,
        Resources = Resources,
        Kpi = Kpi,
        Deadline = Deadline,
    };

    internal void MoveTo(int position) => Position = position;

    internal void Revise(ActivityContent content)
    {
        var before = Texts;
        Apply(content);
        var after = Texts;
        var drift = new List<OutdatedTranslation>();
        for (var index = 0; index < before.Count; index++)
        {
            var field = before[index].Field;
            var outdated = outdatedTranslations.FirstOrDefault(o => o.Field == field)?.Outdated;
            if (TranslationDrift.After(before[index].Text, after[index].Text, outdated) is { } side)
            {
                drift.Add(new OutdatedTranslation(field, side));
            }
        }

        outdatedTranslations = drift;
        RowVersion++;
    }

    /// <summary>The row's text of <paramref name="field"/>.</summary>
    public BilingualText TextOf(TextField field) => field switch
    {
        TextField.Title => Title,
        TextField.Resources => Resources,
        TextField.Kpi => Kpi,
        _ => Deadline.Text,
    };

    /// <summary>
    /// Writes the <paramref name="language"/> side of one text (a translation): the other side stays exactly as it is, and
    /// the text's drift mark is cleared, since the translation now follows the source it was made from.
    /// </summary>
    internal bool Translate(TextField field, Language language, string translation)
    {
        var before = TextOf(field);
        var after = language == Language.Fr ? new BilingualText(translation, before.En) : new BilingualText(before.Fr, translation);
        if (after == before && outdatedTranslations.All(o => o.Field != field))
        {
            return false;
        }

        (field switch
        {
            TextField.Title => TextRule.ActivityTitle,
            TextField.Resources => TextRule.ActivityResources,
            TextField.Kpi => TextRule.ActivityKpi,
            _ => TextRule.DeadlineText,
        }).Check(after);
        switch (field)
        {
            case TextField.Title:
                Title = after;
                break;
            case TextField.Resources:
                Resources = after;
                break;
            case TextField.Kpi:
                Kpi = after;
                break;
            default:
                Deadline = new Deadline(after, Deadline.Continuous, Deadline.Milestones);
                break;
        }

        outdatedTranslations = outdatedTranslations.Where(o => o.Field != field).ToArray();
        RowVersion++;
        return true;
    }

    /// <summary>An editor checked the translations: the row's texts are in step again.</summary>
    internal bool ConfirmTranslations()
    {
        if (outdatedTranslations.Count == 0)
        {
            return false;
        }

        outdatedTranslations = [];
        RowVersion++;
        return true;
    }

    /// <summary>A row copied into a new version keeps the state of its translations.</summary>
    internal void CarryTranslationStateFrom(ActivityVersion source) => outdatedTranslations = source.outdatedTranslations.ToArray();

    /// <summary>
    /// For read copies only (untracked): shows each reference as <paramref name="number"/> renders it, for exports that
    /// write numbers as text.
    /// </summary>
    public void RenderReferences(Func<Guid, Language, string> number)
    {
        Title = ActivityReferences.Render(Title, number);
        Resources = ActivityReferences.Render(Resources, number);
        Kpi = ActivityReferences.Render(Kpi, number);
        Deadline = new Deadline(ActivityReferences.Render(Deadline.Text, number), Deadline.Continuous, Deadline.Milestones);
    }

    public void Apply(ActivityContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Number is <= 0 || content.PreviousNumber is <= 0)
        {
            throw new DomainException("Un numéro d’activité est un entier positif.", "An activity number is a positive whole number.");
        }

        if (content.Revision == RevisionKind.Deleted && content.Number is not null)
        {
            throw new DomainException(
                "Une activité supprimée n’a plus de numéro.",
                "A deleted activity no longer has a number.");
        }

        if (content.Revision == RevisionKind.New && content.PreviousNumber is not null)
        {
            throw new DomainException(
                "Une nouvelle activité n’a pas d’ancien numéro.",
                "A new activity has no previous number.");
        }

        if (content.Revision == RevisionKind.Renumbered && content.Number == content.PreviousNumber)
        {
            throw new DomainException(
                "Une activité renumérotée change de numéro.",
                "A renumbered activity changes number.");
        }

        if (content.Title.IsEmpty)
        {
            throw new DomainException("L’intitulé de l’activité est obligatoire.", "The activity's title is required.");
        }

        TextRule.ActivityTitle.Check(content.Title);
        TextRule.ActivityResources.Check(content.Resources);
        TextRule.ActivityKpi.Check(content.Kpi);
        TextRule.DeadlineText.Check(content.Deadline.Text);

        Section = content.Section;
        Number = content.Number;
        PreviousNumber = content.PreviousNumber;
        Revision = content.Revision;
        Priority = content.Priority;
        LinkedToStrategicPlan = content.LinkedToStrategicPlan;
        planCodes = Distinct(content.PlanCodes);
        TaskType = content.TaskType;
        bodyCodes = Distinct(content.BodyCodes);
        chosenRoles = bodyCodes.Select(code => content.ChosenRoles.LastOrDefault(c => c.Body?.Trim() == code) is { } choice ? new BodyRoleChoice(code, choice.Role) : null)
            .OfType<BodyRoleChoice>().ToArray();
        Title = content.Title;
        Resources = content.Resources;
        Kpi = content.Kpi;
        Deadline = content.Deadline;
    }

    /// <summary>
    /// The role of each responsible body: the one an editor chose, otherwise by its place (the first is the lead,
    /// decision bodies decide, the rest support).
    /// </summary>
    public IReadOnlyList<(string Code, BodyRole Role)> BodyRoles(Func<string, bool> isDecisionBody) =>
        bodyCodes.Select((code, index) => (code, chosenRoles.FirstOrDefault(c => c.Body == code)?.Role ?? ActivityContent.RoleByPlace(index, code, isDecisionBody)))
            .ToArray();

    /// <summary>
    /// The body that leads the activity: the one an editor chose as lead, otherwise the first whose place makes it lead;
    /// none if no body leads.
    /// </summary>
    public string? LeadBody(Func<string, bool> isDecisionBody) =>
        chosenRoles.FirstOrDefault(c => c.Role == BodyRole.Lead)?.Body
        ?? BodyRoles(isDecisionBody).Where(b => b.Role == BodyRole.Lead).Select(b => b.Code).FirstOrDefault();

    private static string[] Distinct(IEnumerable<string> codes) =>
        codes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
}
