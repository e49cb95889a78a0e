using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StrategicPlans;

namespace WorkProgramme.Web.Pages.Programmes;

/// <summary>The edit form's fields, mapped explicitly to and from the activity.</summary>
public sealed class ActivityForm
{
    public string? Priority { get; set; }

    public string? Linked { get; set; }

    public List<string> PlanCodes { get; set; } = [];

    public string? TaskType { get; set; }

    public string? LeadBody { get; set; }

    public List<string> OtherBodies { get; set; } = [];

    /// <summary>
    /// The role chosen for a body, by body code, as its wire name; <see cref="ByPlace"/> (or nothing) leaves the body the
    /// role its place gives it.
    /// </summary>
    public Dictionary<string, string> Roles { get; set; } = [];

    /// <summary>The role select's value for "the role the body's place gives it".</summary>
    public const string ByPlace = "place";

    public string? TitleFr { get; set; }

    public string? TitleEn { get; set; }

    public string? ResourcesFr { get; set; }

    public string? ResourcesEn { get; set; }

    public string? KpiFr { get; set; }

    public string? KpiEn { get; set; }

    public string? DeadlineFr { get; set; }

    public string? DeadlineEn { get; set; }

    /// <summary>
    /// The values as hidden form fields named <paramref name="prefix"/>.Field, a list as one field per item, as the
    /// model binder reads them back.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> AsHiddenFields(string prefix)
    {
        foreach (var (name, value) in new[]
        {
            (nameof(Priority), Priority), (nameof(Linked), Linked), (nameof(TaskType), TaskType), (nameof(LeadBody), LeadBody),
            (nameof(TitleFr), TitleFr), (nameof(TitleEn), TitleEn), (nameof(ResourcesFr), ResourcesFr), (nameof(ResourcesEn), ResourcesEn),
            (nameof(KpiFr), KpiFr), (nameof(KpiEn), KpiEn), (nameof(DeadlineFr), DeadlineFr), (nameof(DeadlineEn), DeadlineEn),
        })
        {
            yield return KeyValuePair.Create($"{prefix}.{name}", value ?? "");
        }

        foreach (var code in PlanCodes)
        {
            yield return KeyValuePair.Create($"{prefix}.{nameof(PlanCodes)}", code);
        }

        foreach (var code in OtherBodies)
        {
            yield return KeyValuePair.Create($"{prefix}.{nameof(OtherBodies)}", code);
        }

        foreach (var (code, role) in Roles)
        {
            yield return KeyValuePair.Create($"{prefix}.{nameof(Roles)}[{code}]", role ?? "");
        }
    }

    public static ActivityForm From(ActivityDto activity) => new()
    {
        Priority = activity.Priority,
        Linked = activity.LinkedToStrategicPlan switch { true => "yes", false => "no", null => "" },
        PlanCodes = [.. activity.StrategicPlan],
        TaskType = activity.TaskType,
        LeadBody = activity.Bodies.FirstOrDefault(),
        OtherBodies = [.. activity.Bodies.Skip(1)],
        Roles = activity.BodyRoles?.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal) ?? [],
        TitleFr = activity.Title?.Fr,
        TitleEn = activity.Title?.En,
        ResourcesFr = activity.Resources?.Fr,
        ResourcesEn = activity.Resources?.En,
        KpiFr = activity.Kpi?.Fr,
        KpiEn = activity.Kpi?.En,
        DeadlineFr = activity.Deadline?.Text?.Fr,
        DeadlineEn = activity.Deadline?.Text?.En,
    };

    /// <summary>The role a body's select shows: the one chosen for it, or <see cref="ByPlace"/>.</summary>
    public string RoleOf(string code) => Roles.GetValueOrDefault(code) is { Length: > 0 } role ? role : ByPlace;

    /// <summary>The values as posted, for the handler to map against the activity as stored (<see cref="ActivityFields.ToContent"/>).</summary>
    public ActivityFields ToFields() => new()
    {
        Priority = Priority,
        Linked = Linked,
        PlanCodes = PlanCodes,
        TaskType = TaskType,
        LeadBody = LeadBody,
        OtherBodies = OtherBodies,
        Roles = Roles.ToDictionary(r => r.Key, r => r.Value ?? ByPlace, StringComparer.Ordinal),
        Title = new BilingualText(TitleFr, TitleEn),
        Resources = new BilingualText(ResourcesFr, ResourcesEn),
        Kpi = new BilingualText(KpiFr, KpiEn),
        Deadline = new BilingualText(DeadlineFr, DeadlineEn),
    };
}

/// <summary>What the shared activity fields need: the form, the reference data, and on a conflict the fields that clash.</summary>
public sealed record ActivityFieldsModel(ActivityForm Form, IReadOnlyList<StrategicPlanElement> PlanElements, IReadOnlyList<Body> Bodies,
    IReadOnlyList<TaskType> TaskTypes, IReadOnlyList<ActivityField>? Conflicts = null);
