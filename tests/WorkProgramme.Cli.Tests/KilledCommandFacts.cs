using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Testing;
using Xunit.Abstractions;

namespace WorkProgramme.Cli.Tests;

/// <summary>
/// <c>wp</c> killed (SIGKILL) at random moments of its work, start-up and migration included: the next start always
/// comes up, and the data is as before the command or as after it, never between (docs/reliability.md). The suite kills
/// each command <c>WP_CRASH_KILLS</c> times (default 3); <c>scripts/crash-test.sh</c> with <c>WP_CRASH_CASE=wp</c>, more.
/// </summary>
public sealed class KilledCommandFacts(ITestOutputHelper output)
{
    /// <summary>A start that has not come up by then hangs: the failure these tests exist for.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromMinutes(2);

    private static int Kills => int.TryParse(Environment.GetEnvironmentVariable("WP_CRASH_KILLS"), NumberStyles.None,
        CultureInfo.InvariantCulture, out var kills) ? kills : 3;

    [Fact]
    public async Task A_first_start_killed_while_migrating_or_seeding_leaves_a_database_the_next_start_brings_up()
    {
        var seeded = await SeededCountsAsync();
        TimeSpan duration;
        await using (var calibration = await TestDatabase.CreateEmptyAsync())
        {
            duration = await TimeAsync(calibration, "versions", "--programme", SeedFile.PtcSlug);
        }

        for (var kill = 0; kill < Kills; kill++)
        {
            await using var database = await TestDatabase.CreateEmptyAsync();

            var killed = await KillAsync(database, Offset(duration), "versions", "--programme", SeedFile.PtcSlug);
            var counts = await CountsAsync(database);
            Assert.True(counts.Programmes == 0 || counts == seeded, $"after the kill: {counts}, seeded: {seeded}");

            await NextStartComesUpAsync(database);
            Assert.Equal(seeded, await CountsAsync(database));
            output.WriteLine($"kill {kill + 1}: {killed}");
        }
    }

    [Fact]
    public async Task A_killed_import_leaves_the_programme_as_before_or_after_and_the_next_start_comes_up()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = await database.RunAsync<ExportProgramme.Handler, ProgrammeFile?>(h =>
            h.HandleAsync(new ExportProgramme.Query(Viewer.Anonymous, SeedFile.PtcSlug, null), CancellationToken.None));
        var activities = file!.Activities.Count;

        async Task<string> WriteAsync(int label)
        {
            var path = Path.Combine(database.Folder, $"import-{label}.json");
            await using var stream = File.Create(path);
            await ProgrammeJson.WriteAsync(file with { Version = new VersionDto($"2099-{label:00}", null, "draft", null) }, stream, CancellationToken.None);
            return path;
        }

