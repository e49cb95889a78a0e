using WorkProgramme.Domain.Activities;

namespace WorkProgramme.Application.Features.Interchange;

/// <summary>
/// Offered on import (<c>wp import --link-references</c>): every plain "activité N" / "activity N" in a file's texts that
/// names a live activity of the same section, by the file's own numbers, becomes a reference to that activity's id.
/// </summary>
public static class ProgrammeFileReferences
{
    /// <summary>The mentions that would be linked: where, the number and the activity it names.</summary>
    public sealed record Link(string Location, int Number, Guid Target);

    public static (ProgrammeFile File, IReadOnlyList<Link> Links) LinkMentions(ProgrammeFile file)
    {
        var numbered = file.Activities
            .Where(a => a.Id is not null && a.Number is not null && a.Revision != "deleted")
            .GroupBy(a => (a.Section, Number: a.Number!.Value))
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Id!.Value);
        var links = new List<Link>();
        var activities = file.Activities.Select((activity, index) =>
        {
            var at = $"activities[{index}] ({activity.Section} {activity.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"})";
            Guid? Target(int number) => numbered.TryGetValue((activity.Section, number), out var id) ? id : null;
            TextPair? Pair(TextPair? pair, string field)
            {
                if (pair is null)
                {
                    return null;
                }

                foreach (var text in new[] { pair.Fr, pair.En })
                {
                    links.AddRange(ActivityReferences.Mentions(text)
                        .Where(m => Target(m.Number) is not null)
                        .Select(m => new Link($"{at} › {field}", m.Number, Target(m.Number)!.Value)));
                }

                return new TextPair(pair.Fr is null ? null : ActivityReferences.Link(pair.Fr, Target),
                    pair.En is null ? null : ActivityReferences.Link(pair.En, Target));
            }

            return activity with
            {
                Title = Pair(activity.Title, "title"),
                Resources = Pair(activity.Resources, "resources"),
                Kpi = Pair(activity.Kpi, "kpi"),
                Deadline = activity.Deadline is null ? null : activity.Deadline with { Text = Pair(activity.Deadline.Text, "deadline") },
                Status = activity.Status is null ? null : activity.Status with
                {
                    Text = Pair(activity.Status.Text, "status"),
                    NextSteps = Pair(activity.Status.NextSteps, "nextSteps"),
                    MilestonesReached = activity.Status.MilestonesReached.Select(m => m with { Text = Pair(m.Text, "milestonesReached") }).ToList(),
                },
            };
        }).ToList();
        return (file with { Activities = activities }, links);
    }
}
