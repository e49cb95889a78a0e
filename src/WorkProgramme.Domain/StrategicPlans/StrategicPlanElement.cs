using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.StrategicPlans;

public enum PlanElementGroup
{
    StrategicProcess,
    FocusArea,
    StrategicObjective,
    OrganisationalCapacity,
    WholePlan,
}

/// <summary>One code of the organisation's Strategic Plan (PS1, FA2, ORG1, OS1, ALL...).</summary>
public sealed class StrategicPlanElement
{
    private StrategicPlanElement()
    {
        Code = null!;
        Label = null!;
        DisplayCode = null!;
    }

    public StrategicPlanElement(string code, BilingualText displayCode, BilingualText label, PlanElementGroup group, int order)
    {
        Code = CheckCode(code);
        DisplayCode = CheckDisplayCode(displayCode);
        Label = CheckLabel(label);
        Group = group;
        Order = order;
    }

    public const int CodeMaxLength = 20;

    public int Id { get; private set; }

    /// <summary>The plan the code belongs to.</summary>
    public int PlanId { get; private set; }

    /// <summary>The code as the French document writes it; the key in programmes and exports.</summary>
    public string Code { get; private set; }

    /// <summary>The code per language (PS1 / SP1).</summary>
    public BilingualText DisplayCode { get; private set; }

    public BilingualText Label { get; private set; }

    public PlanElementGroup Group { get; private set; }

    public int Order { get; private set; }

    public void Update(BilingualText displayCode, BilingualText label, PlanElementGroup group, int order)
    {
        DisplayCode = CheckDisplayCode(displayCode);
        Label = CheckLabel(label);
        Group = group;
        Order = order;
    }

    /// <summary>Letters, digits, dot and hyphen, at most <see cref="CodeMaxLength"/> (PS1, ORG2, ALL).</summary>
    private static string CheckCode(string? code)
    {
        var value = Guard.Code(code, "code");
        if (value.Length > CodeMaxLength || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-'))
        {
            throw new DomainException(
                $"Le code « {value} » : lettres, chiffres, point et tiret, {CodeMaxLength} caractères au plus (par exemple PS1).",
                $"The code '{value}': letters, digits, dot and hyphen, at most {CodeMaxLength} characters (for example PS1).");
        }

        return value;
    }

    private static BilingualText CheckDisplayCode(BilingualText displayCode)
    {
        ArgumentNullException.ThrowIfNull(displayCode);
        if ((displayCode.Fr?.Length ?? 0) > CodeMaxLength || (displayCode.En?.Length ?? 0) > CodeMaxLength)
        {
            throw new DomainException(
                $"Le code tel qu’il s’écrit compte au plus {CodeMaxLength} caractères par langue.",
                $"The code as written has at most {CodeMaxLength} characters per language.");
        }

        return TextRule.Name.Check(displayCode);
    }

    private static BilingualText CheckLabel(BilingualText label)
    {
        if (label.IsEmpty)
        {
            throw new DomainException("Le code a un nom, en français ou en anglais.", "The code needs a name, in French or in English.");
        }

        return TextRule.Name.Check(label);
    }
}
