namespace WorkProgramme.Application.Features.Interchange;

// The programme file: the curated data in data/, what `wp export --format json` and GET /api/programmes/{slug}
// write, and what `wp import` reads. Field names are stable: later versions add fields, never rename them.
// Enumerations are strings so that a bad value gets a message naming the row and the field.

public sealed record TextPair(string? Fr, string? En);

public sealed record ProgrammeFile
{
    public string Format { get; init; } = ProgrammeFileFormat.Current;

    public string Slug { get; init; } = "";

    public TextPair? Title { get; init; }

    public string Body { get; init; } = "";

    public PeriodDto? Period { get; init; }

    public VersionDto? Version { get; init; }

    public IReadOnlyList<ActivityDto> Activities { get; init; } = [];

    public ReferenceDto? Reference { get; init; }
}

public static class ProgrammeFileFormat
{
    public const string Current = "workprogramme/1";
}

public sealed record PeriodDto(int Start, int End);

public sealed record VersionDto(string Label, string? DocumentSymbol, string State, string? Session);

public sealed record ActivityDto
{
    public Guid? Id { get; init; }

    public string Section { get; init; } = "";

    public int? Number { get; init; }

    public int? PreviousNumber { get; init; }

    public string Revision { get; init; } = "";

    public string? Priority { get; init; }

    public bool? LinkedToStrategicPlan { get; init; }

    public IReadOnlyList<string> StrategicPlan { get; init; } = [];

    public string? TaskType { get; init; }

    public IReadOnlyList<string> Bodies { get; init; } = [];

    /// <summary>
    /// The role chosen for a body ("lead", "supporting", "deciding"), by body code, where it differs from the role its
    /// place gives it (the first leads, decision bodies decide, the rest support). Absent: every body by its place.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? BodyRoles { get; init; }

    public TextPair? Title { get; init; }

    public TextPair? Resources { get; init; }

    public TextPair? Kpi { get; init; }

    public DeadlineDto? Deadline { get; init; }

    public StatusDto? Status { get; init; }

    /// <summary>The activity of the previous period this one continues (docs/decisions/0039); absent when it started here.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public CarriedFromDto? CarriedFrom { get; init; }
}

/// <summary>"carriedFrom": the previous programme (its slug), the activity's id there and its label there ("I.12").</summary>
public sealed record CarriedFromDto(string Programme, Guid Id, string Label);

public sealed record DeadlineDto
{
    public TextPair? Text { get; init; }

    public bool Continuous { get; init; }

    public IReadOnlyList<MilestoneDto> Milestones { get; init; } = [];
}

public sealed record MilestoneDto
{
    public string Kind { get; init; } = "";

    public int? Year { get; init; }

    public int? Month { get; init; }

    public string? Season { get; init; }

    public string? Body { get; init; }

    public IReadOnlyList<int>? Ordinals { get; init; }

    public IReadOnlyList<string> Bodies { get; init; } = [];
}

public sealed record StatusDto
{
    public string? Session { get; init; }

    public string? Keyword { get; init; }

    public bool KeywordInferred { get; init; }

    public string? ExecutionLevel { get; init; }

    public TextPair? Text { get; init; }

    public TextPair? NextSteps { get; init; }

    public IReadOnlyList<ReachedMilestoneDto> MilestonesReached { get; init; } = [];
}

public sealed record ReachedMilestoneDto(DateOnly? Date, TextPair? Text);

public sealed record ReferenceDto
{
    public IReadOnlyList<BodyDto> Bodies { get; init; } = [];

    public IReadOnlyList<SessionDto> Sessions { get; init; } = [];

    public IReadOnlyList<PlanElementDto> StrategicPlan { get; init; } = [];
}

public sealed record BodyDto(string Code, TextPair? Abbreviation, TextPair? Name, string Kind, string? ReportsTo);

public sealed record SessionDto(string Key, string Body, IReadOnlyList<int> Ordinals, int Year, int Month, string? Season,
    DateOnly? StartDate, DateOnly? EndDate, string? Place);

public sealed record PlanElementDto(string Code, TextPair? DisplayCode, TextPair? Label, string Group);
