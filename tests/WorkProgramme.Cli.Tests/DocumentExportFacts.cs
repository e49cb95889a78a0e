using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

/// <summary><c>wp export --format docx|pdf</c>: the official annex, in the language --lang chooses.</summary>
public sealed class DocumentExportFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(seed: false);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => Wp.RunAsync(database, args);

    [Fact]
    public async Task Export_docx_writes_the_annex_in_the_chosen_language()
    {
        var path = Path.Combine(database.Folder, "annex.docx");

        var (exit, output, error) = await RunAsync("export", "--programme", SeedFile.PtcSlug, "--format", "docx", "--lang", "en",
            "--session", "ctp-243-244", "--out", path);

        Assert.True(exit == 0, error);
        Assert.Contains("94 activities exported", output, StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(path, false);
        Assert.Contains(document.MainDocumentPart!.HeaderParts, h => h.Header.InnerText.Contains("Annex to doc. PC0756", StringComparison.Ordinal));
        Assert.Contains("I. Time-bound activities", document.MainDocumentPart.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_pdf_converts_the_annex_with_libre_office()
    {
        var path = Path.Combine(database.Folder, "annex.pdf");

        var (exit, output, error) = await RunAsync("export", "--programme", SeedFile.PtcSlug, "--format", "pdf", "--lang", "fr", "--out", path);

        Assert.True(exit == 0, error);
        Assert.Contains("94 activités exportées", output, StringComparison.Ordinal);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path), 0, 4));
    }

    [Fact]
    public async Task Export_pdf_without_libre_office_says_how_to_install_it_and_writes_nothing()
    {
        var path = Path.Combine(database.Folder, "annex.pdf");
        var settings = database.Settings;
        settings["Documents:LibreOffice"] = "/nonexistent/soffice";
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await WpCli.RunAsync(["export", "--programme", SeedFile.PtcSlug, "--format", "pdf", "--lang", "en", "--out", path],
            output, error, settings);

        Assert.Equal(1, exit);
        Assert.Contains("LibreOffice, which is not installed", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("apt-get install", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_binary_format_needs_a_file_and_an_unknown_session_is_refused()
    {
        var (exit, _, error) = await RunAsync("export", "--programme", SeedFile.PtcSlug, "--format", "docx", "--lang", "en");
        Assert.Equal((2, true), (exit, error.Contains("add --out FILE", StringComparison.Ordinal)));

        var path = Path.Combine(database.Folder, "annex.docx");
        (exit, _, error) = await RunAsync("export", "--programme", SeedFile.PtcSlug, "--format", "docx", "--session", "ctp-999",
            "--lang", "en", "--out", path);
        Assert.Equal((2, true, false), (exit, error.Contains("not found", StringComparison.Ordinal), File.Exists(path)));
    }

    [Fact]
    public async Task Export_docx_with_slippage_ends_with_the_deadline_slippage_table()
    {
        var path = Path.Combine(database.Folder, "annex-slippage.docx");

        var (exit, output, error) = await RunAsync("export", "--programme", SeedFile.PtcSlug, "--format", "docx", "--lang", "fr",
            "--slippage", "--out", path);

        Assert.True(exit == 0, error);
        Assert.Contains("94 activités exportées", output, StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(path, false);
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Contains("Glissement des délais", body.InnerText, StringComparison.Ordinal);
        var slippage = body.Elements<Table>().ElementAt(2);
        Assert.Equal(["I.12", "I.13", "I.14", "I.19", "I.24", "I.29"],
            slippage.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().First().InnerText));
    }

    [Fact]
    public async Task Slippage_is_refused_for_formats_that_are_not_the_annex()
    {
        var path = Path.Combine(database.Folder, "ptc.xlsx");

        var (exit, _, error) = await RunAsync("export", "--programme", SeedFile.PtcSlug, "--format", "xlsx", "--slippage", "--lang", "en", "--out", path);

        Assert.Equal((2, true, false), (exit, error.Contains("only with --format docx or pdf", StringComparison.Ordinal), File.Exists(path)));
    }
}
