using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;

namespace WorkProgramme.Application.Features.Sessions;

/// <summary>A body's sessions in time order, newest first, and the bodies that can have sessions.</summary>
public static class SessionCalendar
{
    public sealed record Query(string? BodyCode);

    public sealed record Row(string Key, string BodyCode, IReadOnlyList<int> Ordinals, int Year, int Month, Season? Season,
        DateOnly? StartDate, DateOnly? EndDate, string? Place)
    {
        /// <summary>What a change of the session must name (the hidden field of its form): its schedule as shown.</summary>
        public string Version => RescheduleSession.VersionOf(Year, Month, Season, StartDate, EndDate, Place);

        public string OrdinalLabel(Language language) =>
            new Session(Key, BodyCode, Ordinals, Year, Month).OrdinalLabel(language);

        /// <summary>What names the session on a page (ordinals, body in the page's language, month).</summary>
        public SessionView View { get; init; } = null!;
    }

    /// <param name="Bodies">Each body with its abbreviation in both languages (<see cref="CodeLabel.Display"/>) and its name.</param>
    public sealed record Result(string? BodyCode, IReadOnlyList<CodeLabel> Bodies, IReadOnlyList<Row> Sessions)
    {
        /// <summary>The chosen body, as its abbreviation and name name it.</summary>
        public CodeLabel? Body => Bodies.FirstOrDefault(b => b.Code == BodyCode);

        /// <summary>True when a session of the list has a first or last day (the dates column is shown only then).</summary>
        public bool AnyDates => Sessions.Any(s => s.StartDate is not null || s.EndDate is not null);

        public bool AnyPlace => Sessions.Any(s => s.Place is not null);
    }

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var known = (await db.Bodies.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(b => b.Code, StringComparer.Ordinal).ToList();
            var bodies = known.Select(b => SessionViews.BodyLabel(b.Code, b)).ToList();
            var body = bodies.Any(b => b.Code == query.BodyCode) ? query.BodyCode : null;
            var sessions = await db.Sessions.AsNoTracking().Where(s => body == null || s.BodyCode == body).ToListAsync(cancellationToken);
            var rows = sessions.OrderByDescending(s => s.MonthIndex).ThenByDescending(s => s.Ordinals.Max()).ThenBy(s => s.BodyCode, StringComparer.Ordinal)
                .Select(s => new Row(s.Key, s.BodyCode, s.Ordinals, s.Year, s.Month, s.Season, s.StartDate, s.EndDate, s.Place)
                {
                    View = SessionViews.Of(s, known.FirstOrDefault(b => b.Code == s.BodyCode)),
                })
                .ToList();
            return new Result(body, bodies, rows);
        }

        public async Task<Row?> FindAsync(string key, CancellationToken cancellationToken) =>
            (await HandleAsync(new Query(null), cancellationToken)).Sessions.SingleOrDefault(s => s.Key == key);
    }
}
