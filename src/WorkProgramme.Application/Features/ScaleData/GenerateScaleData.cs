using System.Security.Cryptography;
using System.Text;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.ScaleData;

/// <summary>
/// Made-up committees for measuring performance: each with its calendar of sessions, one programme version and status
/// reports for its last session. Written through the import, so the data obeys the same rules as real files; the same
/// arguments always give the same data.
/// </summary>
public static class GenerateScaleData
{
    public sealed record Command(int Committees, int Activities, int Sessions, int Seed = 2024);

    public sealed record Outcome(int Programmes, int Activities, IReadOnlyList<string> Problems);

    private static readonly string[] Resources =
    [
        "Un/deux agent(s) de la Sous-direction de la facilitation",
        "0,5 agent de la Sous-direction de la facilitation",
        "Deux agents de la Sous-direction du contrôle",
        "Un agent de l’Unité de recherche et un agent de la Sous-direction de la facilitation",
        "0,5 agent de la Direction du renforcement des capacités",
        "Fonctionnaires de la Sous-Direction de l’Origine",
    ];

    /// <summary>The Strategic Plan elements as the shipped PTC data states them, so generating beside it changes none.</summary>
    private static readonly (string Code, string DisplayEn, string Fr, string En, string Group)[] Plan =
    [
        ("PS1", "SP1", "Développer, mettre à jour et mettre en œuvre des instruments", "Develop, update and implement instruments", "strategic-process"),
        ("PS2", "SP2", "Encourager la coopération douanière", "Encourage Customs cooperation", "strategic-process"),
        ("PS3", "SP3", "Renforcer les capacités", "Build capacity", "strategic-process"),
        ("FA1", "FA1", "Axe 1", "Focus area 1", "focus-area"),
        ("FA2", "FA2", "Axe 2", "Focus area 2", "focus-area"),
        ("ORG1", "ORG1", "Plan de modernisation", "Modernisation plan", "organisational-capacity"),
    ];

    private static readonly (string Keyword, string Level)[] Statuses =
        [("completed", "green"), ("ongoing", "blue"), ("ongoing", "blue"), ("ongoing", "blue"), ("postponed", "red"), ("not-started", "red")];

    public sealed class Handler(ImportProgramme.Handler import)
    {
        public async Task<Outcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (command.Committees is < 1 or > 999 || command.Activities is < 1 or > 5000 || command.Sessions is < 1 or > 100)
            {
                throw new DomainException(
                    "Entre 1 et 999 comités, 1 et 5000 activités, 1 et 100 sessions.",
                    "Between 1 and 999 committees, 1 and 5000 activities, 1 and 100 sessions.");
            }

            var random = new Random(command.Seed);
            var problems = new List<string>();
            var activities = 0;
            for (var c = 1; c <= command.Committees; c++)
            {
                var file = Programme(c, command, random);
                var outcome = await import.HandleAsync(new ImportProgramme.Command(file), cancellationToken);
                if (!outcome.Succeeded)
                {
                    problems.AddRange(outcome.Problems.Select(p => $"{file.Slug}: {p.Describe(Language.En)}"));
                    continue;
                }

                activities += outcome.Activities;
            }

            return new Outcome(command.Committees - problems.Select(p => p.Split(':')[0]).Distinct().Count(), activities, problems);
        }
    }

    private static ProgrammeFile Programme(int committee, Command command, Random random)
    {
        var code = $"C{committee:000}";
        var firstYear = 2020;
        var sessions = Enumerable.Range(0, command.Sessions)
            .Select(i => new SessionDto($"{code.ToLowerInvariant()}-{i + 1}", code, [i + 1], firstYear + (i / 2), i % 2 == 0 ? 4 : 10,
                i % 2 == 0 ? "spring" : "autumn", null, null, null))
            .ToList();
        var last = sessions[^1];
        var timeBound = (command.Activities + 1) / 2;
        var rows = Enumerable.Range(0, command.Activities).Select(i =>
        {
            var isTimeBound = i < timeBound;
            var year = firstYear + random.Next(0, (command.Sessions / 2) + 2);
            var spring = random.Next(2) == 0;
            var (keyword, level) = Statuses[random.Next(Statuses.Length)];
            return new ActivityDto
            {
                Id = StableId($"{code}/{i}"),
                Section = isTimeBound ? "time-bound" : "permanent",
                Number = isTimeBound ? i + 1 : i - timeBound + 1,
                PreviousNumber = isTimeBound ? i + 1 : i - timeBound + 1,
                Revision = "unchanged",
                Priority = random.Next(10) switch { < 4 => "A", < 8 => "B", < 9 => "C", _ => null },
                LinkedToStrategicPlan = true,
                StrategicPlan = [Plan[random.Next(Plan.Length)].Code],
                TaskType = random.Next(4) switch { 0 => "fine-tuning", 1 => "updating", 2 => "development", _ => "maintenance" },
                Bodies = [code],
                Title = new TextPair($"Activité {i + 1} du comité {code}", $"Activity {i + 1} of committee {code}"),
                Resources = new TextPair(Resources[random.Next(Resources.Length)], null),
                Kpi = new TextPair("Rapport présenté au comité", "Report presented to the committee"),
                Deadline = isTimeBound
                    ? new DeadlineDto
                    {
                        Text = new TextPair($"{(spring ? "Printemps" : "Automne")} {year} ({code})", $"{(spring ? "Spring" : "Autumn")} {year} ({code})"),
                        Milestones = [new MilestoneDto { Kind = "season", Year = year, Season = spring ? "spring" : "autumn", Bodies = [code] }],
                    }
                    : new DeadlineDto
                    {
                        Text = new TextPair("Travail continu", "Continuous work"),
                        Continuous = true,
                        Milestones = [new MilestoneDto { Kind = "continuous" }],
                    },
                Status = new StatusDto
                {
                    Session = last.Key,
                    Keyword = keyword,
                    ExecutionLevel = level,
                    Text = new TextPair("Travaux en cours selon le calendrier prévu.", "Work proceeding as planned."),
                    NextSteps = new TextPair("Présentation à la prochaine session.", "Presentation at the next session."),
                },
            };
        }).ToList();

        return new ProgrammeFile
        {
            Slug = $"scale-{code.ToLowerInvariant()}",
            Title = new TextPair($"Programme de travail du comité {code}", $"Work programme of committee {code}"),
            Body = code,
            Period = new PeriodDto(firstYear, firstYear + (command.Sessions / 2) + 1),
            Version = new VersionDto("generated", null, "endorsed", last.Key),
            Activities = rows,
            Reference = new ReferenceDto
            {
                Bodies = [new BodyDto(code, new TextPair(code, code), new TextPair($"Comité {code}", $"Committee {code}"), "committee", null)],
                Sessions = sessions,
                StrategicPlan = Plan.Select(p => new PlanElementDto(p.Code, new TextPair(p.Code, p.DisplayEn), new TextPair(p.Fr, p.En), p.Group)).ToList(),
            },
        };
    }

    private static Guid StableId(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes("wp-scale/" + name)).AsSpan(0, 16));
}