        var duration = await TimeAsync(database, ImportArguments(await WriteAsync(0)));
        for (var kill = 1; kill <= Kills; kill++)
        {
            var before = await VersionsAsync(database);
            var killed = await KillAsync(database, Offset(duration), ImportArguments(await WriteAsync(kill)));
            var after = await VersionsAsync(database);

            Assert.True(after.Count == before.Count || after.Count == before.Count + 1, $"{before.Count} versions before, {after.Count} after");
            Assert.All(after.Where(v => v.Label.StartsWith("2099-", StringComparison.Ordinal)), v => Assert.Equal(activities, v.Rows));
            await NextStartComesUpAsync(database);
            output.WriteLine($"kill {kill}: {killed}, versions {before.Count} → {after.Count}");
        }
    }

    [Fact]
    public async Task A_killed_round_publication_publishes_every_report_or_none()
    {
        await using var database = await TestDatabase.CreateAsync();
        async Task<string[]> OpenAsync(int round)
        {
            var ordinals = $"{300 + (2 * round)},{301 + (2 * round)}";
            Assert.Equal(0, (await Wp.RunAsync(database, "session", "add", "--body", "CTP", "--ordinals", ordinals,
                "--year", (2030 + round).ToString(CultureInfo.InvariantCulture), "--month", "10")).Exit);
            var session = $"ctp-{300 + (2 * round)}-{301 + (2 * round)}";
            Assert.Equal(0, (await Wp.RunAsync(database, "round", "open", "--programme", SeedFile.PtcSlug, "--session", session)).Exit);
            return ["round", "publish", "--programme", SeedFile.PtcSlug, "--session", session, "--confirm"];
        }

        var duration = await TimeAsync(database, await OpenAsync(0));
        for (var kill = 1; kill <= Kills; kill++)
        {
            var publish = await OpenAsync(kill);
            var session = publish[5];
            var killed = await KillAsync(database, Offset(duration), publish);
            var (round, reports) = await database.RunAsync<WorkProgrammeDb, (string, string[])>(async db =>
                ((await db.Rounds.SingleAsync(r => r.SessionKey == session)).State.ToString(),
                    (await db.StatusReports.Where(r => r.SessionKey == session).Select(r => r.State).Distinct().ToListAsync())
                    .Select(s => s.ToString()).ToArray()));
            var expected = round == "Published" ? nameof(ReportState.Published) : nameof(ReportState.Draft);
            Assert.True(reports.All(s => s == expected), $"round {round}, reports {string.Join(",", reports)}");
            await NextStartComesUpAsync(database);
            output.WriteLine($"kill {kill}: {killed}, round {round}");
        }
    }

    [Fact]
    public async Task A_killed_backup_or_export_leaves_no_half_file_under_its_name_and_the_next_one_is_written()
    {
        await using var database = await TestDatabase.CreateAsync();
        var backup = Path.Combine(database.Folder, "workprogramme.backup");
        var annex = Path.Combine(database.Folder, "annex.docx");
        string[] backupArguments = ["backup", "--out", backup];
        string[] exportArguments = ["export", "--programme", SeedFile.PtcSlug, "--format", "docx", "--out", annex];
        var backupTime = await TimeAsync(database, backupArguments);
        var exportTime = await TimeAsync(database, exportArguments);
        for (var kill = 0; kill < Kills; kill++)
        {
            File.Delete(backup);
            File.Delete(annex);
            var killedBackup = await KillAsync(database, Offset(backupTime), backupArguments);
            var killedExport = await KillAsync(database, Offset(exportTime), exportArguments);
            if (File.Exists(backup))
            {
                await using var target = await TestDatabase.CreateEmptyAsync();
                Assert.Equal(0, (await Wp.RunAsync(target, "restore", backup)).Exit);
            }

            if (File.Exists(annex))
            {
                using var package = ZipFile.OpenRead(annex);
                Assert.NotNull(package.GetEntry("word/document.xml"));
            }

            await NextStartComesUpAsync(database);
            Assert.Equal(0, (await Wp.RunAsync(database, backupArguments).WaitAsync(Hang)).Exit);
            Assert.Equal(0, (await Wp.RunAsync(database, exportArguments).WaitAsync(Hang)).Exit);
            output.WriteLine($"kill {kill + 1}: backup {killedBackup}, export {killedExport}");
        }
    }

    private static string[] ImportArguments(string file) => ["import", file, "--apply"];

    /// <summary>A moment inside the command's run, start-up included.</summary>
    private static TimeSpan Offset(TimeSpan duration) => duration * Random.Shared.NextDouble();

    /// <summary>Runs the command to its end (it must succeed) and says how long it took, start-up included.</summary>
    private async Task<TimeSpan> TimeAsync(TestDatabase database, params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        using var process = Start(database, arguments);
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Hang);
        Assert.True(process.ExitCode == 0, $"wp {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}");
        return clock.Elapsed;
    }

    /// <summary>SIGKILL after <paramref name="after"/>, unless the command ended first; says which.</summary>
    private async Task<string> KillAsync(TestDatabase database, TimeSpan after, params string[] arguments)
    {
        using var process = Start(database, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var ended = process.WaitForExitAsync();
        if (await Task.WhenAny(ended, Task.Delay(after)) != ended)
        {
            process.Kill();
        }

        await process.WaitForExitAsync().WaitAsync(Hang);
        await Task.WhenAll(output, errors);
        return process.ExitCode == 137 || process.ExitCode == -1 ? $"killed after {after.TotalMilliseconds:0} ms" : $"ended ({process.ExitCode}) before {after.TotalMilliseconds:0} ms";
    }

    /// <summary>The next <c>wp</c> after the kill starts and answers (it used to wait for ever on a lock row).</summary>
    private static async Task NextStartComesUpAsync(TestDatabase database)
    {
        var next = await Wp.RunAsync(database, "versions", "--programme", SeedFile.PtcSlug, "--lang", "en").WaitAsync(Hang);
        Assert.True(next.Exit == 0, next.Error);
    }

    private static Process Start(TestDatabase database, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "wp.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Database__Provider"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__WorkProgramme"] = database.ConnectionString;
        return Process.Start(start) ?? throw new InvalidOperationException("could not start wp");
    }

    private static async Task<IReadOnlyList<(string Label, int Rows)>> VersionsAsync(TestDatabase database) =>
        await database.RunAsync<WorkProgrammeDb, IReadOnlyList<(string, int)>>(async db =>
            (await db.ProgrammeVersions.Select(v => new { v.Label, Rows = v.Activities.Count }).ToListAsync())
            .Select(v => (v.Label, v.Rows)).ToList());

    private static async Task<(int Programmes, int Versions, int Rows, int Reports)> SeededCountsAsync()
    {
        await using var database = await TestDatabase.CreateAsync();
        return await CountsAsync(database);
    }

    private static Task<(int Programmes, int Versions, int Rows, int Reports)> CountsAsync(TestDatabase database) =>
        database.RunAsync<WorkProgrammeDb, (int, int, int, int)>(async db =>
        {
            // A start killed before its migration created the tables leaves a database without them: nothing yet.
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
            {
                return (0, 0, 0, 0);
            }

            return (await db.Programmes.CountAsync(), await db.ProgrammeVersions.CountAsync(), await db.ActivityVersions.CountAsync(),
                await db.StatusReports.CountAsync());
        });
}
