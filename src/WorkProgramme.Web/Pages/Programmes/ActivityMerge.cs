namespace WorkProgramme.Web.Pages.Programmes;

/// <summary>The edit form's fields, as the merge and the conflict list name them.</summary>
public enum ActivityField
{
    Priority,
    Linked,
    TaskType,
    LeadBody,
    PlanCodes,
    OtherBodies,
    Roles,
    TitleFr,
    TitleEn,
    ResourcesFr,
    ResourcesEn,
    KpiFr,
    KpiEn,
    DeadlineFr,
    DeadlineEn,
}

/// <summary>
/// A form posted on a version someone else has moved on from, merged field by field with theirs: a field the user did
/// not touch takes their value, so that saving again cannot undo their change; a field the user changed keeps the
/// user's value, and is a conflict only when they changed it too, to something else.
/// </summary>
public sealed record ActivityMerge(ActivityForm Form, IReadOnlyList<ActivityField> Conflicts, IReadOnlyList<ActivityField> TakenFromTheirs)
{
    /// <summary>Three-way: <paramref name="opened"/> is what the form held when it was opened.</summary>
    public static ActivityMerge Of(ActivityForm opened, ActivityForm mine, ActivityForm theirs)
    {
        var merged = new ActivityForm();
        var conflicts = new List<ActivityField>();
        var takenFromTheirs = new List<ActivityField>();
        foreach (var field in Fields)
        {
            var userChangedIt = field.Key(mine) != field.Key(opened);
            var theyChangedIt = field.Key(theirs) != field.Key(opened);
            if (!userChangedIt)
            {
                field.Copy(theirs, merged);
                if (theyChangedIt)
                {
                    takenFromTheirs.Add(field.Name);
                }
            }
            else
            {
                field.Copy(mine, merged);
                if (theyChangedIt && field.Key(mine) != field.Key(theirs))
                {
                    conflicts.Add(field.Name);
                }
            }
        }

        return new ActivityMerge(merged, conflicts, takenFromTheirs);
    }

    /// <summary>
    /// A form that did not say what it was opened with (a hand-made post): nothing tells which fields the user touched,
    /// so all of theirs are kept and every difference is shown.
    /// </summary>
    public static ActivityMerge WithoutBase(ActivityForm mine, ActivityForm theirs) =>
        new(mine, [.. Fields.Where(f => f.Key(mine) != f.Key(theirs)).Select(f => f.Name)], []);

    private sealed record Field(ActivityField Name, Func<ActivityForm, string> Key, Action<ActivityForm, ActivityForm> Copy);

    private static readonly Field[] Fields =
    [
        new(ActivityField.Priority, f => Choice(f.Priority), (from, to) => to.Priority = from.Priority),
        new(ActivityField.Linked, f => Choice(f.Linked), (from, to) => to.Linked = from.Linked),
        new(ActivityField.TaskType, f => Choice(f.TaskType), (from, to) => to.TaskType = from.TaskType),
        new(ActivityField.LeadBody, f => Choice(f.LeadBody), (from, to) => to.LeadBody = from.LeadBody),
        new(ActivityField.PlanCodes, f => Set(f.PlanCodes), (from, to) => to.PlanCodes = [.. from.PlanCodes]),
        // The lead body ticked again among the others changes nothing once saved (ActivityForm.ToContent drops it).
        new(ActivityField.OtherBodies, f => Set(f.OtherBodies.Where(b => b != f.LeadBody)), (from, to) => to.OtherBodies = [.. from.OtherBodies]),
        // A role counts for the other bodies ticked, and only where one is chosen: "by its place" is no choice.
        new(ActivityField.Roles, f => Set(f.OtherBodies.Where(b => b != f.LeadBody).Where(b => f.RoleOf(b) != ActivityForm.ByPlace).Select(b => $"{b}={f.RoleOf(b)}")),
            (from, to) => to.Roles = new Dictionary<string, string>(from.Roles, StringComparer.Ordinal)),
        new(ActivityField.TitleFr, f => Text(f.TitleFr), (from, to) => to.TitleFr = from.TitleFr),
        new(ActivityField.TitleEn, f => Text(f.TitleEn), (from, to) => to.TitleEn = from.TitleEn),
        new(ActivityField.ResourcesFr, f => Text(f.ResourcesFr), (from, to) => to.ResourcesFr = from.ResourcesFr),
        new(ActivityField.ResourcesEn, f => Text(f.ResourcesEn), (from, to) => to.ResourcesEn = from.ResourcesEn),
        new(ActivityField.KpiFr, f => Text(f.KpiFr), (from, to) => to.KpiFr = from.KpiFr),
        new(ActivityField.KpiEn, f => Text(f.KpiEn), (from, to) => to.KpiEn = from.KpiEn),
        new(ActivityField.DeadlineFr, f => Text(f.DeadlineFr), (from, to) => to.DeadlineFr = from.DeadlineFr),
        new(ActivityField.DeadlineEn, f => Text(f.DeadlineEn), (from, to) => to.DeadlineEn = from.DeadlineEn),
    ];

    private static string Choice(string? value) => value ?? "";

    /// <summary>
    /// Browsers post line breaks as CRLF whatever the stored text has, and the save trims the text and stores blank as
    /// nothing (BilingualText): values equal once saved compare equal.
    /// </summary>
    private static string Text(string? value) => (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>Ticked boxes: the order they come in says nothing.</summary>
    private static string Set(IEnumerable<string> values) =>
        string.Join('\n', values.Where(v => !string.IsNullOrEmpty(v)).Distinct().Order(StringComparer.Ordinal));
}
