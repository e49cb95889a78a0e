using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Domain.Rules;

public enum Severity
{
    Error,
    Warning,
}

public enum RuleCode
{
    NotLinkedToStrategicPlan,
    TimeBoundWithoutDeadline,
    PermanentNotContinuous,
    LevelContradictsKeyword,
    DuplicateNumber,
    MissingNumber,
    NoKeyword,
    NoNextSteps,
    MissingTranslation,
    BlankPriority,
    Overdue,
    ReferenceToRetiredActivity,
    TranslationOutdated,
    DeadlineBeforePeriod,
    CodeNotInPlan,
}

/// <summary>The Strategic Plan a programme follows, as the checks read it: its period ("2025-2028") and its codes.</summary>
public sealed record FollowedPlan(string Period, IReadOnlySet<string> Codes)
{
    /// <summary>The row's codes its programme's plan does not hold, in the row's order.</summary>
    public IReadOnlyList<string> Missing(IEnumerable<string> codes) => codes.Where(c => !Codes.Contains(c)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The period as words write it ("2025–2028").</summary>
    public string PeriodWords => Period.Replace('-', '–');
}

/// <summary>One broken rule; <see cref="ActivityId"/> is null for a rule about a whole section.</summary>
public sealed record RuleViolation(RuleCode Rule, Severity Severity, Guid? ActivityId, Section Section, int? Number, BilingualText Message);

/// <summary>
/// The template's footnotes as checks. They report; they do not refuse, because the real documents break
/// some of them and the Secretariat must see where.
/// </summary>
public static class ProgrammeRules
{
    public static Severity SeverityOf(RuleCode rule) => rule switch
    {
        RuleCode.NoKeyword or RuleCode.NoNextSteps or RuleCode.MissingTranslation or RuleCode.BlankPriority or RuleCode.Overdue
            or RuleCode.ReferenceToRetiredActivity or RuleCode.TranslationOutdated or RuleCode.DeadlineBeforePeriod
            or RuleCode.CodeNotInPlan => Severity.Warning,
        _ => Severity.Error,
    };

    /// <summary>
    /// Whether an editor must act on a broken rule. A text waiting for its translation (missing or outdated) is the
    /// translators' ordinary work in progress, not an editor's task: it is information, shown grouped, never mixed with
    /// what must be fixed (docs/decisions/0029).
    /// </summary>
    public static bool NeedsAction(RuleCode rule) => rule is not (RuleCode.MissingTranslation or RuleCode.TranslationOutdated);

    /// <summary>The month a milestone falls in; a session milestone takes its session's date, so it follows the session when it moves.</summary>
    public delegate int? MilestoneMonth(DeadlineMilestone milestone);

    /// <param name="rows">The rows of one programme version.</param>
    /// <param name="statusOf">Each activity's status report for the session being reported.</param>
    /// <param name="reportedMonth">The month of that session (Session.MonthIndex): a time-bound activity whose deadline
    /// passed before it and that is not completed is overdue. Null: lateness is not checked.</param>
    /// <param name="monthOf">Where milestones fall; by default their own month (sessions are then not dated).</param>
    /// <param name="periodStartMonth">The month a carried-over programme's period opens: a time-bound deadline before it
    /// was kept from the previous period and needs a new one. Null: not checked.</param>
    /// <param name="plan">The plan the programme follows: a code it does not hold (carried over from another period's plan,
    /// or imported as the document wrote it) is kept and flagged, like a deadline before the period. Null: not checked.</param>
    public static IReadOnlyList<RuleViolation> Check(
        IEnumerable<ActivityVersion> rows, Func<Guid, StatusReport?> statusOf, int? reportedMonth = null, MilestoneMonth? monthOf = null,
        int? periodStartMonth = null, FollowedPlan? plan = null)
    {
        var all = rows.ToList();
        var live = all.Where(r => !r.IsDeleted).OrderBy(r => r.SortKey).ToList();
        var byId = all.ToDictionary(r => r.ActivityId);
        var violations = new List<RuleViolation>();
        foreach (var row in live)
        {
            var status = statusOf(row.ActivityId);
            violations.AddRange(CheckRow(row, status));
            violations.AddRange(CheckReferences(row, status, byId));
            if (reportedMonth is { } month && IsOverdue(row, status, month, monthOf ?? (m => m.MonthIndex)))
            {
                violations.Add(new RuleViolation(RuleCode.Overdue, Severity.Warning, row.ActivityId, row.Section, row.Number,
                    new BilingualText(
                        $"En retard : le délai ({row.Deadline.Text.Fr ?? row.Deadline.Text.En}) est dépassé et l’activité n’est pas achevée.",
                        $"Overdue: the deadline ({row.Deadline.Text.En ?? row.Deadline.Text.Fr}) has passed and the activity is not completed.")));
            }

            if (periodStartMonth is { } opens && row.Section == Section.TimeBound
                && Programmes.CarryOver.DeadlineBefore(row.Deadline, opens, monthOf ?? (m => m.MonthIndex)))
            {
                violations.Add(new RuleViolation(RuleCode.DeadlineBeforePeriod, Severity.Warning, row.ActivityId, row.Section, row.Number,
                    new BilingualText(
                        $"Délai antérieur à la période du programme ({row.Deadline.Text.Fr ?? row.Deadline.Text.En}) : fixez un nouveau délai.",
                        $"Deadline before the programme’s period ({row.Deadline.Text.En ?? row.Deadline.Text.Fr}): set a new deadline.")));
            }

            if (plan?.Missing(row.PlanCodes) is { Count: > 0 } missing)
            {
                violations.Add(new RuleViolation(RuleCode.CodeNotInPlan, Severity.Warning, row.ActivityId, row.Section, row.Number,
                    new BilingualText(
                        $"Renvoie à {(missing.Count == 1 ? "un code absent" : "des codes absents")} du plan {plan.PeriodWords} : {string.Join(", ", missing)}.",
                        $"Refers to {(missing.Count == 1 ? "a code" : "codes")} not in the plan {plan.PeriodWords}: {string.Join(", ", missing)}.")));
            }
        }

        foreach (var section in live.GroupBy(r => r.Section))
        {
            violations.AddRange(CheckNumbering(section.Key, section.ToList()));
        }

        return violations
            .OrderBy(v => v.Severity)
            .ThenBy(v => v.Section)
            .ThenBy(v => v.Number ?? int.MaxValue)
            .ThenBy(v => v.Rule)
            .ToList();
    }

