using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

public sealed class VersionsFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(seed: false);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => Wp.RunAsync(database, args);

    [Fact]
    public async Task Versions_lists_one_version_a_line_label_first_oldest_first()
    {
        var (exit, output, _) = await RunAsync("versions", "--programme", SeedFile.PtcSlug, "--lang", "en");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["2023-10", "2024-04"], lines.Select(l => l.Split('\t')[0]));
        Assert.Equal("2024-04\tendorsed\tPC0756\tctp-243-244\t94 activities\tendorsed:ctp-243-244", lines[1]);
    }

    [Fact]
    public async Task Compare_prints_the_summary_of_the_real_revision()
    {
        var (exit, output, _) = await RunAsync("compare", "--programme", SeedFile.PtcSlug, "--from", "2023-10", "--to", "2024-04", "--lang", "en");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("ptc-2022-2025: 2023-10 → 2024-04", lines[0]);
        Assert.Equal("retired\t3\tI.11, II.2, II.50", lines[2]);
        Assert.StartsWith("added\t16\tI.18, I.30,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("renumbered\t56\tI.11 (formerly I.12), I.12 (formerly I.13)", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("reworded\t59\t", lines[4], StringComparison.Ordinal);
        Assert.StartsWith("status changed\t57\t", lines[5], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_speaks_french_when_asked()
    {
        var (_, output, _) = await RunAsync("compare", "--programme", SeedFile.PtcSlug, "--from", "2023-10", "--to", "2024-04", "--lang", "fr");

        Assert.Contains("I.11 (anciennement I.12)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_with_an_unknown_version_says_so_and_fails()
    {
        var (exit, _, error) = await RunAsync("compare", "--programme", SeedFile.PtcSlug, "--from", "1999-01", "--to", "2024-04", "--lang", "en");

        Assert.Equal(2, exit);
        Assert.Contains("see wp versions", error, StringComparison.Ordinal);
    }
}
