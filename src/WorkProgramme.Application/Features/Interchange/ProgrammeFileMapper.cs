using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Domain.StrategicPlans;

namespace WorkProgramme.Application.Features.Interchange;

/// <summary>
/// Turns a programme file into domain values, collecting every problem (row and field) instead of stopping
/// at the first, so the user can fix a file in one pass.
/// </summary>
internal sealed class ProgrammeFileMapper
{
    private readonly List<ImportProblem> problems = [];
    private readonly HashSet<string> knownBodies;
    private readonly HashSet<string> knownSessions;
    private readonly HashSet<string> knownPlanCodes;
    private readonly IReadOnlyList<string> knownTaskTypes;

    public ProgrammeFileMapper(IEnumerable<string> bodiesInDatabase, IEnumerable<string> sessionsInDatabase, IEnumerable<string> planCodesInDatabase,
        IEnumerable<string> taskTypesInDatabase)
    {
        knownTaskTypes = taskTypesInDatabase.ToList();
        knownBodies = bodiesInDatabase.ToHashSet(StringComparer.Ordinal);
        knownSessions = sessionsInDatabase.ToHashSet(StringComparer.Ordinal);
        knownPlanCodes = planCodesInDatabase.ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<ImportProblem> Problems => problems;

    public IReadOnlyList<Body> Bodies(IEnumerable<BodyDto> bodies) => bodies.Select((dto, index) =>
    {
        var at = $"reference.bodies[{index}] ({dto.Code})";
        var kind = Enum<BodyKind>(dto.Kind, at, "kind") ?? BodyKind.Other;
        knownBodies.Add(dto.Code);
        return Try(at, () => new Body(dto.Code, Text(dto.Abbreviation), Text(dto.Name), kind, dto.ReportsTo));
    }).OfType<Body>().ToList();

    public IReadOnlyList<Session> Sessions(IEnumerable<SessionDto> sessions) => sessions.Select((dto, index) =>
    {
        var at = $"reference.sessions[{index}] ({dto.Key})";
        var season = dto.Season is null ? null : Enum<Season>(dto.Season, at, "season");
        knownSessions.Add(dto.Key);
        return Try(at, () => new Session(dto.Key, dto.Body, dto.Ordinals ?? [], dto.Year, dto.Month, season, dto.StartDate, dto.EndDate, dto.Place));
    }).OfType<Session>().ToList();

    public IReadOnlyList<StrategicPlanElement> PlanElements(IEnumerable<PlanElementDto> elements) => elements.Select((dto, index) =>
    {
        var at = $"reference.strategicPlan[{index}] ({dto.Code})";
        var group = Enum<PlanElementGroup>(dto.Group, at, "group") ?? PlanElementGroup.WholePlan;
        knownPlanCodes.Add(dto.Code);
        return Try(at, () => new StrategicPlanElement(dto.Code, Text(dto.DisplayCode), Text(dto.Label), group, index + 1));
    }).OfType<StrategicPlanElement>().ToList();

    public VersionState? VersionState(VersionDto version)
    {
        if (version.Session is not null && !knownSessions.Contains(version.Session))
        {
            Add("version", "session", $"session inconnue « {version.Session} »", $"unknown session '{version.Session}'");
        }

        return Enum<VersionState>(version.State, "version", "state");
    }

    public void CheckBody(string code, string at, string field)
    {
        if (!knownBodies.Contains(code))
        {
            Add(at, field, $"organe inconnu « {code} »", $"unknown body '{code}'");
        }
    }

    public (ActivityContent? Content, ImportedStatus? Status) Activity(ActivityDto dto, int index, string? versionSession)
    {
        var at = $"activities[{index}] ({dto.Section} {dto.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"})";
        var before = problems.Count;
        var section = Enum<Section>(dto.Section, at, "section");
        var revision = Enum<RevisionKind>(dto.Revision, at, "revision");
        var priority = dto.Priority is null ? null : Enum<Priority>(dto.Priority, at, "priority");
        var taskType = dto.TaskType;
        if (TaskType.ProblemWith(taskType, knownTaskTypes) is { } taskTypeProblem)
        {
            problems.Add(new ImportProblem($"{at} › taskType", taskTypeProblem));
        }

        foreach (var code in dto.StrategicPlan.Where(c => !knownPlanCodes.Contains(c)))
        {
            Add(at, "strategicPlan", $"code du Plan stratégique inconnu « {code} »", $"unknown Strategic Plan code '{code}'");
        }

        foreach (var code in dto.Bodies)
        {
            CheckBody(code, at, "bodies");
        }

        var chosenRoles = new List<BodyRoleChoice>();
        foreach (var (code, role) in dto.BodyRoles ?? new Dictionary<string, string>())
        {
            if (!dto.Bodies.Contains(code))
            {
                Add(at, "bodyRoles", $"« {code} » n’est pas un organe de l’activité", $"'{code}' is not one of the activity's bodies");
            }
            else if (Enum<BodyRole>(role, at, "bodyRoles") is { } parsed)
            {
                chosenRoles.Add(new BodyRoleChoice(code, parsed));
            }
        }