    private static IEnumerable<RuleViolation> CheckRow(ActivityVersion row, StatusReport? status)
    {
        RuleViolation Violation(RuleCode rule, string fr, string en) =>
            new(rule, SeverityOf(rule), row.ActivityId, row.Section, row.Number, new BilingualText(fr, en));

        if (row.LinkedToStrategicPlan != true)
        {
            yield return Violation(RuleCode.NotLinkedToStrategicPlan,
                "L’activité n’est pas liée au Plan stratégique (la règle exige 100 %).",
                "The activity is not linked to the Strategic Plan (the rule requires 100%).");
        }

        if (row.Section == Section.TimeBound && row.Deadline.IsEmpty)
        {
            yield return Violation(RuleCode.TimeBoundWithoutDeadline,
                "Activité à délai spécifique sans délai.",
                "Time-bound activity without a deadline.");
        }

        if (row.Section == Section.Permanent && !row.Deadline.Continuous)
        {
            yield return Violation(RuleCode.PermanentNotContinuous,
                "Activité permanente dont le délai n’est pas « Travail continu ».",
                "Permanent activity whose deadline is not “continuous work”.");
        }

        if (row.Priority is null)
        {
            yield return Violation(RuleCode.BlankPriority, "Niveau de priorité non renseigné.", "Priority left blank.");
        }

        var untranslated = MissingTranslations(row, status);
        if (untranslated.Count > 0)
        {
            yield return Violation(RuleCode.MissingTranslation,
                $"Traduction manquante : {string.Join(", ", untranslated.Select(f => f.Fr))}.",
                $"Missing translation: {string.Join(", ", untranslated.Select(f => f.En))}.");
        }

        var names = row.OutdatedTranslations.Select(o => (Name: FieldName(o.Field), o.Outdated))
            .Concat((status?.OutdatedTranslations ?? []).Select(o => (Name: FieldName(o), o.Outdated)))
            .ToList();
        if (names.Count > 0)
        {
            yield return Violation(RuleCode.TranslationOutdated,
                $"Traduction à mettre à jour : {string.Join(", ", names.Select(n => $"{n.Name.Fr} ({n.Outdated.Code().ToUpperInvariant()})"))}.",
                $"Translation outdated: {string.Join(", ", names.Select(n => $"{n.Name.En} ({n.Outdated.Code().ToUpperInvariant()})"))}.");
        }

        if (status is null || status.Keyword is null)
        {
            yield return Violation(RuleCode.NoKeyword,
                "Le rapport de situation n’indique pas de mot clé (Achevé, En cours, Reporté, Pas encore commencé).",
                "The status report gives no keyword (Completed, Ongoing, Postponed, Not yet started).");
        }

        if (status is not null && status.LevelContradictsKeyword)
        {
            yield return Violation(RuleCode.LevelContradictsKeyword,
                $"Le niveau d’exécution ({status.ExecutionLevel}) contredit le mot clé ({status.Keyword}).",
                $"The execution level ({status.ExecutionLevel}) contradicts the keyword ({status.Keyword}).");
        }

        if (status is not null && status.Keyword != StatusKeyword.Completed && status.NextSteps.IsEmpty)
        {
            yield return Violation(RuleCode.NoNextSteps,
                "Le rapport de situation n’indique pas d’étapes suivantes.",
                "The status report gives no next steps.");
        }
    }

