using System.Globalization;
using Microsoft.Data.Sqlite;
using WorkProgramme.Application.Data;
using WorkProgramme.Testing;
using Xunit.Abstractions;

namespace WorkProgramme.Web.Tests.Reliability;

/// <summary>
/// The app as a real process (<c>dotnet WorkProgramme.Web.dll</c>) takes single-transaction writes (activity edits
/// with a unique text, through the API) from 16 clients and is killed with SIGKILL at random moments. After each kill
/// the SQLite file passes <c>PRAGMA integrity_check</c> and <c>foreign_key_check</c>, and every write that was answered
/// 200 is in the database (its text in the audit trail, which is written in the same transaction); then the app is
/// started again and the clients go on. In CI: 200 writes, 3 kills. The full run (2,000 writes, 20 kills) is
/// <c>scripts/crash-test.sh</c>, which sets WP_CRASH_WRITES and WP_CRASH_KILLS. PostgreSQL with WP_TEST_PROVIDER=postgres
/// (the app is killed, not the server: that is <see cref="PostgresServerCrashFacts"/>).
/// </summary>
public sealed class CrashFacts(ITestOutputHelper output)
{
    [Fact]
    public async Task Writes_acknowledged_before_a_kill_9_are_all_there_after_the_restart_and_the_database_is_intact()
    {
        var writes = CrashHarness.Setting("WP_CRASH_WRITES", 200);
        var kills = CrashHarness.Setting("WP_CRASH_KILLS", 3);
        await using var database = await TestDatabase.CreateAsync(seed: true);
        var (token, activities) = await CrashHarness.PrepareAsync(database);
        var run = Guid.NewGuid().ToString("N")[..8];

        using var app = new AppProcess(database, output);
        await app.StartAsync();
        var outcome = await CrashHarness.RunAsync(app.BaseAddress, token, activities, run, writes, kills, () => app.Running,
            async (_, acknowledged) =>
            {
                app.Kill();
                var check = await CheckAsync(database, acknowledged(), run);
                await app.StartAsync();
                return check;
            });
        app.Kill();
        List<string> checks = [.. outcome.Checks, await CheckAsync(database, outcome.Acknowledged, run)];

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"provider={database.Provider} writes={writes} clients={CrashHarness.Clients} kills={outcome.Kills} acknowledged={outcome.Acknowledged.Count} unacknowledged={outcome.Unacknowledged} checks={checks.Count}"));
        foreach (var check in checks)
        {
            output.WriteLine(check);
        }

        Assert.Equal(kills, outcome.Kills);
        Assert.All(checks, c => Assert.StartsWith("ok", c, StringComparison.Ordinal));
    }

    /// <summary>Run while the app is down: integrity of the file, then every acknowledged write present.</summary>
    private static async Task<string> CheckAsync(TestDatabase database, IReadOnlyList<Write> acknowledged, string run)
    {
        var integrity = "n/a";
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(database.ConnectionString + ";Pooling=False");
            await connection.OpenAsync();
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            integrity = (string)(await check.ExecuteScalarAsync())!;
            check.CommandText = "PRAGMA foreign_key_check";
            await using var reader = await check.ExecuteReaderAsync();
            Assert.False(await reader.ReadAsync(), "foreign_key_check found orphan rows");
            Assert.Equal("ok", integrity);
        }

        var (present, _) = await CrashHarness.PresentAsync(database, acknowledged, run);
        return string.Create(CultureInfo.InvariantCulture,
            $"ok integrity_check={integrity} acknowledged={acknowledged.Count} present={present} missing=0");
    }
}
