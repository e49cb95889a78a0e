using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

/// <summary>
/// <c>wp export --all</c> / <c>wp import --all</c>: the whole database as a portable archive. The move goes from the
/// suite's provider to the other one and back (SQLite → PostgreSQL → SQLite, or the reverse on the PostgreSQL run).
/// </summary>
public sealed class ArchiveFacts : IAsyncLifetime
{
    private TestDatabase source = null!;

    public async Task InitializeAsync()
    {
        source = await TestDatabase.CreateAsync();
        await source.RunAsync<AddUser.Handler, AddUser.Outcome>(h =>
            h.HandleAsync(new AddUser.Command("officer@example.org", Roles.Editor, "CTP", "correct horse battery", "Officer é", "Nomenclature"),
                CancellationToken.None));
        Assert.Equal(0, (await Wp.RunAsync(source, "token", "create", "--email", "officer@example.org", "--name", "script")).Exit);
        await source.RunAsync<WorkProgrammeDb>(async db =>
        {
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "key-test", Xml = "<key id=\"test\" />" });
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await source.DisposeAsync();

    [Fact]
    public async Task An_archive_moved_to_the_other_provider_and_back_holds_identical_data()
    {
        await using var other = await TestDatabase.CreateEmptyAsync(TestDatabase.OtherProvider);
        await using var back = await TestDatabase.CreateEmptyAsync(TestDatabase.SuiteProvider);
        var first = Path.Combine(source.Folder, "first.zip");
        var second = Path.Combine(source.Folder, "second.zip");
        var third = Path.Combine(source.Folder, "third.zip");

        var exported = await Wp.RunAsync(source, "export", "--all", "--format", "json", "--out", first, "--lang", "en");
        var imported = await Wp.RunAsync(other, "import", "--all", first, "--lang", "en");
        Assert.Equal(0, (await Wp.RunAsync(other, "export", "--all", "--out", second)).Exit);
        var importedBack = await Wp.RunAsync(back, "import", "--all", second, "--lang", "fr");
        Assert.Equal(0, (await Wp.RunAsync(back, "export", "--all", "--out", third)).Exit);

        Assert.True(exported.Exit == 0, exported.Error);
        Assert.True(imported.Exit == 0, imported.Error);
        Assert.True(importedBack.Exit == 0, importedBack.Error);
        Assert.Contains("Archive written to", exported.Output, StringComparison.Ordinal);
        Assert.Contains("Archive imported", imported.Output, StringComparison.Ordinal);
        Assert.Contains("Archive importée", importedBack.Output, StringComparison.Ordinal);
        var manifest = Manifest(first);
        foreach (var table in manifest.GetProperty("tables").EnumerateArray().Select(t => "tables/" + t.GetProperty("name").GetString() + ".json"))
        {
            // Table by table first, so that a difference shows where it is.
            Assert.Equal(Entry(first, table), Entry(second, table));
            Assert.Equal(Entry(first, table), Entry(third, table));
        }

        Assert.Equal(manifest.GetProperty("contentHash").GetString(), Manifest(second).GetProperty("contentHash").GetString());
        Assert.Equal(manifest.GetProperty("contentHash").GetString(), Manifest(third).GetProperty("contentHash").GetString());
        Assert.Equal(TestDatabase.OtherProvider.ToString(), Manifest(second).GetProperty("sourceProvider").GetString());

        // Everything is in it: both versions, every report, the user with a password, the token, the keys, the audit trail.
        var rows = manifest.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("rows").GetInt32());
        foreach (var table in new[] { "Bodies", "Sessions", "PlanElements", "Programmes", "ActivityVersions", "StatusReports", "AuditEntries" })
        {
            Assert.True(rows[table] > 0, table);
        }

        Assert.Equal(2, rows["ProgrammeVersions"]);
        Assert.Equal(1, rows["AspNetUsers"]);
        Assert.Equal(1, rows["ApiTokens"]);
        Assert.Equal(1, rows["DataProtectionKeys"]);
        Assert.Contains("PasswordHash", Entry(first, "tables/AspNetUsers.json"), StringComparison.Ordinal);

        // The app reads the moved data as it read the original.
        var programme = await Wp.RunAsync(source, "export", "--programme", SeedFile.PtcSlug, "--version", SeedFile.PtcPreviousLabel);
        Assert.Equal(programme.Output, (await Wp.RunAsync(other, "export", "--programme", SeedFile.PtcSlug, "--version", SeedFile.PtcPreviousLabel)).Output);
        Assert.Equal(programme.Output, (await Wp.RunAsync(back, "export", "--programme", SeedFile.PtcSlug, "--version", SeedFile.PtcPreviousLabel)).Output);

        // Ids continue after the imported ones: a new user and audit rows are written on the moved database.
        var added = await other.RunAsync<AddUser.Handler, AddUser.Outcome>(h =>
            h.HandleAsync(new AddUser.Command("second@example.org", Roles.Member, "CTP", "correct horse battery"), CancellationToken.None));
        Assert.True(added.Succeeded, string.Join("; ", added.Problems));
        Assert.Equal(0, (await Wp.RunAsync(other, "token", "create", "--email", "second@example.org", "--name", "script")).Exit);
    }

