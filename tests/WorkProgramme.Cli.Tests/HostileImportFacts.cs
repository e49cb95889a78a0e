using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

/// <summary>
/// Every hostile file of the corpus through <c>wp import-xlsx</c>, <c>wp import-docx</c> and <c>wp import</c>, all with
/// <c>--apply</c>: each exits 1 with its reason, the database is byte for byte what it was (every table hashed, audit
/// trail included), and nothing connected to the loopback trap the files point at.
/// </summary>
public sealed class HostileImportFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData("\u0000", "control character (U+0000) at position 6")]
    [InlineData("\u202E", "reverses the reading direction (U+202E) at position 6")]
    public async Task A_title_with_a_nul_or_a_right_to_left_override_is_refused_by_wp_import_and_nothing_is_written(string character, string reason)
    {
        var file = await SeedFile.ReadPtcAsync();
        var hostile = file with
        {
            Activities = [file.Activities[0] with { Title = new TextPair("Titre" + character + "caché", null) }, .. file.Activities.Skip(1)],
        };
        var path = Path.Combine(database.Folder, "hostile-title.json");
        await using (var stream = File.Create(path))
        {
            await ProgrammeJson.WriteAsync(hostile, stream, CancellationToken.None);
        }

        var before = await database.ContentHashAsync();

        var (exit, _, error) = await Wp.RunAsync(database, ["import", path, "--lang", "en"]);

        Assert.Equal(1, exit);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task Every_hostile_file_is_refused_by_the_cli_with_its_reason_and_nothing_is_written_or_fetched()
    {
        using var trap = new OutboundTrap();
        var corpus = HostileFiles.Office(trap.Url).Concat(HostileFiles.Json()).ToList();
        var before = await database.ContentHashAsync();
        var failures = new List<string>();

        foreach (var file in corpus)
        {
            var path = Path.Combine(database.Folder, file.FileName);
            await File.WriteAllBytesAsync(path, file.Build());
            string[] args = file.Format switch
            {
                HostileFormat.Xlsx => ["import-xlsx", path, "--programme", SeedFile.PtcSlug, "--apply", "--lang", "en"],
                HostileFormat.Docx => ["import-docx", path, "--programme", SeedFile.PtcSlug, "--apply", "--lang", "en"],
                _ => ["import", path, "--lang", "en"],
            };

            var (exit, output, error) = await Wp.RunAsync(database, args);
            if (exit != 1 || !file.Expected.Any(e => error.Contains(e, StringComparison.Ordinal)))
            {
                failures.Add($"{file.Kind}: exit {exit}, {error.Trim()} {output.Trim()}");
            }

            File.Delete(path);
        }

        Assert.Empty(failures);
        Assert.Equal(before, await database.ContentHashAsync());
        Assert.Equal(0, trap.Connections);
    }

    [Theory]
    [InlineData("import", "fr", "Fichier introuvable : ")]
    [InlineData("import", "en", "File not found: ")]
    [InlineData("import-xlsx", "fr", "Fichier introuvable : ")]
    [InlineData("import-docx", "en", "File not found: ")]
    public async Task A_file_that_does_not_exist_is_named_in_the_users_language_and_nothing_is_written(string command, string lang, string message)
    {
        var path = Path.Combine(database.Folder, "nowhere", "programme.file");
        var before = await database.ContentHashAsync();
        string[] args = command == "import" ? [command, path, "--lang", lang] : [command, path, "--programme", SeedFile.PtcSlug, "--apply", "--lang", lang];

        var (exit, _, error) = await Wp.RunAsync(database, args);

        Assert.Equal(2, exit);
        Assert.Contains(message + path, error, StringComparison.Ordinal);
        Assert.Equal(before, await database.ContentHashAsync());
    }
}
