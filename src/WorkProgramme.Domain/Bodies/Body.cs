using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Bodies;

public enum BodyKind
{
    Council,
    PolicyCommission,
    Committee,
    WorkingGroup,
    ProjectTeam,
    ManagementCommittee,
    ContactCommittee,
    Other,
}

/// <summary>A working body of the organisation (committee, council, working group...).</summary>
public sealed class Body
{
    private Body()
    {
        Code = null!;
        Name = null!;
    }

    public Body(string code, BilingualText abbreviation, BilingualText name, BodyKind kind, string? reportsTo = null)
    {
        Code = Guard.Code(code, nameof(code));
        Abbreviation = abbreviation;
        Name = TextRule.Name.Check(name);
        Kind = kind;
        ReportsTo = reportsTo;
    }

    public int Id { get; private set; }

    /// <summary>The key used in programmes and exports: the abbreviation as the French document writes it.</summary>
    public string Code { get; private set; }

    /// <summary>FR/EN abbreviations (CTP / PTC); the English one may be unknown.</summary>
    public BilingualText Abbreviation { get; private set; } = BilingualText.Empty;

    public BilingualText Name { get; private set; }

    public BodyKind Kind { get; private set; }

    /// <summary>Code of the body this one reports to, if any.</summary>
    public string? ReportsTo { get; private set; }

    /// <summary>Bodies that discuss, guide or approve rather than carry out the work (footnote 5).</summary>
    public bool IsDecisionBody => Kind is BodyKind.Council or BodyKind.PolicyCommission;

    public void Update(BilingualText abbreviation, BilingualText name, BodyKind kind, string? reportsTo)
    {
        if (reportsTo == Code)
        {
            throw new DomainException("Un organe ne peut pas faire rapport à lui-même.", "A body cannot report to itself.");
        }

        if (name.IsEmpty)
        {
            throw new DomainException("Un organe a un nom, en français ou en anglais.", "A body has a name, in French or in English.");
        }

        Abbreviation = TextRule.Abbreviation.Check(abbreviation);
        Name = TextRule.Name.Check(name);
        Kind = kind;
        ReportsTo = reportsTo;
    }
}
