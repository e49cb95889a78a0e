using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Application.Features.Translation;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Rules;

namespace WorkProgramme.Application.Features.Checks;

/// <summary>Every rule the footnotes set, checked on one version: the checks page and <c>wp validate</c>.</summary>
public static class CheckProgramme
{
    public sealed record Query(Viewer Viewer, string Slug, string? VersionLabel = null);

    public sealed record Finding(RuleViolation Violation, string Reference, BilingualText? ActivityTitle);

    /// <summary>The findings of one rule, counted: one line of the summary.</summary>
    public sealed record Group(RuleCode Rule, Severity Severity, int Count, bool NeedsAction);

    public sealed record Result(string Slug, BilingualText Title, string VersionLabel, IReadOnlyList<Finding> Findings)
    {
        public int Errors => Findings.Count(f => f.Violation.Severity == Severity.Error);

        public int Warnings => Findings.Count(f => f.Violation.Severity == Severity.Warning);

        /// <summary>What an editor must fix (every error, and the warnings that are not translation work in progress).</summary>
        public int ToActOn => Findings.Count(f => ProgrammeRules.NeedsAction(f.Violation.Rule));

        /// <summary>What is information only: translations pending.</summary>
        public int ForInformation => Findings.Count - ToActOn;

        /// <summary>How many texts are translated, for the version and for the reports of the session it shows.</summary>
        public TranslationProgress? Translation { get; init; }

        /// <summary>One line per broken rule: what must be acted on first (errors before warnings), then information.</summary>
        public IReadOnlyList<Group> Groups => Findings
            .GroupBy(f => f.Violation.Rule)
            .Select(g => new Group(g.Key, ProgrammeRules.SeverityOf(g.Key), g.Count(), ProgrammeRules.NeedsAction(g.Key)))
            .OrderBy(g => !g.NeedsAction).ThenBy(g => g.Severity).ThenByDescending(g => g.Count).ThenBy(g => g.Rule)
            .ToList();

        public IReadOnlyList<(RuleCode Rule, Severity Severity, int Count)> CountsByRule => Findings
            .GroupBy(f => f.Violation.Rule)
            .Select(g => (g.Key, ProgrammeRules.SeverityOf(g.Key), g.Count()))
            .OrderBy(c => c.Item2).ThenBy(c => c.Key)
            .ToList();
    }

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<Result?> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var snapshot = await ProgrammeSnapshot.LoadAsync(db, query.Slug, query.VersionLabel, query.Viewer, cancellationToken);
            if (snapshot is null)
            {
                return null;
            }

            var rows = snapshot.Version.Activities.ToDictionary(a => a.ActivityId);
            var findings = snapshot.Violations().Select(v =>
            {
                var row = v.ActivityId is { } id ? rows[id] : null;
                var reference = new Domain.Activities.ActivityLabel(v.Section, v.Number).ToString();
                return new Finding(v, reference, row?.Title);
            }).ToList();
            return new Result(snapshot.Programme.Slug, snapshot.Programme.Title, snapshot.Version.Label, findings)
            {
                Translation = TranslationState.Of(snapshot.Version, snapshot.Reports, snapshot.StatusSessionKey),
            };
        }
    }
}
