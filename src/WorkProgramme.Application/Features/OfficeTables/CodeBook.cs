using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.OfficeTables;

/// <summary>Codes as files write them (the code, or its French or English display) back to the stored code.</summary>
internal sealed partial class CodeBook
{
    private static readonly string[] ListSeparators = [",", ";", "\n", " et ", " and "];
    private readonly Dictionary<string, string> bodies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> plan = new(StringComparer.Ordinal);

    public CodeBook(IEnumerable<(string Code, BilingualText Abbreviation)> bodyCodes, IEnumerable<(string Code, BilingualText Display)> planCodes,
        IReadOnlyList<CodeLabel> taskTypes)
    {
        TaskTypes = taskTypes;
        foreach (var (code, abbreviation) in bodyCodes)
        {
            Index(bodies, code, abbreviation);
        }

        foreach (var (code, display) in planCodes)
        {
            Index(plan, code, display);
        }
    }

    /// <summary>
    /// The stored bodies and the given plan elements (a programme's plan): codes and displays, and the bodies' full names too (Word documents write
    /// "Commission de politique générale" where the sheet writes CPG).
    /// </summary>
    public static async Task<CodeBook> LoadAsync(WorkProgrammeDb db, IQueryable<Domain.StrategicPlans.StrategicPlanElement> planElements,
        CancellationToken cancellationToken)
    {
        var bodyRows = await db.Bodies.AsNoTracking().ToListAsync(cancellationToken);
        var planRows = await planElements.AsNoTracking().ToListAsync(cancellationToken);
        return new CodeBook(bodyRows.Select(b => (b.Code, b.Abbreviation)).Concat(bodyRows.Select(b => (b.Code, b.Name))),
            planRows.Select(e => (e.Code, e.DisplayCode)),
            (await Features.TaskTypes.TaskTypeList.LoadAsync(db, cancellationToken)).Select(t => new CodeLabel(t.Code, t.Name, t.Name)).ToList());
    }

    /// <summary>The task types, in the table's order: a cell names one by its code or its words as the table has them now.</summary>
    public IReadOnlyList<CodeLabel> TaskTypes { get; }

    public IReadOnlyList<string> Bodies(string? cell, Action<string> unknown) => Resolve(bodies, cell, unknown);

    public IReadOnlyList<string> Plan(string? cell, Action<string> unknown) => Resolve(plan, cell, unknown);

    private static void Index(Dictionary<string, string> index, string code, BilingualText display)
    {
        index.TryAdd(ProgrammeTable.Normalise(code), code);
        foreach (var text in new[] { display.Fr, display.En }.OfType<string>())
        {
            index.TryAdd(ProgrammeTable.Normalise(text), code);
        }
    }

    private static List<string> Resolve(Dictionary<string, string> index, string? cell, Action<string> unknown)
    {
        var codes = new List<string>();
        if (cell is null)
        {
            return codes;
        }

        foreach (var part in cell.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // A body written with its chosen role after it ("EPMD (organe en charge)") is the body.
            if (index.TryGetValue(ProgrammeTable.Normalise(part), out var code)
                || (RoleAfter().Match(part) is { Success: true } written && index.TryGetValue(ProgrammeTable.Normalise(written.Groups[1].Value), out code)))
            {
                if (!codes.Contains(code))
                {
                    codes.Add(code);
                }
            }
            else
            {
                unknown(part);
            }
        }

        return codes;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(.*\S)\s*\([^()]*\)$")]
    private static partial System.Text.RegularExpressions.Regex RoleAfter();
}
