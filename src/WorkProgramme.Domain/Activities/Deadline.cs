using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;

namespace WorkProgramme.Domain.Activities;

public enum MilestoneKind
{
    /// <summary>A named session of a body, e.g. the PTC's 243rd/244th sessions.</summary>
    Session,

    /// <summary>"Printemps 2025 (CTP)".</summary>
    Season,

    /// <summary>"Juin 2025 (CPG et Conseil)".</summary>
    Month,

    /// <summary>"2025".</summary>
    Year,

    /// <summary>"Travail continu".</summary>
    Continuous,
}

/// <summary>One point in time a deadline names, with the bodies it concerns.</summary>
public sealed record DeadlineMilestone
{
    public MilestoneKind Kind { get; init; }

    public int? Year { get; init; }

    public int? Month { get; init; }

    public Season? Season { get; init; }

    /// <summary>For <see cref="MilestoneKind.Session"/>: the body whose session it is.</summary>
    public string? SessionBody { get; init; }

    /// <summary>For <see cref="MilestoneKind.Session"/>: the session's ordinals.</summary>
    public IReadOnlyList<int> Ordinals { get; init; } = [];

    public IReadOnlyList<string> Bodies { get; init; } = [];

    /// <summary>
    /// The month the milestone falls in, for ordering and lateness. Seasons map to the months the bodies
    /// meet in (spring = April, autumn = October); a bare year to its December.
    /// </summary>
    public int? MonthIndex => Kind switch
    {
        MilestoneKind.Month when Year is { } y && Month is { } m => (y * 12) + m - 1,
        MilestoneKind.Season when Year is { } y && Season is { } s => (y * 12) + SeasonMonth(s) - 1,
        MilestoneKind.Year when Year is { } y => (y * 12) + 11,
        _ => null,
    };

    public static int SeasonMonth(Season season) => season switch
    {
        Sessions.Season.Spring => 4,
        Sessions.Season.Summer => 6,
        Sessions.Season.Autumn => 10,
        _ => 12,
    };

    public bool Equals(DeadlineMilestone? other) =>
        other is not null && Kind == other.Kind && Year == other.Year && Month == other.Month && Season == other.Season
        && SessionBody == other.SessionBody && Ordinals.SequenceEqual(other.Ordinals) && Bodies.SequenceEqual(other.Bodies);

    public override int GetHashCode() => HashCode.Combine(Kind, Year, Month, Season, SessionBody);
}

/// <summary>
/// A deadline keeps the wording the Secretariat wrote (the official text) and the milestones read from it
/// (what the software reasons with).
/// </summary>
public sealed record Deadline
{
    public static readonly Deadline None = new(BilingualText.Empty, false, []);

    public Deadline(BilingualText text, bool continuous, IReadOnlyList<DeadlineMilestone> milestones)
    {
        if (continuous && milestones.Any(m => m.Kind != MilestoneKind.Continuous))
        {
            throw new DomainException(
                "Un délai « travail continu » ne peut pas avoir d’autres jalons.",
                "A continuous-work deadline cannot have other milestones.");
        }

        Text = text;
        Continuous = continuous;
        Milestones = milestones;
    }

    public static Deadline ContinuousWork(BilingualText text) =>
        new(text, true, [new DeadlineMilestone { Kind = MilestoneKind.Continuous }]);

    public BilingualText Text { get; }

    public bool Continuous { get; }

    public IReadOnlyList<DeadlineMilestone> Milestones { get; }

    public bool IsEmpty => Text.IsEmpty && Milestones.Count == 0 && !Continuous;

    /// <summary>The latest dated milestone, in months; null when none is dated.</summary>
    public int? LastMonthIndex => Milestones.Select(m => m.MonthIndex).Where(i => i is not null).Max();

    public bool Equals(Deadline? other) =>
        other is not null && Text == other.Text && Continuous == other.Continuous && Milestones.SequenceEqual(other.Milestones);

    public override int GetHashCode() => HashCode.Combine(Text, Continuous, Milestones.Count);
}
