using System.Diagnostics;
using System.Text.Json;
using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

/// <summary>
/// <c>wp translation export/import</c> judged by a real XLIFF client: Debian's translate-toolkit
/// (<c>scripts/translation/translate_toolkit.py</c>) reads what we write and writes what we read back.
/// </summary>
public sealed class TranslationFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => Wp.RunAsync(database, args);

    private static async Task<JsonElement> ToolkitAsync(params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "scripts", "translation", "translate_toolkit.py"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error);
        return JsonDocument.Parse(await output).RootElement;
    }

    [Fact]
    public async Task Translate_toolkit_reads_the_export_and_its_translated_file_comes_back_in_leaving_nothing_to_translate_and_no_French_in_the_English_documents()
    {
        var exported = Path.Combine(database.Folder, "ptc.en.xlf");
        var translated = Path.Combine(database.Folder, "ptc.en.done.xlf");

        var (exit, output, error) = await RunAsync("translation", "export", "--programme", SeedFile.PtcSlug, "--to", "en", "--out", exported, "--lang", "en");

        Assert.True(exit == 0, error);
        var counted = await ToolkitAsync("count", exported);
        var units = counted.GetProperty("units").GetInt32();
        Assert.Contains($"{units} texts to translate (version 2024-04)", output, StringComparison.Ordinal);
        Assert.Equal(units, counted.GetProperty("untranslated").GetInt32());
        Assert.Equal(2, counted.GetProperty("placeholders").GetInt32());

        var annex = Path.Combine(database.Folder, "annex.en.docx");
        var workbook = Path.Combine(database.Folder, "programme.en.xlsx");
        await RunAsync("export", "--programme", SeedFile.PtcSlug, "--format", "docx", "--lang", "en", "--out", annex);
        await RunAsync("export", "--programme", SeedFile.PtcSlug, "--format", "xlsx", "--lang", "en", "--out", workbook);
        Assert.Contains("[FR]", PackageText(annex), StringComparison.Ordinal);
        Assert.Contains("[FR]", PackageText(workbook), StringComparison.Ordinal);

        await ToolkitAsync("fill", exported, translated);
        var preview = await RunAsync("translation", "import", translated, "--programme", SeedFile.PtcSlug, "--lang", "en");
        var applied = await RunAsync("translation", "import", translated, "--programme", SeedFile.PtcSlug, "--apply", "--lang", "fr");

        Assert.Contains($"Preview (nothing changed; --apply to apply): {units} to apply, 0 unchanged, 0 stale, 0 refused.", preview.Output, StringComparison.Ordinal);
        Assert.True(applied.Exit == 0, applied.Error);
        Assert.Contains($"Appliqué à {SeedFile.PtcSlug} : {units} traductions appliquées", applied.Output, StringComparison.Ordinal);
        var again = await RunAsync("translation", "export", "--programme", SeedFile.PtcSlug, "--to", "en", "--out", exported, "--lang", "en");
        Assert.Contains("0 texts to translate", again.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await ToolkitAsync("count", exported)).GetProperty("units").GetInt32());

        // The English documents now speak English: no text falls back to French behind an "[FR]" marker.
        Assert.Equal(0, (await RunAsync("export", "--programme", SeedFile.PtcSlug, "--format", "docx", "--lang", "en", "--out", annex)).Exit);
        Assert.Equal(0, (await RunAsync("export", "--programme", SeedFile.PtcSlug, "--format", "xlsx", "--lang", "en", "--out", workbook)).Exit);
        var annexXml = PackageText(annex);
        Assert.Contains("EN ", annexXml, StringComparison.Ordinal);
        Assert.DoesNotContain("[FR]", annexXml, StringComparison.Ordinal);
        var workbookXml = PackageText(workbook);
        Assert.Contains("EN ", workbookXml, StringComparison.Ordinal);
        Assert.DoesNotContain("[FR]", workbookXml, StringComparison.Ordinal);
    }

    /// <summary>Every XML part of an Office file as text, the way a search of the document's own XML finds a marker.</summary>
    private static string PackageText(string path)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        return string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }

    [Theory]
    [InlineData("<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><x>&xxe;</x>", "holds a DTD or entities")]
    [InlineData("{\"format\":\"workprogramme/1\"}", "not valid XML")]
    public async Task A_hostile_or_foreign_file_is_refused_in_words_and_changes_nothing(string content, string expected)
    {
        var path = Path.Combine(database.Folder, "hostile.xlf");
        await File.WriteAllTextAsync(path, content);

        var (exit, _, error) = await RunAsync("translation", "import", path, "--programme", SeedFile.PtcSlug, "--apply", "--lang", "en");

        Assert.Equal(WpCli.Failed, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_memory_grows_with_each_translation_and_translate_toolkit_reads_it_as_TMX()
    {
        var memory = Path.Combine(database.Folder, "memory.tmx");
        var exported = Path.Combine(database.Folder, "old.en.xlf");
        await RunAsync("translation", "memory", "--out", memory, "--lang", "en");
        var before = (await ToolkitAsync("tmx", memory)).GetProperty("units").GetInt32();
        await RunAsync("translation", "export", "--programme", SeedFile.PtcSlug, "--to", "en", "--version", "2023-10", "--out", exported);
        await ToolkitAsync("fill", exported, exported);
        Assert.Equal(0, (await RunAsync("translation", "import", exported, "--programme", SeedFile.PtcSlug, "--apply")).Exit);

        var (exit, output, error) = await RunAsync("translation", "memory", "--out", memory, "--lang", "en");

        Assert.True(exit == 0, error);
        var read = await ToolkitAsync("tmx", memory);
        var units = read.GetProperty("units").GetInt32();
        Assert.True(units > before + 200, $"{before} -> {units}");
        Assert.Equal(units, read.GetProperty("translated").GetInt32());
        Assert.Contains($"{units} FR/EN pairs written to memory.tmx", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_TMX_written_by_translate_toolkit_is_previewed_then_added_and_its_pairs_come_out_as_matches_and_in_the_memory()
    {
        var service = Path.Combine(database.Folder, "service-2026.tmx");
        var exported = Path.Combine(database.Folder, "ptc.en.xlf");
        await RunAsync("translation", "export", "--programme", SeedFile.PtcSlug, "--to", "en", "--out", exported);
        var source = System.Xml.Linq.XDocument.Load(exported).Descendants(Documents.Translation.Xliff.Ns + "trans-unit")
            .Where(u => !u.Elements(Documents.Translation.Xliff.Ns + "alt-trans").Any() && !u.Element(Documents.Translation.Xliff.Ns + "source")!.HasElements)
            .Select(u => u.Element(Documents.Translation.Xliff.Ns + "source")!.Value).First();
        await ToolkitAsync("tmxwrite", service, "en-GB", "fr-FR", "From the translation service", source, "Annual report", "Rapport annuel", "Annual report", "Rapport annuel");

        var preview = await RunAsync("translation", "memory", "--import", service, "--lang", "en");
        var applied = await RunAsync("translation", "memory", "--import", service, "--apply", "--lang", "fr");
        var again = await RunAsync("translation", "memory", "--import", service, "--apply", "--lang", "en");

        Assert.True(preview.Exit == 0, preview.Error);
        Assert.Contains("Preview (nothing added; --apply to add): 2 to add, 1 already known, 0 skipped.", preview.Output, StringComparison.Ordinal);
        Assert.Contains("Ajouté à la mémoire depuis service-2026.tmx : 2 paires ajoutées, 1 déjà connue, 0 ignorée.", applied.Output, StringComparison.Ordinal);
        Assert.Contains("0 to add, 3 already known", again.Output, StringComparison.Ordinal);
        await RunAsync("translation", "export", "--programme", SeedFile.PtcSlug, "--to", "en", "--out", exported);
        var xliff = await File.ReadAllTextAsync(exported);
        Assert.Contains("origin=\"service-2026.tmx\"", xliff, StringComparison.Ordinal);
        Assert.Contains("From the translation service", xliff, StringComparison.Ordinal);
        var memory = Path.Combine(database.Folder, "memory.tmx");
        await RunAsync("translation", "memory", "--out", memory);
        Assert.Equal(2, System.Xml.Linq.XDocument.Load(memory).Descendants("prop").Count(p => p.Value == "service-2026.tmx"));
    }

    [Theory]
    [InlineData("<!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><tmx version=\"1.4\"><body>&xxe;</body></tmx>", "holds a DTD or entities")]
    [InlineData("<xliff version=\"1.2\"/>", "not a TMX translation memory")]
    public async Task A_hostile_or_foreign_TMX_is_refused_in_words_and_adds_nothing(string content, string expected)
    {
        var path = Path.Combine(database.Folder, "hostile.tmx");
        await File.WriteAllTextAsync(path, content);

        var (exit, _, error) = await RunAsync("translation", "memory", "--import", path, "--apply", "--lang", "en");

        Assert.Equal(WpCli.Failed, exit);
        Assert.Contains("File refused; nothing was added:", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
