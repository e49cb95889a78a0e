using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Testing;
using Xunit.Abstractions;

namespace WorkProgramme.Web.Tests.Reliability;

/// <summary>
/// The app killed (SIGKILL) at random moments of its first start, while it migrates the empty database and seeds it:
/// the next start always comes up, with the shipped programmes all there (docs/reliability.md, docs/decisions/0021).
/// </summary>
public sealed class StartupCrashFacts(ITestOutputHelper output)
{
    [Fact]
    public async Task The_app_killed_while_migrating_or_seeding_comes_up_on_the_next_start_with_every_shipped_programme()
    {
        var kills = CrashHarness.Setting("WP_CRASH_KILLS", 3);
        TimeSpan firstStart;
        await using (var calibration = await TestDatabase.CreateEmptyAsync())
        {
            using var app = new AppProcess(calibration, output);
            var clock = Stopwatch.StartNew();
            await app.StartAsync();
            firstStart = clock.Elapsed;
        }

        await using var seeded = await TestDatabase.CreateAsync();
        var expected = await CountsAsync(seeded);
        for (var kill = 1; kill <= kills; kill++)
        {
            await using var database = await TestDatabase.CreateEmptyAsync();
            using var app = new AppProcess(database, output);
            var after = firstStart * Random.Shared.NextDouble();
            app.Launch();
            await Task.Delay(after);
            app.Kill();
            var left = await CountsAsync(database);
            Assert.True(left.Programmes == 0 || left == expected, $"after the kill: {left}; seeded: {expected}");

            await app.StartAsync();
            Assert.Equal(expected, await CountsAsync(database));
            output.WriteLine($"kill {kill} after {after.TotalMilliseconds:0} ms of a {firstStart.TotalMilliseconds:0} ms start: {left.Programmes} programmes left");
        }
    }

    private static Task<(int Programmes, int Versions, int Rows)> CountsAsync(TestDatabase database) =>
        database.RunAsync<WorkProgrammeDb, (int, int, int)>(async db =>
            (await db.Database.GetPendingMigrationsAsync()).Any()
                ? (0, 0, 0)
                : (await db.Programmes.CountAsync(), await db.ProgrammeVersions.CountAsync(), await db.ActivityVersions.CountAsync()));
}
