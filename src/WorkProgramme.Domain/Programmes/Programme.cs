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
        Title = TextRule.ProgrammeTitle.Check(title);
    }

    public int Id { get; private set; }

    public string Slug { get; private set; }

    public string BodyCode { get; private set; }

    public int PeriodStart { get; private set; }

    public int PeriodEnd { get; private set; }

    public BilingualText Title { get; private set; }

    public IReadOnlyCollection<ProgrammeVersion> Versions => versions;

    /// <summary>The Strategic Plan whose codes its activities name (docs/decisions/0049); null when no plan covers it.</summary>
    public int? PlanId { get; private set; }

    /// <summary>The programme of the previous period this one continues (its slug); null for a programme started afresh.</summary>
    public string? Predecessor { get; private set; }

    /// <summary>The programme of the next period that took over from this one; set when this one is archived.</summary>
    public string? Successor { get; private set; }

    /// <summary>
    /// An archived programme is read-only history: its versions, reports and documents stay to be read, and nothing of
    /// it changes again (docs/decisions/0040).
    /// </summary>
    public bool IsArchived { get; private set; }

    /// <summary>
    /// The month the period opens in (Session.MonthIndex scale): a programme runs from July of its first year, after the
    /// Council's June session approved it, to June of its last (docs/decisions/0039).
    /// </summary>
    public int StartMonthIndex => PeriodOpens(PeriodStart);

    /// <summary>July of <paramref name="periodStart"/>, in months (Session.MonthIndex scale).</summary>
    public static int PeriodOpens(int periodStart) => (periodStart * 12) + 6;

    /// <summary>Refuses any change to an archived programme, in words (the one guard every write goes through).</summary>
    public void EnsureNotArchived()
    {
        if (IsArchived)
        {
            throw new ArchivedProgrammeException(Title);
        }
    }

    /// <summary>
    /// Makes this programme the next period of <paramref name="previous"/>: records the lineage both ways and archives
    /// the previous one, which from then on is read-only history.
    /// </summary>
    public void Continue(Programme previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        previous.EnsureNotArchived();
        if (previous.Slug == Slug)
        {
            throw new DomainException("Un programme ne peut pas se continuer lui-même.", "A programme cannot continue itself.");
        }

        if (PeriodStart < previous.PeriodEnd)
        {
            throw new DomainException(
                $"La période {PeriodStart}-{PeriodEnd} commence avant la fin de celle qu’elle continue ({previous.PeriodStart}-{previous.PeriodEnd}).",
                $"The period {PeriodStart}-{PeriodEnd} starts before the end of the one it continues ({previous.PeriodStart}-{previous.PeriodEnd}).");
        }

        Predecessor = previous.Slug;
        previous.Successor = Slug;
        previous.IsArchived = true;
    }

    /// <summary>The Strategic Plan the programme's activities take their codes from.</summary>
    public void Follow(StrategicPlans.StrategicPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        EnsureNotArchived();
        PlanId = plan.Id;
    }

    public void Describe(string bodyCode, int periodStart, int periodEnd, BilingualText title)
    {
        EnsureNotArchived();
        if (periodEnd < periodStart || title.IsEmpty)
        {
            throw new DomainException("Période ou titre invalide.", "Invalid period or title.");
        }

        BodyCode = bodyCode;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        Title = TextRule.ProgrammeTitle.Check(title);
    }

    public ProgrammeVersion AddVersion(string label, string? documentSymbol, string? sessionKey)
    {
        EnsureNotArchived();
        if (versions.Any(v => v.Label == label))
        {
            throw new DomainException($"La version « {label} » existe déjà.", $"Version '{label}' already exists.");
        }

        var version = new ProgrammeVersion(label, documentSymbol, sessionKey, versions.Count + 1);
        versions.Add(version);
        return version;
    }

    /// <summary>The newest version, whatever its state.</summary>
    public ProgrammeVersion? Latest => versions.MaxBy(v => v.Sequence);

    /// <summary>The versions <paramref name="reader"/> may see (drafts only for those who see the body's drafts).</summary>
    public ProgrammeVisibility VisibleTo(IProgrammeReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new ProgrammeVisibility(this, reader.SeesDraftsOf(BodyCode));
    }

    /// <summary>
    /// Starts a revision: a new draft holding the rows of the latest version, ready to be reworded, reordered, added to
    /// or retired from. One draft at a time, so two revisions never compete.
    /// </summary>
    public ProgrammeVersion StartRevision(string label, string? documentSymbol, string? sessionKey)
    {
        EnsureNotArchived();
        var current = Latest
            ?? throw new DomainException("Ce programme n’a pas encore de version à réviser.", "This programme has no version to revise yet.");
        if (current.State == VersionState.Draft)
        {
            throw new DomainException(
                $"Une révision est déjà en cours (projet « {current.Label} ») : terminez-la avant d’en commencer une autre.",
                $"A revision is already in progress (draft '{current.Label}'): finish it before starting another.");
        }

        var draft = AddVersion(label, documentSymbol, sessionKey);
        draft.CopyRowsFrom(current);
        return draft;
    }
}

/// <summary>A change asked of an archived programme: refused in words, as a conflict with the programme's state.</summary>
public sealed class ArchivedProgrammeException(BilingualText title) : DomainException(
    $"Le programme « {title.Fr ?? title.En} » est archivé : c’est l’historique d’une période close, il ne change plus.",
    $"The programme '{title.En ?? title.Fr}' is archived: it is the history of a closed period and no longer changes.");
