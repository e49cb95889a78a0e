using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Bodies;

/// <summary>
/// The working bodies as the administrators' pages list them (docs/decisions/0042): code, abbreviations and names in
/// both languages, and how many programmes and sessions use the code. A code in use keeps its key for good: its words
/// change, it is never deleted.
/// </summary>
public sealed class BodyDirectory(WorkProgrammeDb db)
{
    public sealed record Row(string Code, BilingualText Abbreviation, BilingualText Name, BodyKind Kind, string? ReportsTo, int Programmes,
        int Sessions, string Version);

    public async Task<IReadOnlyList<Row>> ListAsync(CancellationToken cancellationToken)
    {
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Code).ToListAsync(cancellationToken);
        var programmes = await db.Programmes.AsNoTracking().GroupBy(p => p.BodyCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().GroupBy(s => s.BodyCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return bodies.Select(b => new Row(b.Code, b.Abbreviation, b.Name, b.Kind, b.ReportsTo, programmes.GetValueOrDefault(b.Code),
            sessions.GetValueOrDefault(b.Code), EditBody.VersionOf(b))).ToList();
    }

    public async Task<Row?> FindAsync(string code, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(r => r.Code == code);
}
