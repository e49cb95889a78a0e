using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Programmes;

/// <summary>A body's multi-year work programme, e.g. the PTC's 2022-2025 programme.</summary>
public sealed class Programme
{
    private readonly List<ProgrammeVersion> versions = [];

    private Programme()
    {
        Slug = null!;
        BodyCode = null!;
        Title = BilingualText.Empty;
    }

    public Programme(string slug, string bodyCode, int periodStart, int periodEnd, BilingualText title)
    {
        if (string.IsNullOrWhiteSpace(slug) || !slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new DomainException(
                $"L’identifiant « {slug} » doit être en minuscules, chiffres et tirets.",
                $"The slug '{slug}' must use lower-case letters, digits and hyphens.");
        }

        if (periodEnd < periodStart)
        {
            throw new DomainException("La période finit avant de commencer.", "The period ends before it starts.");
        }

        if (title.IsEmpty)
        {
            throw new DomainException("Le programme a un titre.", "The programme needs a title.");
        }

        Slug = slug;
        BodyCode = bodyCode;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        Title = title;
    }

    public int Id { get; private set; }

    public string Slug { get; private set; }

    public string BodyCode { get; private set; }

    public int PeriodStart { get; private set; }

    public int PeriodEnd { get; private set; }

    public BilingualText Title { get; private set; }

    public IReadOnlyCollection<ProgrammeVersion> Versions => versions;

    public void Describe(string bodyCode, int periodStart, int periodEnd, BilingualText title)
    {
        if (periodEnd < periodStart || title.IsEmpty)
        {
            throw new DomainException("Période ou titre invalide.", "Invalid period or title.");
        }

        BodyCode = bodyCode;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        Title = title;
    }

    public ProgrammeVersion AddVersion(string label, string? documentSymbol, string? sessionKey)
    {
        if (versions.Any(v => v.Label == label))
        {
            throw new DomainException($"La version « {label} » existe déjà.", $"Version '{label}' already exists.");
        }

        var version = new ProgrammeVersion(label, documentSymbol, sessionKey, versions.Count + 1);
        versions.Add(version);
        return version;
    }
}