        if (dto.Title is null || (string.IsNullOrWhiteSpace(dto.Title.Fr) && string.IsNullOrWhiteSpace(dto.Title.En)))
        {
            Add(at, "title", "l’intitulé est obligatoire", "the title is required");
        }

        var deadline = Deadline(dto.Deadline, at);
        var status = Status(dto.Status, at, versionSession);
        if (problems.Count > before || section is null || revision is null)
        {
            return (null, null);
        }

        var content = new ActivityContent
        {
            Section = section.Value,
            Number = dto.Number,
            PreviousNumber = dto.PreviousNumber,
            Revision = revision.Value,
            Priority = priority,
            LinkedToStrategicPlan = dto.LinkedToStrategicPlan,
            PlanCodes = dto.StrategicPlan,
            TaskType = taskType,
            BodyCodes = dto.Bodies,
            ChosenRoles = chosenRoles,
            Title = Text(dto.Title),
            Resources = Text(dto.Resources),
            Kpi = Text(dto.Kpi),
            Deadline = deadline ?? Domain.Activities.Deadline.None,
        };

        // Let the domain's own invariants speak (deleted rows have no number, etc.) with the row named.
        return Try(at, () => new ActivityVersion(Guid.NewGuid(), content)) is null ? (null, null) : (content, status);
    }

    private Deadline? Deadline(DeadlineDto? dto, string at)
    {
        if (dto is null)
        {
            return null;
        }

        var milestones = new List<DeadlineMilestone>();
        foreach (var (milestone, index) in dto.Milestones.Select((m, i) => (m, i)))
        {
            var field = $"deadline.milestones[{index}]";
            var kind = Enum<MilestoneKind>(milestone.Kind, at, field + ".kind");
            var season = milestone.Season is null ? null : Enum<Season>(milestone.Season, at, field + ".season");
            if (milestone.Month is < 1 or > 12)
            {
                Add(at, field + ".month", "mois entre 1 et 12", "month between 1 and 12");
            }

            if (kind is MilestoneKind.Season or MilestoneKind.Month or MilestoneKind.Year && milestone.Year is null)
            {
                Add(at, field + ".year", "l’année est obligatoire", "the year is required");
            }

            foreach (var body in milestone.Bodies)
            {
                CheckBody(body, at, field + ".bodies");
            }

            if (kind is { } k)
            {
                milestones.Add(new DeadlineMilestone
                {
                    Kind = k,
                    Year = milestone.Year,
                    Month = milestone.Month,
                    Season = season,
                    SessionBody = milestone.Body,
                    Ordinals = milestone.Ordinals ?? [],
                    Bodies = milestone.Bodies,
                });
            }
        }

        return Try(at + " deadline", () => new Deadline(Text(dto.Text), dto.Continuous, milestones));
    }

    private ImportedStatus? Status(StatusDto? dto, string at, string? versionSession)
    {
        if (dto is null)
        {
            return null;
        }

        var session = dto.Session ?? versionSession;
        if (session is null)
        {
            Add(at, "status.session", "la session du rapport de situation est obligatoire", "the status report's session is required");
        }
        else if (!knownSessions.Contains(session))
        {
            Add(at, "status.session", $"session inconnue « {session} »", $"unknown session '{session}'");
        }

        var keyword = dto.Keyword is null ? null : Enum<StatusKeyword>(dto.Keyword, at, "status.keyword");
        var level = dto.ExecutionLevel is null ? null : Enum<ExecutionLevel>(dto.ExecutionLevel, at, "status.executionLevel");
        return session is null
            ? null
            : new ImportedStatus(session, keyword, dto.KeywordInferred, level, Text(dto.Text), Text(dto.NextSteps),
                dto.MilestonesReached.Select(m => new ReachedMilestone(m.Date, Text(m.Text))).ToArray());
    }

    public TEnum? Enum<TEnum>(string? value, string at, string field)
        where TEnum : struct, Enum
    {
        if (Wire.TryParse<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        var allowed = string.Join(", ", Wire.Names<TEnum>());
        Add(at, field, $"valeur « {value} » inconnue (attendu : {allowed})", $"unknown value '{value}' (expected: {allowed})");
        return null;
    }

    public T? Try<T>(string at, Func<T> create)
        where T : class
    {
        try
        {
            return create();
        }
        catch (DomainException exception)
        {
            problems.Add(new ImportProblem(at, exception.Messages));
            return null;
        }
    }

    public void Add(string at, string field, string fr, string en) =>
        problems.Add(new ImportProblem($"{at} › {field}", new BilingualText(fr, en)));

    public static BilingualText Text(TextPair? pair) => pair is null ? BilingualText.Empty : new BilingualText(pair.Fr, pair.En);
}

internal sealed record ImportedStatus(string Session, StatusKeyword? Keyword, bool KeywordInferred, ExecutionLevel? Level,
    BilingualText Narrative, BilingualText NextSteps, IReadOnlyList<ReachedMilestone> MilestonesReached);
