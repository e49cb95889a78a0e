using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using WorkProgramme.Documents.Translation;
using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

/// <summary>
/// A real CAT tool: Debian's OmegaT in console mode translates a project made from our XLIFF export with our TMX as its
/// memory, and its target file comes back in through our import (docs/translation.md, "OmegaT").
/// </summary>
public sealed partial class OmegaTFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => Wp.RunAsync(database, args);

    /// <summary>
    /// OmegaT's XLIFF filter translates the text of each <c>&lt;target&gt;</c>, as a preparation tool leaves it: a copy of
    /// the source. A unit with no target is not a segment for it.
    /// </summary>
    private static void Prepare(string exported, string projectSource)
    {
        var document = XDocument.Load(exported, LoadOptions.PreserveWhitespace);
        foreach (var unit in document.Descendants(Xliff.Ns + "trans-unit"))
        {
            var source = unit.Element(Xliff.Ns + "source")!;
            unit.Element(Xliff.Ns + "target")?.Remove();
            source.AddAfterSelf(new XElement(Xliff.Ns + "target", source.Nodes().Select(n => n is XElement e ? new XElement(e) : (object)new XText(((XText)n).Value))));
        }

        document.Save(projectSource);
    }

    /// <summary>
    /// OmegaT matches a memory by its own tag shortcuts (<c>&lt;x0/&gt;</c> for the first inline code of a segment), written
    /// as text in the TMX: our reference placeholders are turned into them.
    /// </summary>
    private static void ForOmegaT(string memory, string projectMemory)
    {
        var document = XDocument.Load(memory, LoadOptions.PreserveWhitespace);
        foreach (var seg in document.Descendants("seg"))
        {
            var index = 0;
            foreach (var ph in seg.Elements("ph").ToList())
            {
                ph.ReplaceWith(new XText($"<x{index++}/>"));
            }
        }

        document.Save(projectMemory);
    }

    private static async Task<string> OmegaTAsync(string project, string home)
    {
        var start = new ProcessStartInfo("/usr/bin/java") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-Djava.awt.headless=true", "-Duser.home=" + home, "-jar", "/usr/share/omegat/OmegaT.jar", project, "--mode=console-translate" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = home;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await output + await error);
        return await output + await error;
    }

    [Fact]
    public async Task OmegaT_translates_our_XLIFF_from_our_memory_in_console_mode_and_every_unit_comes_back_in()
    {
        var project = Directory.CreateDirectory(Path.Combine(database.Folder, "omegat-project")).FullName;
        foreach (var folder in new[] { "source", "target", "tm/auto", "omegat", "glossary", "dictionary" })
        {
            Directory.CreateDirectory(Path.Combine(project, folder));
        }

        await File.WriteAllTextAsync(Path.Combine(project, "omegat.project"), """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <omegat>
              <project version="1.0">
                <source_dir>__DEFAULT__</source_dir>
                <target_dir>__DEFAULT__</target_dir>
                <tm_dir>__DEFAULT__</tm_dir>
                <glossary_dir>__DEFAULT__</glossary_dir>
                <glossary_file>__DEFAULT__</glossary_file>
                <dictionary_dir>__DEFAULT__</dictionary_dir>
                <source_lang>fr</source_lang>
                <target_lang>en</target_lang>
                <source_tok>org.omegat.tokenizer.LuceneFrenchTokenizer</source_tok>
                <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
                <sentence_seg>false</sentence_seg>
                <support_default_translations>true</support_default_translations>
                <remove_tags>false</remove_tags>
              </project>
            </omegat>
            """);
        var exported = Path.Combine(database.Folder, "ptc.en.xlf");
        Assert.Equal(0, (await RunAsync("translation", "export", "--programme", SeedFile.PtcSlug, "--to", "en", "--out", exported)).Exit);
        var units = XliffFiles.Units(await File.ReadAllBytesAsync(exported));

        // The translation service's memory holds an English for every text: it comes in through our TMX import, and out
        // again as our memory, which OmegaT reads from tm/auto.
        var service = Path.Combine(database.Folder, "service.tmx");
        var read = Xliff.Read(new MemoryStream(await File.ReadAllBytesAsync(exported)));
        await using (var stream = File.Create(service))
        {
            Tmx.Write(stream, read.Files.SelectMany(f => f.Units).Select(u => new MemoryPair(u.Source!, "EN-OMT " + u.Source)));
        }

        Assert.Equal(0, (await RunAsync("translation", "memory", "--import", service, "--apply")).Exit);
        var memory = Path.Combine(database.Folder, "memory.tmx");
        Assert.Equal(0, (await RunAsync("translation", "memory", "--out", memory)).Exit);
        ForOmegaT(memory, Path.Combine(project, "tm", "auto", "memory.tmx"));
        Prepare(exported, Path.Combine(project, "source", "our.xlf"));

        var log = await OmegaTAsync(project, Directory.CreateDirectory(Path.Combine(database.Folder, "omegat-home")).FullName);

        var translated = Path.Combine(project, "target", "our.xlf");
        Assert.True(File.Exists(translated), log);
        Assert.Matches(SegmentsLine(units), await File.ReadAllTextAsync(Path.Combine(project, "omegat", "project_stats.txt")));
        var preview = await RunAsync("translation", "import", translated, "--programme", SeedFile.PtcSlug, "--lang", "en");
        Assert.Contains($"Preview (nothing changed; --apply to apply): {units} to apply, 0 unchanged, 0 stale, 0 refused.", preview.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("translation", "import", translated, "--programme", SeedFile.PtcSlug, "--apply")).Exit);
        var again = await RunAsync("translation", "export", "--programme", SeedFile.PtcSlug, "--to", "en", "--out", exported, "--lang", "en");
        Assert.Contains("0 texts to translate", again.Output, StringComparison.Ordinal);
        var english = await RunAsync("translation", "export", "--programme", SeedFile.PtcSlug, "--to", "en", "--all", "--out", exported, "--lang", "en");
        Assert.Contains("EN-OMT ", await File.ReadAllTextAsync(exported), StringComparison.Ordinal);
        Assert.Equal(0, english.Exit);
    }

    private static Regex SegmentsLine(int units) => new($@"Total:\s+{units}\s");
}