    /// <summary>A text referring to an activity retired in this version, or no longer in it, points at nothing.</summary>
    private static IEnumerable<RuleViolation> CheckReferences(ActivityVersion row, StatusReport? status, IReadOnlyDictionary<Guid, ActivityVersion> byId)
    {
        var targets = row.References
            .Concat(status is null ? [] : ReferencesOf(status))
            .Distinct()
            .Where(id => !byId.TryGetValue(id, out var target) || target.IsDeleted)
            .ToList();
        foreach (var id in targets)
        {
            var formerly = byId.GetValueOrDefault(id)?.PreviousNumber;
            var number = formerly is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
            yield return new RuleViolation(RuleCode.ReferenceToRetiredActivity, Severity.Warning, row.ActivityId, row.Section, row.Number,
                new BilingualText(
                    $"Le texte renvoie à une activité retirée du programme (ancien n° {number}).",
                    $"The text refers to an activity retired from the programme (formerly No. {number})."));
        }
    }

    /// <summary>The activities a status report's texts refer to.</summary>
    public static IEnumerable<Guid> ReferencesOf(StatusReport status) =>
        ActivityReferences.In(status.Narrative)
            .Concat(ActivityReferences.In(status.NextSteps))
            .Concat(status.MilestonesReached.SelectMany(m => ActivityReferences.In(m.Text)));

    /// <summary>Time-bound, its last dated milestone before the session being reported, and not completed.</summary>
    public static bool IsOverdue(ActivityVersion row, StatusReport? status, int reportedMonth, MilestoneMonth monthOf)
    {
        if (row.Section != Section.TimeBound || status?.Keyword == StatusKeyword.Completed)
        {
            return false;
        }

        var last = row.Deadline.Milestones.Select(m => monthOf(m)).Where(m => m is not null).Max();
        return last is not null && last < reportedMonth;
    }

    public static BilingualText FieldName(TextField field) => field switch
    {
        TextField.Title => new("activité", "activity"),
        TextField.Resources => new("ressources", "resources"),
        TextField.Kpi => new("indicateurs", "KPIs"),
        _ => new("délai", "deadline"),
    };

    /// <summary>A status report's text, as the checks name it ("milestone reached 2").</summary>
    public static BilingualText FieldName(OutdatedReportText text) => text.Field switch
    {
        ReportTextField.Narrative => new("état d’avancement", "status"),
        ReportTextField.NextSteps => new("étapes suivantes", "next steps"),
        _ => new($"étape franchie {text.Index + 1}", $"milestone reached {text.Index + 1}"),
    };

    private static List<BilingualText> MissingTranslations(ActivityVersion row, StatusReport? status)
    {
        var fields = new (BilingualText Text, BilingualText Name)[]
        {
            (row.Title, new("activité", "activity")),
            (row.Resources, new("ressources", "resources")),
            (row.Kpi, new("indicateurs", "KPIs")),
            (row.Deadline.Text, new("délai", "deadline")),
            (status?.Narrative ?? BilingualText.Empty, new("état d’avancement", "status")),
            (status?.NextSteps ?? BilingualText.Empty, new("étapes suivantes", "next steps")),
        };
        return fields.Where(f => f.Text.IsPartlyTranslated).Select(f => f.Name).ToList();
    }

    private static IEnumerable<RuleViolation> CheckNumbering(Section section, IReadOnlyList<ActivityVersion> rows)
    {
        foreach (var duplicate in rows.Where(r => r.Number is not null).GroupBy(r => r.Number).Where(g => g.Count() > 1))
        {
            foreach (var row in duplicate)
            {
                yield return new RuleViolation(RuleCode.DuplicateNumber, Severity.Error, row.ActivityId, section, row.Number,
                    new BilingualText($"Le numéro {row.Number} est utilisé plusieurs fois dans la section.",
                        $"Number {row.Number} is used more than once in the section."));
            }
        }

        foreach (var row in rows.Where(r => r.Number is null))
        {
            yield return new RuleViolation(RuleCode.MissingNumber, Severity.Error, row.ActivityId, section, null,
                new BilingualText("Activité sans numéro.", "Activity without a number."));
        }

        var used = rows.Where(r => r.Number is not null).Select(r => r.Number!.Value).ToHashSet();
        var highest = used.Count == 0 ? 0 : used.Max();
        foreach (var gap in Enumerable.Range(1, highest).Where(n => !used.Contains(n)))
        {
            yield return new RuleViolation(RuleCode.MissingNumber, Severity.Error, null, section, gap,
                new BilingualText($"Le numéro {gap} manque dans la section.", $"Number {gap} is missing from the section."));
        }
    }
}
