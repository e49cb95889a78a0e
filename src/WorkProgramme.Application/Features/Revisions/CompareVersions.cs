using System.Globalization;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Application.Identity;
using WorkProgramme.Documents.Diff;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Revisions;

/// <summary>The columns of a programme row that a comparison reports, in the document's order.</summary>
public enum ComparedField
{
    Priority,
    LinkedToStrategicPlan,
    Title,
    StrategicPlan,
    TaskType,
    Bodies,
    BodyRoles,
    Resources,
    Kpi,
    Deadline,
    StatusKeyword,
    Status,
    NextSteps,
}

/// <summary>One column of one row in both versions: word-level pieces in French and in English.</summary>
public sealed record FieldComparison(ComparedField Field, IReadOnlyList<TextChange> Fr, IReadOnlyList<TextChange> En)
{
    public bool Changed => Fr.HasChanges() || En.HasChanges();

    public bool IsStatus => Field is ComparedField.StatusKeyword or ComparedField.Status or ComparedField.NextSteps;

    /// <summary>The pieces in the wanted language, or in the other where the wanted one has no text in either version.</summary>
    public (IReadOnlyList<TextChange> Pieces, Language Language) In(Language language)
    {
        var wanted = language == Language.Fr ? Fr : En;
        var other = language == Language.Fr ? En : Fr;
        return wanted.Count > 0 || other.Count == 0 ? (wanted, language) : (other, language.Other());
    }
}

/// <summary>
/// One activity across two versions: where it stood and stands, how it changed, and every column as pieces. Added rows
/// have only inserted pieces, retired rows only deleted ones, so a renderer can write the newer version's whole table
/// with the changes marked (an HTML redline, or Word's w:ins/w:del).
/// </summary>
public sealed record ActivityComparison(
    Guid ActivityId,
    Section? OldSection,
    int? OldNumber,
    Section? NewSection,
    int? NewNumber,
    bool Added,
    bool Retired,
    IReadOnlyList<FieldComparison> Fields)
{
    /// <summary>The section the row is shown in: the newer one, or where it stood when retired.</summary>
    public Section Section => NewSection ?? OldSection ?? Section.TimeBound;

    public bool Renumbered => !Added && !Retired && (OldNumber != NewNumber || OldSection != NewSection);

    public bool Reworded => !Added && !Retired && Fields.Any(f => !f.IsStatus && f.Changed);

    public bool StatusChanged => !Added && !Retired && Fields.Any(f => f.IsStatus && f.Changed);

    public bool Unchanged => !Added && !Retired && !Renumbered && !Reworded && !StatusChanged;

    public string? OldReference => Reference(OldSection, OldNumber);

    public string? NewReference => Reference(NewSection, NewNumber);

    public FieldComparison Field(ComparedField field) => Fields.Single(f => f.Field == field);

    private static string? Reference(Section? section, int? number) =>
        section is { } s && number is not null ? new ActivityLabel(s, number).ToString() : null;
}

public sealed record ComparisonSummary(int Added, int Retired, int Renumbered, int Reworded, int StatusChanged, int Unchanged);

/// <summary>A version as a comparison names it: label, document, state, and the session whose status it shows.</summary>
public sealed record ComparedVersion(string Label, string? DocumentSymbol, VersionState State, string? StatusSessionKey);

/// <summary>
/// Compares two versions of a programme, built once and rendered many ways: the compare page, <c>wp compare</c> and the
/// Word redline all read the same <see cref="Result"/>.
/// </summary>
public static class CompareVersions
{
    public sealed record Query(Viewer Viewer, string Slug, string From, string To);

    public sealed record Result(
        string Slug,
        BilingualText Title,
        ComparedVersion From,
        ComparedVersion To,
        IReadOnlyList<ActivityComparison> Activities,
        ComparisonSummary Summary);

