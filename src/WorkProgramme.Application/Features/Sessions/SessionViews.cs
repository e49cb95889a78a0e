using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;

namespace WorkProgramme.Application.Features.Sessions;

/// <summary>Sessions as pages name them (ordinals, body, month), for pages that list sessions outside a programme snapshot.</summary>
public static class SessionViews
{
    /// <summary>Every session (of <paramref name="bodyCode"/> when given), newest first.</summary>
    public static async Task<IReadOnlyList<SessionView>> LoadAsync(WorkProgrammeDb db, string? bodyCode, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => bodyCode == null || s.BodyCode == bodyCode).ToListAsync(cancellationToken);
        var bodies = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.Code, StringComparer.Ordinal, cancellationToken);
        return sessions.OrderByDescending(s => s.MonthIndex).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => Of(s, bodies.GetValueOrDefault(s.BodyCode)))
            .ToList();
    }

    /// <summary>A body by its abbreviation in each language ("CTP" / "PTC"), its code where it has none.</summary>
    public static CodeLabel BodyLabel(string code, Body? body) => body is null
        ? new CodeLabel(code, new BilingualText(code, null), BilingualText.Empty)
        : new CodeLabel(body.Code, body.Abbreviation.IsEmpty ? new BilingualText(body.Code, null) : body.Abbreviation, body.Name);

    public static SessionView Of(Session session, Body? body) => new(
        session.Key,
        BodyLabel(session.BodyCode, body),
        new BilingualText(session.OrdinalLabel(Language.Fr), session.OrdinalLabel(Language.En)),
        session.Year,
        session.Month,
        session.Season);
}
