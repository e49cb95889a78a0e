using WorkProgramme.Application.Features.Insight;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Insight;

/// <summary>Deadlines read from every version: the PTC seed has one, so nothing slipped until a second version moves some.</summary>
public sealed class DeadlineSlippageFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<DeadlineSlippage.Result> SlippageAsync() =>
        (await database.RunAsync<DeadlineSlippage.Handler, DeadlineSlippage.Result?>(h => h.HandleAsync(new(Viewer.Anonymous, SeedFile.PtcSlug), CancellationToken.None)))!;

    /// <summary>A later version where I.12 moves a year ("Printemps 2025" → "Printemps 2026") and I.13 four months (its last milestone was the Council in June 2025).</summary>
    private async Task ImportLaterVersionAsync()
    {
        var seed = await SeedFile.ReadPtcAsync();
        TextPair? Moved(ActivityDto a) => (a.Section, a.Number) switch
        {
            ("time-bound", 12) => new TextPair("Printemps 2026 (CTP) / Juin 2026 (Conseil)", null),
            ("time-bound", 13) => new TextPair("Automne 2025 (CTP)", null),
            _ => a.Deadline?.Text,
        };
        var later = seed with
        {
            Version = seed.Version! with { Label = "2024-10", DocumentSymbol = "PC0770" },
            Activities = seed.Activities.Select(a => a with
            {
                Status = null,
                Deadline = a.Deadline is null || Moved(a) == a.Deadline.Text ? a.Deadline : a.Deadline with { Text = Moved(a), Milestones = [] },
            }).ToList(),
        };
        var outcome = await database.RunAsync<ImportProgramme.Handler, ImportProgramme.Outcome>(h => h.HandleAsync(new(later), CancellationToken.None));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems.Select(p => p.Describe(Domain.Common.Language.En))));
    }

    [Fact]
    public async Task Nothing_slipped_with_a_single_version()
    {
        var slippage = await SlippageAsync();

        Assert.Equal(["2024-04"], slippage.Sources);
        Assert.Equal(94, slippage.Activities.Count);
        Assert.Empty(slippage.Ranked);
    }

    [Fact]
    public async Task Ranks_the_deadlines_that_moved_furthest_first()
    {
        await ImportLaterVersionAsync();

        var slippage = await SlippageAsync();

        Assert.Equal(["2024-04", "2024-10"], slippage.Sources);
        Assert.Equal([("I.12", 1, 12), ("I.13", 1, 4)], slippage.Ranked.Select(a => (a.Reference, a.Moves, a.Months)));
        Assert.Equal(["Printemps 2025 (CTP) / Juin 2025 (Conseil)", "Printemps 2026 (CTP) / Juin 2026 (Conseil)"],
            slippage.Ranked[0].Steps.Select(s => s.Text.Fr));
    }
}