    [Fact]
    public async Task An_archive_is_refused_by_a_database_that_holds_data_and_nothing_changes()
    {
        var file = Path.Combine(source.Folder, "all.zip");
        Assert.Equal(0, (await Wp.RunAsync(source, "export", "--all", "--out", file)).Exit);
        await using var seeded = await TestDatabase.CreateAsync();
        var before = await seeded.ContentHashAsync();

        var (exit, _, error) = await Wp.RunAsync(seeded, "import", "--all", file, "--lang", "fr");

        Assert.Equal(1, exit);
        Assert.Contains("n’est pas vide", error, StringComparison.Ordinal);
        Assert.Contains("Programmes", error, StringComparison.Ordinal);
        Assert.Equal(before, await seeded.ContentHashAsync());
    }

    [Fact]
    public async Task A_wrong_file_a_wrong_schema_version_or_an_altered_table_is_refused_and_the_database_stays_empty()
    {
        var file = Path.Combine(source.Folder, "all.zip");
        Assert.Equal(0, (await Wp.RunAsync(source, "export", "--all", "--out", file)).Exit);
        var archive = await File.ReadAllBytesAsync(file);
        var manifest = Entry(file, "manifest.json");
        var notes = Path.Combine(source.Folder, "notes.txt");
        await File.WriteAllTextAsync(notes, "not an archive");
        var programmeFile = Path.Combine(source.Folder, "ptc.json");
        Assert.Equal(0, (await Wp.RunAsync(source, "export", "--programme", SeedFile.PtcSlug, "--out", programmeFile)).Exit);
        var future = Path.Combine(source.Folder, "future.zip");
        await File.WriteAllBytesAsync(future, OfficeFiles.Rewrite(archive, new Dictionary<string, string?>
        {
            ["manifest.json"] = manifest.Replace("\"schemaVersion\": 1", "\"schemaVersion\": 99", StringComparison.Ordinal),
        }));
        var altered = Path.Combine(source.Folder, "altered.zip");
        await File.WriteAllBytesAsync(altered, OfficeFiles.Rewrite(archive, new Dictionary<string, string?>
        {
            ["tables/AspNetUsers.json"] = Entry(file, "tables/AspNetUsers.json").Replace("officer@example.org", "admin@example.org", StringComparison.Ordinal),
        }));
        await using var empty = await TestDatabase.CreateEmptyAsync();
        var emptyHash = await empty.ContentHashAsync();

        var wrongFile = await Wp.RunAsync(empty, "import", "--all", notes, "--lang", "en");
        var aProgrammeFile = await Wp.RunAsync(empty, "import", "--all", programmeFile, "--lang", "fr");
        var wrongVersion = await Wp.RunAsync(empty, "import", "--all", future, "--lang", "en");
        var wrongContent = await Wp.RunAsync(empty, "import", "--all", altered, "--lang", "en");
        var missing = await Wp.RunAsync(empty, "import", "--all", Path.Combine(source.Folder, "absent.zip"), "--lang", "en");

        Assert.Equal(1, wrongFile.Exit);
        Assert.Contains("This file is not a WorkProgramme archive", wrongFile.Error, StringComparison.Ordinal);
        Assert.Equal(1, aProgrammeFile.Exit);
        Assert.Contains("n’est pas une archive WorkProgramme", aProgrammeFile.Error, StringComparison.Ordinal);
        Assert.Equal(1, wrongVersion.Exit);
        Assert.Contains("schema version 99", wrongVersion.Error, StringComparison.Ordinal);
        Assert.Equal(1, wrongContent.Exit);
        Assert.Contains("damaged or was altered (tables/AspNetUsers.json", wrongContent.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.Exit);
        Assert.Equal(emptyHash, await empty.ContentHashAsync());

        // Still empty: the good archive goes in.
        Assert.Equal(0, (await Wp.RunAsync(empty, "import", "--all", file)).Exit);
    }

    [Fact]
    public async Task Export_all_says_what_it_needs()
    {
        var noFile = await Wp.RunAsync(source, "export", "--all", "--lang", "en");
        var withProgramme = await Wp.RunAsync(source, "export", "--all", "--programme", SeedFile.PtcSlug, "--out", "x.zip", "--lang", "fr");
        var wrongFormat = await Wp.RunAsync(source, "export", "--all", "--format", "docx", "--out", "x.zip", "--lang", "en");
        var nothing = await Wp.RunAsync(source, "export", "--lang", "en");

        Assert.Equal(2, noFile.Exit);
        Assert.Contains("--all exports the whole database", noFile.Error, StringComparison.Ordinal);
        Assert.Equal(2, withProgramme.Exit);
        Assert.Contains("--all exporte toute la base", withProgramme.Error, StringComparison.Ordinal);
        Assert.Equal(2, wrongFormat.Exit);
        Assert.Equal(2, nothing.Exit);
        Assert.Contains("--programme SLUG, or --all", nothing.Error, StringComparison.Ordinal);
    }

    private static JsonElement Manifest(string file) => JsonDocument.Parse(Entry(file, "manifest.json")).RootElement.Clone();

    private static string Entry(string file, string name) => OfficeFiles.EntryText(File.ReadAllBytes(file), name);
}
