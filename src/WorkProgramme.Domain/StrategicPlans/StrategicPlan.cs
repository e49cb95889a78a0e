using System.Globalization;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.StrategicPlans;

/// <summary>
/// One version of the organisation's Strategic Plan, for a period (2022–2025), with its codes (PS1, FA2, ORG1, OS1, ALL…).
/// A programme follows one plan; its activities name that plan's codes. A code is unique within its plan; a code an
/// activity uses can be renamed but not deleted (docs/decisions/0049).
/// </summary>
public sealed class StrategicPlan
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    private readonly List<StrategicPlanElement> elements = [];

    private StrategicPlan()
    {
        Title = BilingualText.Empty;
    }

    public StrategicPlan(int startYear, int endYear, BilingualText title)
    {
        CheckPeriod(startYear, endYear);
        StartYear = startYear;
        EndYear = endYear;
        Title = CheckTitle(title);
    }

    public int Id { get; private set; }

    public int StartYear { get; private set; }

    public int EndYear { get; private set; }

    public BilingualText Title { get; private set; }

    /// <summary>"2022-2025", the plan's name in addresses and on the command line.</summary>
    public string Period => PeriodOf(StartYear, EndYear);

    public IReadOnlyCollection<StrategicPlanElement> Elements => elements;

    public static string PeriodOf(int startYear, int endYear) => string.Create(CultureInfo.InvariantCulture, $"{startYear}-{endYear}");

    /// <summary>"2025-2028" as its two years when well-formed (two years from 2000 to 2100, the second after the first); null otherwise.</summary>
    public static (int Start, int End)? ParsePeriod(string? text)
    {
        var parts = (text ?? "").Trim().Split('-');
        if (parts.Length != 2 || parts.Any(p => p.Length != 4 || !p.All(char.IsAsciiDigit)))
        {
            return null;
        }

        var (start, end) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        return IsWellFormed(start, end) ? (start, end) : null;
    }

    public static readonly BilingualText PeriodWords = new(
        $"La période : deux années de {FirstYear} à {LastYear}, la seconde après la première (par exemple 2026-2029).",
        $"The period: two years from {FirstYear} to {LastYear}, the second after the first (for example 2026-2029).");

    /// <summary>The title a plan gets when a programme file brings its codes and no plan covers the programme's period.</summary>
    public static BilingualText DefaultTitle(int startYear, int endYear) =>
        new($"Plan stratégique de l’OMD {startYear}–{endYear}", $"WCO Strategic Plan {startYear}–{endYear}");

    public bool Covers(int year) => StartYear <= year && year <= EndYear;

    /// <summary>Whether two plans would share a year: a year has one plan, so a new programme's default is never ambiguous.</summary>
    public bool Overlaps(int startYear, int endYear) => startYear <= EndYear && StartYear <= endYear;

    public void Retitle(BilingualText title) => Title = CheckTitle(title);

    public StrategicPlanElement? Find(string code) => elements.Find(e => e.Code == code);

    /// <summary>Adds a code at the end of the plan's order.</summary>
    public StrategicPlanElement AddCode(string code, BilingualText displayCode, BilingualText label, PlanElementGroup group)
    {
        var element = new StrategicPlanElement(code, displayCode, label, group, elements.Count == 0 ? 1 : elements.Max(e => e.Order) + 1);
        Add(element);
        return element;
    }

    /// <summary>The code's words, group and order from a programme file: a known code is updated, a new one added.</summary>
    public void Merge(StrategicPlanElement element)
    {
        if (Find(element.Code) is { } stored)
        {
            stored.Update(element.DisplayCode, element.Label, element.Group, element.Order);
        }
        else
        {
            Add(element);
        }
    }

    /// <summary>Renames a code: its words per language and its name; the code itself, the key activities hold, stays.</summary>
    public void Rename(string code, BilingualText displayCode, BilingualText label)
    {
        var element = Find(code) ?? throw Unknown(code);
        element.Update(displayCode, label, element.Group, element.Order);
    }

    /// <summary>Deletes a code no activity uses; one in use is refused (rename it instead).</summary>
    public void Remove(string code, Func<string, bool> inUse)
    {
        ArgumentNullException.ThrowIfNull(inUse);
        var element = Find(code) ?? throw Unknown(code);
        if (inUse(code))
        {
            throw new DomainException(
                $"Le code « {code} » est utilisé par une activité : il peut être renommé, pas supprimé.",
                $"The code '{code}' is used by an activity: it can be renamed, not deleted.");
        }

        elements.Remove(element);
    }

    private void Add(StrategicPlanElement element)
    {
        if (Find(element.Code) is not null)
        {
            throw new DomainException(
                $"Le plan {Period} a déjà le code « {element.Code} ».", $"The {Period} plan already has the code '{element.Code}'.");
        }

        elements.Add(element);
    }

    private static DomainException Unknown(string code) =>
        new($"Ce plan n’a pas de code « {code} ».", $"This plan has no code '{code}'.");

    private static bool IsWellFormed(int start, int end) =>
        start is >= FirstYear and <= LastYear && end is >= FirstYear and <= LastYear && end > start;

    private static void CheckPeriod(int start, int end)
    {
        if (!IsWellFormed(start, end))
        {
            throw new DomainException(PeriodWords);
        }
    }

    private static BilingualText CheckTitle(BilingualText title)
    {
        if (title.IsEmpty)
        {
            throw new DomainException("Le plan a un titre, en français ou en anglais.", "The plan needs a title, in French or in English.");
        }

        return TextRule.Name.Check(title);
    }
}
