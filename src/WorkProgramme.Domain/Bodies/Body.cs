using System.Text.RegularExpressions;
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
public sealed partial class Body
{
    /// <summary>The longest code (the column's length).</summary>
    public const int CodeMaxLength = 40;

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

    /// <summary>
    /// A new body, added by an administrator (docs/decisions/0042): its code is checked for shape (<see cref="CheckCode"/>),
    /// its words by the same rules as a rename.
    /// </summary>
    public static Body Add(string? code, BilingualText abbreviation, BilingualText name, BodyKind kind)
    {
        var body = new Body(CheckCode(code), BilingualText.Empty, BilingualText.Empty, kind);
        body.Update(abbreviation, name, kind, null);
        return body;
    }

    /// <summary>
    /// The shape of a new code, the key programmes, sessions, activities and users name the body by for good: letters
    /// and digits in words joined by one space, hyphen, slash, apostrophe or full stop, as the document writes them
    /// ("CTP", "CG/CKR", "GT-SAFE", "CG de la Convention d’Istanbul"), at most <see cref="CodeMaxLength"/> characters.
    /// </summary>
    public static string CheckCode(string? code)
    {
        var text = UserText.Normalize(code);
        if (text is null)
        {
            throw new DomainException("Le code de l’organe est obligatoire (par exemple CTP).", "The body's code is required (for example CTP).");
        }

        if (text.Length > CodeMaxLength || !CodeShape().IsMatch(text))
        {
            throw new DomainException(
                $"Le code de l’organe : des lettres et des chiffres, en mots séparés par une espace, un tiret, une barre oblique ou une apostrophe, {CodeMaxLength} caractères au plus (par exemple CTP, CG/CKR, GT-SAFE).",
                $"The body's code: letters and digits, in words joined by a space, a hyphen, a slash or an apostrophe, at most {CodeMaxLength} characters (for example CTP, CG/CKR, GT-SAFE).");
        }

        return text;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}]+(?:[ \-/’'.][\p{L}\p{N}]+)*$")]
    private static partial Regex CodeShape();

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
