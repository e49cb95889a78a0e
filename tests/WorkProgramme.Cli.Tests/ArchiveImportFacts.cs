using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

/// <summary>
/// <c>wp import-docx --tracked-changes OLD,NEW</c>: our redline of the PTC's 2023-10 → 2024-04 read back as two
/// versions of a new programme; the preview prints every row's reading, --apply writes, bad arguments exit 2.
/// </summary>
public sealed class ArchiveImportFacts : IAsyncLifetime
{
    private const string Slug = "ptc-archive";
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => Wp.RunAsync(database, args);

    private async Task<string> RedlineAsync()
    {
        var path = Path.Combine(database.Folder, "redline.docx");
        var (exit, _, error) = await RunAsync("redline", "--programme", SeedFile.PtcSlug, "--from", "2023-10", "--to", "2024-04", "--lang", "fr", "--out", path);
        Assert.True(exit == 0, error);
        return path;
    }

    private static string[] Import(string path, params string[] more) =>
    [
        "import-docx", path, "--programme", Slug, "--body", "CTP", "--period", "2022-2025", "--tracked-changes", "2023-10,2024-04",
        "--session", "ctp-241-242,ctp-243-244", "--symbol", ",PC0756", .. more,
    ];

    [Fact]
    public async Task The_preview_prints_every_rows_reading_and_writes_nothing_then_apply_gives_the_two_versions_compare_reads_like_the_shipped_ones()
    {
        var path = await RedlineAsync();
        var before = await database.ContentHashAsync();

        var (exit, preview, error) = await RunAsync(Import(path, "--lang", "en"));

        Assert.True(exit == 0, error);
        Assert.Contains("Preview (nothing changed; --apply to import): 22 kept, 56 renumbered, 16 added, 3 retired; 0 doubts.", preview, StringComparison.Ordinal);
        Assert.Contains("renumbered from ", preview, StringComparison.Ordinal);
        Assert.Equal(before, await database.ContentHashAsync());

        var (applied, output, applyError) = await RunAsync(Import(path, "--lang", "fr", "--apply"));

        Assert.True(applied == 0, applyError);
        Assert.Contains("Importé dans ptc-archive, versions 2023-10 et 2024-04 : 22 gardées, 56 renumérotées, 16 ajoutées, 3 retirées ; 0 doute.", output, StringComparison.Ordinal);
        var (_, shipped, _) = await RunAsync("compare", "--programme", SeedFile.PtcSlug, "--from", "2023-10", "--to", "2024-04", "--lang", "en");
        var (compared, imported, compareError) = await RunAsync("compare", "--programme", Slug, "--from", "2023-10", "--to", "2024-04", "--lang", "en");
        Assert.True(compared == 0, compareError);
        foreach (var kind in new[] { "added", "retired", "renumbered" })
        {
            Assert.Equal(Line(shipped, kind), Line(imported, kind));
        }

        Assert.Contains("added\t16\t", imported, StringComparison.Ordinal);
        Assert.InRange(Count(imported, "reworded"), Count(shipped, "reworded") - 3, Count(shipped, "reworded") + 3);
    }

    /// <summary>One line of <c>wp compare</c>: its word, its count and the labels it lists.</summary>
    private static string Line(string output, string kind) => output.Split('\n').Single(l => l.StartsWith(kind + "\t", StringComparison.Ordinal)).Trim();

    private static int Count(string output, string kind) => int.Parse(Line(output, kind).Split('\t')[1], System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("--tracked-changes", "2023-10")]
    [InlineData("--states", "approved,nope")]
    [InlineData("--session", "ctp-241-242")]
    [InlineData("--period", "2025")]
    [InlineData("--session", "ctp-241-242,nope")]
    public async Task Bad_arguments_say_what_is_wrong_exit_2_and_change_nothing(string option, string value)
    {
        var path = await RedlineAsync();
        var before = await database.ContentHashAsync();
        var args = Import(path, "--lang", "en", "--apply").ToList();
        var at = args.IndexOf(option);
        args[at + 1] = value;

        var (exit, _, error) = await RunAsync([.. args]);

        Assert.Equal(2, exit);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Equal(before, await database.ContentHashAsync());
    }

    private static string[] IntoThePtc(string path, params string[] more) =>
    [
        "import-docx", path, "--programme", SeedFile.PtcSlug, "--tracked-changes", "2026-01,2026-06", "--session", "ctp-241-242,ctp-243-244", .. more,
    ];

    [Theory]
    [InlineData("--body", "CLF", "en", "The programme 'ptc-2022-2025' belongs to the body PTC, not to EC: leave the body empty or choose PTC")]
    [InlineData("--period", "2025-2028", "fr", "Le programme « ptc-2022-2025 » couvre la période 2022-2025, pas « 2025-2028 » : laissez la période vide ou donnez 2022-2025")]
    public async Task A_body_or_a_period_that_is_not_the_existing_programmes_is_refused_in_words_with_exit_2_and_changes_nothing(string option, string value,
        string language, string said)
    {
        var path = await RedlineAsync();
        var before = await database.ContentHashAsync();

        var (exit, _, error) = await RunAsync(IntoThePtc(path, option, value, "--lang", language, "--apply"));

        Assert.Equal(2, exit);
        Assert.Contains(said, error, StringComparison.Ordinal);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("--body CTP --period 2022-2025")]
    public async Task A_body_and_a_period_omitted_or_the_existing_programmes_own_are_accepted(string options)
    {
        var path = await RedlineAsync();

        var (exit, preview, error) = await RunAsync(IntoThePtc(path, [.. options.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--lang", "en"]));

        Assert.True(exit == 0, error);
        Assert.Contains("Preview (nothing changed; --apply to import)", preview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archive_options_without_tracked_changes_are_refused_with_exit_2()
    {
        var path = await RedlineAsync();

        var (exit, _, error) = await RunAsync("import-docx", path, "--programme", SeedFile.PtcSlug, "--body", "CTP", "--lang", "en");

        Assert.Equal(2, exit);
        Assert.Contains("--body is only used with --tracked-changes OLD,NEW.", error, StringComparison.Ordinal);
    }
}
