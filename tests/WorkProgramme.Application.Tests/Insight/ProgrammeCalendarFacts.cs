using WorkProgramme.Application.Features.Insight;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Insight;

/// <summary>
/// The PTC feed, read back with Ical.Net: the seven sessions of the CTP, the Policy Commission and the Council, and the
/// 90 dated milestones of the 94 live activities (counted with jq; "Travail continu" gives none).
/// </summary>
public sealed class ProgrammeCalendarFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<Ical.Net.Calendar> FeedAsync(Language language)
    {
        var result = (await database.RunAsync<ProgrammeCalendar.Handler, ProgrammeCalendar.Result?>(h =>
            h.HandleAsync(new(Viewer.Anonymous, SeedFile.PtcSlug, language, id => $"https://wp.example/programmes/{SeedFile.PtcSlug}/activities/{id}"),
                CancellationToken.None)))!;
        return Ical.Net.Calendar.Load(result.ToIcs())!;
    }

    [Fact]
    public async Task Holds_the_seven_sessions_and_ninety_deadline_milestones()
    {
        var calendar = await FeedAsync(Language.Fr);

        Assert.Equal(97, calendar.Events.Count);
        Assert.Equal(7, calendar.Events.Count(e => e.Uid!.StartsWith("session-", StringComparison.Ordinal)));
        Assert.Equal(97, calendar.Events.Select(e => e.Uid).Distinct().Count());
    }

    [Fact]
    public async Task Dates_a_milestone_to_its_month_as_an_all_day_event_linking_the_activity()
    {
        var calendar = await FeedAsync(Language.Fr);

        var overdue = calendar.Events.Single(e => e.Summary!.StartsWith("Échéance I.8 (CTP)", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2023, 4, 1), DateOnly.FromDateTime(overdue.Start!.Value));
        Assert.False(overdue.Start.HasTime);
        Assert.Contains("Printemps 2023 (CTP)", overdue.Description, StringComparison.Ordinal);
        Assert.StartsWith("https://wp.example/programmes/ptc-2022-2025/activities/", overdue.Url!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speaks_english_when_asked()
    {
        var calendar = await FeedAsync(Language.En);

        Assert.Contains(calendar.Events, e => e.Summary == "243rd/244th Sessions of the PTC (April 2024)");
        Assert.Equal(90, calendar.Events.Count(e => e.Summary!.StartsWith("Deadline ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Knows_no_programme_it_does_not_have()
    {
        Assert.Null(await database.RunAsync<ProgrammeCalendar.Handler, ProgrammeCalendar.Result?>(h =>
            h.HandleAsync(new(Viewer.Anonymous, "nope", Language.Fr), CancellationToken.None)));
    }
}
