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
        Code = Guard.Code(code, nameof(code));
        DisplayCode = displayCode;
        Label = TextRule.Name.Check(label);
        Group = group;
        Order = order;
    }

    public int Id { get; private set; }

    /// <summary>The code as the French document writes it; the key in programmes and exports.</summary>
    public string Code { get; private set; }

    /// <summary>The code per language (PS1 / SP1).</summary>
    public BilingualText DisplayCode { get; private set; }

    public BilingualText Label { get; private set; }

    public PlanElementGroup Group { get; private set; }

    public int Order { get; private set; }

    public void Update(BilingualText displayCode, BilingualText label, PlanElementGroup group, int order)
    {
        DisplayCode = displayCode;
        Label = TextRule.Name.Check(label);
        Group = group;
        Order = order;
    }
}
