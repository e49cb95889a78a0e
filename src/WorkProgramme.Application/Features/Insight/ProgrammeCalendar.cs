using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Application.Features.Insight;

/// <summary>
/// A programme's sessions and deadline milestones as an iCalendar feed, to subscribe to in Outlook. Milestones are dated
/// to the first day of their month (a season to its meeting month, a session to its start), as all-day events.
/// </summary>
public static class ProgrammeCalendar
{
    /// <param name="ActivityUrl">The absolute address of an activity's page, from the host's routes; none, no links.</param>
    public sealed record Query(Viewer Viewer, string Slug, Language Language, Func<Guid, string>? ActivityUrl = null);

    public sealed record Item(string Uid, DateOnly Start, DateOnly EndExclusive, string Summary, string Description, string? Url);

    public sealed record Result(string Slug, string Name, IReadOnlyList<Item> Sessions, IReadOnlyList<Item> Milestones)
    {
        /// <summary>The feed in RFC 5545 text.</summary>
        public string ToIcs()
        {
            var calendar = new Ical.Net.Calendar { ProductId = "-//WorkProgramme//Calendar//EN" };
            calendar.AddProperty("X-WR-CALNAME", Name);
            foreach (var item in Sessions.Concat(Milestones))
            {
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = item.Uid,
                    Summary = item.Summary,
                    Description = item.Description,
                    Start = new CalDateTime(item.Start),
                    End = new CalDateTime(item.EndExclusive),
                    Url = item.Url is null ? null : new Uri(item.Url),
                    Transparency = "TRANSPARENT",
                });
            }

            return new CalendarSerializer().SerializeToString(calendar) ?? "";
        }
    }

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<Result?> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var snapshot = await ProgrammeSnapshot.LoadAsync(db, query.Slug, null, query.Viewer, cancellationToken);
            if (snapshot is null)
            {
                return null;
            }

            var fr = query.Language == Language.Fr;
            string Text(BilingualText text) => text.For(query.Language).Text ?? "";
            string Body(string code) => snapshot.Bodies.TryGetValue(code, out var body) && !body.Abbreviation.IsEmpty ? Text(body.Abbreviation) : code;
            var rows = snapshot.Rows.Where(r => !r.IsDeleted).ToList();

            // Sessions of the programme's body and of every body its deadlines name.
            var bodies = rows.SelectMany(r => r.Deadline.Milestones).SelectMany(m => m.Bodies)
                .Append(snapshot.Programme.BodyCode).ToHashSet(StringComparer.Ordinal);
            var sessions = snapshot.Sessions.Values
                .Where(s => bodies.Contains(s.BodyCode))
                .OrderBy(s => s.MonthIndex).ThenBy(s => s.BodyCode, StringComparer.Ordinal)
                .Select(s =>
                {
                    var start = s.StartDate ?? new DateOnly(s.Year, s.Month, 1);
                    var end = (s.EndDate ?? start).AddDays(1);
                    var summary = Text(snapshot.SessionNameOf(s));
                    var description = s.StartDate is null
                        ? (fr ? "Date exacte à confirmer : le calendrier indique le mois." : "Exact date to be confirmed: the calendar gives the month.")
                        : s.Place ?? "";
                    return new Item($"session-{s.Key}@workprogramme", start, end, summary, description, null);
                })
                .ToList();

            var milestones = new List<Item>();
            foreach (var row in rows)
            {
                var reference = RoundContext.Reference(row);
                var url = query.ActivityUrl?.Invoke(row.ActivityId);
                var index = 0;
                foreach (var milestone in row.Deadline.Milestones)
                {
                    index++;
                    if (snapshot.MonthOf(milestone) is not { } month)
                    {
                        continue;
                    }

                    var start = new DateOnly(month / 12, (month % 12) + 1, 1);
                    var named = milestone.Bodies.Count == 0 ? "" : $" ({string.Join(", ", milestone.Bodies.Select(Body))})";
                    var summary = fr ? $"Échéance {reference}{named} : {Text(row.Title)}" : $"Deadline {reference}{named}: {Text(row.Title)}";
                    var description = (fr ? "Délai : " : "Deadline: ") + Text(row.Deadline.Text);
                    milestones.Add(new Item(string.Create(CultureInfo.InvariantCulture, $"{row.ActivityId:N}-{index}@workprogramme"),
                        start, start.AddDays(1), summary, description, url));
                }
            }

            return new Result(snapshot.Programme.Slug, Text(snapshot.Programme.Title), sessions, milestones);
        }
    }
}