    public sealed class Handler(WorkProgrammeDb db)
    {
        /// <summary>Null when the programme or either version does not exist or is hidden from the viewer.</summary>
        public async Task<Result?> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var from = await ProgrammeSnapshot.LoadAsync(db, query.Slug, query.From, query.Viewer, cancellationToken);
            var to = await ProgrammeSnapshot.LoadAsync(db, query.Slug, query.To, query.Viewer, cancellationToken);
            return from is null || to is null ? null : Compare(from, to);
        }
    }

    /// <summary>The comparison of two loaded versions (of the same programme).</summary>
    public static Result Compare(ProgrammeSnapshot from, ProgrammeSnapshot to)
    {
        var oldRows = from.Rows.Where(r => !r.IsDeleted).ToDictionary(r => r.ActivityId);
        var newRows = to.Rows.Where(r => !r.IsDeleted).ToDictionary(r => r.ActivityId);
        // The newer version's rows include those it marks deleted: a retired row keeps the place it has there.
        var diff = ProgrammeDiff.Create(
            from.Rows.Where(r => !r.IsDeleted).ToList(),
            to.Rows.Where(r => oldRows.ContainsKey(r.ActivityId) || newRows.ContainsKey(r.ActivityId)).ToList(),
            r => r.ActivityId);
        var comparisons = new List<ActivityComparison>();
        foreach (var pair in diff.Activities)
        {
            var id = (pair.New ?? pair.Old)!.ActivityId;
            var before = oldRows.GetValueOrDefault(id);
            var after = newRows.GetValueOrDefault(id);
            comparisons.Add(new ActivityComparison(id, before?.Section, before?.Number, after?.Section, after?.Number,
                Added: before is null, Retired: after is null,
                Fields(before, from, after, to)));
        }

        var summary = new ComparisonSummary(
            comparisons.Count(c => c.Added),
            comparisons.Count(c => c.Retired),
            comparisons.Count(c => c.Renumbered),
            comparisons.Count(c => c.Reworded),
            comparisons.Count(c => c.StatusChanged),
            comparisons.Count(c => c.Unchanged));
        return new Result(to.Programme.Slug, to.Programme.Title, Describe(from), Describe(to), comparisons, summary);
    }

    private static ComparedVersion Describe(ProgrammeSnapshot snapshot) =>
        new(snapshot.Version.Label, snapshot.Version.DocumentSymbol, snapshot.Version.State, snapshot.StatusSessionKey);

    private static List<FieldComparison> Fields(ActivityVersion? before, ProgrammeSnapshot from, ActivityVersion? after, ProgrammeSnapshot to)
    {
        var oldReport = before is null ? null : from.Reports.GetValueOrDefault(before.ActivityId);
        var newReport = after is null ? null : to.Reports.GetValueOrDefault(after.ActivityId);
        FieldComparison Field(ComparedField field, Func<ActivityVersion, ProgrammeSnapshot, BilingualText> read)
        {
            var old = before is null ? BilingualText.Empty : read(before, from);
            var now = after is null ? BilingualText.Empty : read(after, to);
            return new FieldComparison(field, TextDiff.Compute(old.Fr, now.Fr), TextDiff.Compute(old.En, now.En));
        }

        FieldComparison Status(ComparedField field, Func<StatusReport, BilingualText> read)
        {
            var old = oldReport is null ? BilingualText.Empty : read(oldReport);
            var now = newReport is null ? BilingualText.Empty : read(newReport);
            return new FieldComparison(field, TextDiff.Compute(old.Fr, now.Fr), TextDiff.Compute(old.En, now.En));
        }

        return
        [
            Field(ComparedField.Priority, (r, _) => Same(r.Priority?.ToString())),
            Field(ComparedField.LinkedToStrategicPlan, (r, _) => r.LinkedToStrategicPlan switch
            {
                true => new BilingualText("O", "Y"),
                false => new BilingualText("N", "N"),
                null => BilingualText.Empty,
            }),
            Field(ComparedField.Title, (r, _) => r.Title),
            Field(ComparedField.StrategicPlan, (r, s) => Join(r.PlanCodes.Select(c => s.PlanLabel(c).Display))),
            Field(ComparedField.TaskType, (r, s) => r.TaskType is { } t ? s.TaskTypeLabel(t).Name : BilingualText.Empty),
            Field(ComparedField.Bodies, (r, s) => Join(r.BodyCodes.Select(c => s.BodyLabel(c).Display))),
            Field(ComparedField.BodyRoles, (r, s) => Roles(r.ChosenRoles.Select(c => (s.BodyLabel(c.Body).Display, BodyRoleWords.Of(c.Role))))),
            Field(ComparedField.Resources, (r, _) => r.Resources),
            Field(ComparedField.Kpi, (r, _) => r.Kpi),
            Field(ComparedField.Deadline, (r, _) => r.Deadline.Text),
            Status(ComparedField.StatusKeyword, r => r.Keyword is { } k ? StatusWords.Of(k) : BilingualText.Empty),
            Status(ComparedField.Status, r => r.Narrative),
            Status(ComparedField.NextSteps, r => r.NextSteps),
        ];
    }

    /// <summary>"CPG: lead body; CRC: decision body": only the roles chosen, a body going by its place says nothing.</summary>
    private static BilingualText Roles(IEnumerable<(BilingualText Body, BilingualText Role)> roles)
    {
        var list = roles.ToList();
        return list.Count == 0 ? BilingualText.Empty : new BilingualText(
            string.Join(" ; ", list.Select(r => $"{r.Body.Fr ?? r.Body.En} : {r.Role.Fr}")),
            string.Join("; ", list.Select(r => $"{r.Body.En ?? r.Body.Fr}: {r.Role.En}")));
    }

    private static BilingualText Same(string? text) => new(text, text);

    /// <summary>Codes in each language (CTP / PTC), the French one standing in where a code has no English form.</summary>
    private static BilingualText Join(IEnumerable<BilingualText> codes)
    {
        var list = codes.ToList();
        return new BilingualText(
            string.Join(", ", list.Select(c => c.Fr ?? c.En)),
            string.Join(", ", list.Select(c => c.En ?? c.Fr)));
    }
}
