using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.SeedData;

/// <summary>The October 2023 version rebuilt from the seed's tracked changes (data/README.md, "The previous version").</summary>
public sealed class PreviousVersionSeedFacts
{
    [Fact]
    public async Task Holds_the_rows_before_the_revision_numbered_without_gaps_in_each_section()
    {
        var previous = await SeedFile.ReadPtcPreviousAsync();
        var current = await SeedFile.ReadPtcAsync();

        Assert.Equal(("2023-10", "approved", "ctp-241-242"), (previous.Version!.Label, previous.Version.State, previous.Version.Session!));
        Assert.Equal(Enumerable.Range(1, 29).Cast<int?>(), previous.Activities.Where(a => a.Section == "time-bound").Select(a => a.Number));
        Assert.Equal(Enumerable.Range(1, 52).Cast<int?>(), previous.Activities.Where(a => a.Section == "permanent").Select(a => a.Number));
        Assert.Equal(current.Activities.Where(a => a.Revision != "new").Select(a => (a.Id, a.Section, a.PreviousNumber)),
            previous.Activities.Select(a => (a.Id, a.Section, a.Number)));
    }

    [Fact]
    public async Task Gives_the_previous_wording_and_the_status_of_the_241st_242nd_sessions_where_legible()
    {
        var previous = await SeedFile.ReadPtcPreviousAsync();
        ActivityDto Old(string section, int number) => previous.Activities.Single(a => a.Section == section && a.Number == number);

        Assert.Equal("Étude sur l’économie circulaire et ses implications pour les administrations des douanes", Old("time-bound", 4).Title!.Fr);
        Assert.Equal("Automne 2023 (CTP) / Juin 2024 (Conseil)", Old("time-bound", 13).Deadline!.Text!.Fr);
        Assert.Equal(["season autumn 2023", "month 6 2024"],
            Old("time-bound", 13).Deadline!.Milestones.Select(m => m.Kind == "season" ? $"season {m.Season} {m.Year}" : $"month {m.Month} {m.Year}"));
        Assert.Contains("239ème / 240ème", Old("time-bound", 4).Status!.Text!.Fr, StringComparison.Ordinal);
        Assert.All(previous.Activities.Where(a => a.Status is not null), a => Assert.Equal("ctp-241-242", a.Status!.Session));
        Assert.Equal(9, previous.Activities.Count(a => a.Status is null));
        Assert.Equal("Développer un cadre numérique douanier et des solutions issues des technologies de l’information pour la douane",
            Old("time-bound", 11).Title!.Fr);
    }
}
