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
    public async Task Translate_toolkit_reads_the_export_and_its_translated_file_comes_back_in_leaving_nothing_to_translate()
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

        await ToolkitAsync("fill", exported, translated);
        var preview = await RunAsync("translation", "import", translated, "--programme", SeedFile.PtcSlug, "--lang", "en");
        var applied = await RunAsync("translation", "import", translated, "--programme", SeedFile.PtcSlug, "--apply", "--lang", "fr");

        Assert.Contains($"Preview (nothing changed; --apply to apply): {units} to apply, 0 unchanged, 0 stale, 0 refused.", preview.Output, StringComparison.Ordinal);
        Assert.True(applied.Exit == 0, applied.Error);
        Assert.Contains($"Appliqué à {SeedFile.PtcSlug} : {units} traductions appliquées", applied.Output, StringComparison.Ordinal);
        var again = await RunAsync("translation", "export", "--programme", SeedFile.PtcSlug, "--to", "en", "--out", exported, "--lang", "en");
        Assert.Contains("0 texts to translate", again.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await ToolkitAsync("count", exported)).GetProperty("units").GetInt32());
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
}
