using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

/// <summary>wp export --format xlsx, wp template, wp import-xlsx and wp import-docx against a real database.</summary>
public sealed class SpreadsheetCommandFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => Wp.RunAsync(database, args);

    [Fact]
    public async Task Export_to_xlsx_then_import_previews_every_activity_unchanged_and_writes_nothing()
    {
        var path = Path.Combine(database.Folder, "ptc.xlsx");

        var (exit, output, _) = await RunAsync("export", "--programme", SeedFile.PtcSlug, "--format", "xlsx", "--lang", "en", "--out", path);

        Assert.Equal(0, exit);
        Assert.Contains("activities exported to", output, StringComparison.Ordinal);
        Assert.Equal("Activities", OfficeFiles.CellText(await File.ReadAllBytesAsync(path), 0, "D1"));
        var before = await database.ContentHashAsync();

        var (importExit, preview, _) = await RunAsync("import-xlsx", path, "--programme", SeedFile.PtcSlug, "--lang", "en");

        Assert.Equal(0, importExit);
        Assert.Contains("Preview (nothing changed; --apply to apply): 0 added, 0 changed, 94 unchanged.", preview, StringComparison.Ordinal);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task Import_with_apply_changes_the_programme_and_says_what_changed()
    {
        var path = Path.Combine(database.Folder, "ptc.xlsx");
        await RunAsync("export", "--programme", SeedFile.PtcSlug, "--format", "xlsx", "--lang", "fr", "--out", path);
        await File.WriteAllBytesAsync(path, OfficeFiles.EditSheet(await File.ReadAllBytesAsync(path), 0, new Dictionary<string, string?> { ["B2"] = "C" }));

        var (exit, output, _) = await RunAsync("import-xlsx", path, "--programme", SeedFile.PtcSlug, "--apply", "--lang", "fr");

        Assert.Equal(0, exit);
        Assert.Contains("modifiée ", output, StringComparison.Ordinal);
        Assert.Contains("[Niveau de priorité]", output, StringComparison.Ordinal);
        Assert.Contains("Appliqué à ptc-2022-2025 : 0 ajoutée, 1 modifiée, 93 inchangées.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_workbook_lists_its_problems_changes_nothing_and_exits_1()
    {
        var path = Path.Combine(database.Folder, "bad.xlsx");
        await RunAsync("template", "--format", "xlsx", "--out", path, "--lang", "en");
        await File.WriteAllBytesAsync(path, OfficeFiles.EditSheet(await File.ReadAllBytesAsync(path), 0, new Dictionary<string, string?>
        {
            ["B2"] = "Z", ["D2"] = "A new activity", ["G2"] = "CTP",
        }));
        var before = await database.ContentHashAsync();

        var (exit, _, error) = await RunAsync("import-xlsx", path, "--programme", SeedFile.PtcSlug, "--apply", "--lang", "en");

        Assert.Equal(1, exit);
        Assert.Contains("Import refused", error, StringComparison.Ordinal);
        Assert.Contains("I. Time-bound › row 2 › Priority: 'Z': expected A, B or C", error, StringComparison.Ordinal);
        Assert.Equal(before, await database.ContentHashAsync());
    }

    [Fact]
    public async Task A_hostile_file_is_refused_with_a_clear_message()
    {
        var path = Path.Combine(database.Folder, "evil.xlsx");
        await File.WriteAllBytesAsync(path, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);

        var (exit, _, error) = await RunAsync("import-xlsx", path, "--programme", SeedFile.PtcSlug, "--lang", "fr");

        Assert.Equal(1, exit);
        Assert.Contains("Fichier chiffré (protégé par mot de passe) ou ancien format binaire", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_docx_previews_the_table_of_a_word_document()
    {
        var path = Path.Combine(database.Folder, "programme.docx");
        await File.WriteAllBytesAsync(path, WordFiles.Document(new WordFiles.SectionTable("II. Activités permanentes", WordFiles.PermanentHeadersFr,
        [
            WordFiles.Questions(11),
            new WordFiles.Row(["1.", "B", "Oui", "Une activité réécrite", "PS1", "Suivi", "CTP", "", "", "Travail continu", ""]),
        ])));

        var (exit, output, error) = await RunAsync("import-docx", path, "--programme", SeedFile.PtcSlug, "--lang", "en");

        Assert.True(exit == 0, error);
        Assert.Contains("changed   \tII.1\tUne activité réécrite", output, StringComparison.Ordinal);
        Assert.Contains("Preview (nothing changed; --apply to apply): 0 added, 1 changed, 0 unchanged.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_of_an_unknown_programme_exits_2()
    {
        var path = Path.Combine(database.Folder, "t.xlsx");
        await RunAsync("template", "--out", path);

        var (exit, _, error) = await RunAsync("import-xlsx", path, "--programme", "nope", "--lang", "en");

        Assert.Equal(2, exit);
        Assert.Contains("Programme not found: nope", error, StringComparison.Ordinal);
    }
}
