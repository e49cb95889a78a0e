using WorkProgramme.Application.Features.Insight;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Insight;

/// <summary>Deadlines read from every version: the shipped PTC revision (October 2023 → April 2024) moved six of them a year.</summary>
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
    public async Task The_shipped_revision_moved_six_deadlines_a_year()
    {
        var slippage = await SlippageAsync();

        // Read from the two data files: I.12 and I.13 "Automne 2023 (CTP) / Juin 2024 (Conseil)" became "Printemps 2025 (CTP) /
        // Juin 2025 (Conseil)", I.14 autumn 2024 → 2025, I.19 and I.24 June 2024 → 2025 (Council), I.29 June 2023 → 2024.
        Assert.Equal(["2023-10", "2024-04"], slippage.Sources);
        Assert.Equal(94, slippage.Activities.Count);
        Assert.Equal(["I.12", "I.13", "I.14", "I.19", "I.24", "I.29"], slippage.Ranked.Select(a => a.Reference).Order(StringComparer.Ordinal));
        Assert.All(slippage.Ranked, a => Assert.Equal((1, 12), (a.Moves, a.Months)));
        Assert.Equal(["Automne 2023 (CTP) / Juin 2024 (Conseil)", "Printemps 2025 (CTP) / Juin 2025 (Conseil)"],
            slippage.Ranked.Single(a => a.Reference == "I.12").Steps.Select(s => s.Text.Fr));
    }

    [Fact]
    public async Task Ranks_the_deadlines_that_moved_furthest_first()
    {
        await ImportLaterVersionAsync();

        var slippage = await SlippageAsync();

        // I.12 moves a second year; I.13's four more months put it behind I.12 and ahead of the four moved once.
        Assert.Equal(["2023-10", "2024-04", "2024-10"], slippage.Sources);
        Assert.Equal([("I.12", 2, 24), ("I.13", 2, 16)], slippage.Ranked.Take(2).Select(a => (a.Reference, a.Moves, a.Months)));
        Assert.Equal(["Automne 2023 (CTP) / Juin 2024 (Conseil)", "Printemps 2025 (CTP) / Juin 2025 (Conseil)", "Printemps 2026 (CTP) / Juin 2026 (Conseil)"],
            slippage.Ranked[0].Steps.Select(s => s.Text.Fr));
    }
}
