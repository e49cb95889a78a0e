using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

/// <summary><c>wp redline</c>: the annex of the newer version with tracked changes against the older one.</summary>
public sealed class RedlineCommandFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(seed: false);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => Wp.RunAsync(database, args);

    [Theory]
    [InlineData("en", "16 rows inserted, 3 deleted, 56 renumbered, 59 reworded, 58 with status changed", "Annex to doc. PC0756")]
    [InlineData("fr", "16 lignes insérées, 3 supprimées, 56 renumérotées, 59 reformulées, 58 avec l’état modifié", "Annexe au doc. PC0756")]
    public async Task Redline_writes_the_newer_annex_with_tracked_changes(string lang, string counts, string header)
    {
        var path = Path.Combine(database.Folder, $"redline-{lang}.docx");

        var (exit, output, error) = await RunAsync("redline", "--programme", SeedFile.PtcSlug, "--from", "2023-10", "--to", "2024-04",
            "--lang", lang, "--out", path);

        Assert.True(exit == 0, error);
        Assert.Contains(counts, output, StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(path, false);
        var main = document.MainDocumentPart!;
        Assert.Contains(main.HeaderParts, h => h.Header.InnerText.Contains(header, StringComparison.Ordinal));
        Assert.Equal(16, main.Document.Descendants<TableRowProperties>().Count(p => p.GetFirstChild<Inserted>() is not null));
        Assert.Equal(3, main.Document.Descendants<TableRowProperties>().Count(p => p.GetFirstChild<Deleted>() is not null));
        Assert.NotEmpty(main.Document.Descendants<DeletedText>());
    }

    [Fact]
    public async Task Redline_without_out_says_how_and_writes_nothing()
    {
        var (exit, _, error) = await RunAsync("redline", "--programme", SeedFile.PtcSlug, "--from", "2023-10", "--to", "2024-04", "--lang", "fr");

        Assert.Equal(2, exit);
        Assert.Contains("ajoutez --out FICHIER.docx", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "nope", "2023-10", "Programme or version not found: nope")]
    [InlineData("fr", "ptc-2022-2025", "1999-01", "Programme ou version introuvable : ptc-2022-2025 1999-01")]
    public async Task Redline_of_an_unknown_programme_or_version_says_so_and_fails(string lang, string slug, string from, string message)
    {
        var path = Path.Combine(database.Folder, "missing.docx");

        var (exit, _, error) = await RunAsync("redline", "--programme", slug, "--from", from, "--to", "2024-04", "--lang", lang, "--out", path);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
