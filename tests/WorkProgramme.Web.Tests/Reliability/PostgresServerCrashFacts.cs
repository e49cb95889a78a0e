using System.Globalization;
using Npgsql;
using WorkProgramme.Application.Data;
using WorkProgramme.Testing;
using Xunit.Abstractions;

namespace WorkProgramme.Web.Tests.Reliability;

/// <summary>
/// T2 with the PostgreSQL server itself killed. The test runs a server of its own (<see cref="PrivatePostgresServer"/>:
/// fsync, synchronous_commit and full_page_writes on, data checksums) and the app as a real process over it; 16 clients
/// send single-transaction writes while the server is killed at random moments, alternately by SIGKILL to the postmaster
/// and all its processes at once and by <c>pg_ctl stop -m immediate</c>, then started again (crash recovery from the
/// WAL). After each restart: every write the app answered 200 is in the database, and <c>pg_amcheck</c> (heap, indexes,
/// TOAST; heapallindexed, parent-check) finds no corruption. The app is not restarted: it must reconnect by itself.
/// A last SIGKILL follows the end of the stream. In CI: 200 writes, 3 kills; the full run is
/// <c>WP_CRASH_CASE=postgres-server scripts/crash-test.sh</c> (WP_CRASH_WRITES, WP_CRASH_KILLS). Part of the PostgreSQL leg.
/// </summary>
public sealed class PostgresServerCrashFacts(ITestOutputHelper output)
{
    [PostgresLegFact]
    public async Task Writes_acknowledged_before_the_database_server_is_killed_are_all_there_after_its_recovery_and_amcheck_finds_no_corruption()
    {
        var writes = CrashHarness.Setting("WP_CRASH_WRITES", 200);
        var kills = CrashHarness.Setting("WP_CRASH_KILLS", 3);
        await using var server = await PrivatePostgresServer.StartAsync(durable: true);
        await using var database = await TestDatabase.CreateOnPostgresServerAsync(server.ConnectionString, seed: true);
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;
        var settings = await SettingsAsync(database);
        Assert.Equal("fsync=on synchronous_commit=on full_page_writes=on data_checksums=on", settings);
        var (token, activities) = await CrashHarness.PrepareAsync(database);
        var run = Guid.NewGuid().ToString("N")[..8];

        using var app = new AppProcess(database, output);
        await app.StartAsync();
        var up = Completed();
        var outcome = await CrashHarness.RunAsync(app.BaseAddress, token, activities, run, writes, kills, () => up.Task,
            async (kill, acknowledged) =>
            {
                up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var how = kill % 2 == 1 ? "sigkill" : "immediate";
                await (kill % 2 == 1 ? server.CrashAsync() : server.StopImmediatelyAsync());
                var check = await RecoverAndCheckAsync(server, database, name, acknowledged(), run, how);
                up.SetResult();
                return check;
            });
        await server.CrashAsync();
        List<string> checks = [.. outcome.Checks, await RecoverAndCheckAsync(server, database, name, outcome.Acknowledged, run, "sigkill")];

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"provider=Postgres server-killed {settings} writes={writes} clients={CrashHarness.Clients} kills={outcome.Kills} acknowledged={outcome.Acknowledged.Count} unacknowledged={outcome.Unacknowledged} checks={checks.Count} app-starts={app.Starts}"));
        foreach (var check in checks)
        {
            output.WriteLine(check);
        }

        Assert.Equal(kills, outcome.Kills);
        Assert.All(checks, c => Assert.StartsWith("ok", c, StringComparison.Ordinal));
        Assert.True(app.Alive, "the app lived through every crash of its database server");
        Assert.Equal(1, app.Starts);
    }

    /// <summary>What makes a commit durable on the server, read from the server itself.</summary>
    private static async Task<string> SettingsAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var values = new List<string>();
        foreach (var setting in new[] { "fsync", "synchronous_commit", "full_page_writes", "data_checksums" })
        {
            await using var show = new NpgsqlCommand($"SHOW {setting}", connection);
            values.Add($"{setting}={await show.ExecuteScalarAsync()}");
        }

        return string.Join(' ', values);
    }

    private static TaskCompletionSource Completed()
    {
        var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        completed.SetResult();
        return completed;
    }

    /// <summary>Starts the killed server (it recovers from the WAL before it accepts connections), then checks.</summary>
    private static async Task<string> RecoverAndCheckAsync(
        PrivatePostgresServer server, TestDatabase database, string name, IReadOnlyList<Write> acknowledged, string run, string how)
    {
        await server.StartAgainAsync();
        NpgsqlConnection.ClearAllPools(); // the test's own connections died with the server
        var (present, _) = await CrashHarness.PresentAsync(database, acknowledged, run);
        var amcheck = await server.AmcheckAsync(name);
        return string.Create(CultureInfo.InvariantCulture,
            $"ok after={how} pg_amcheck=ok ({amcheck}) acknowledged={acknowledged.Count} present={present} missing=0");
    }
}

/// <summary>
/// A fact of the PostgreSQL leg (WP_TEST_PROVIDER=postgres): skipped in the SQLite leg, where it would run the same
/// server-side test a second time.
/// </summary>
public sealed class PostgresLegFactAttribute : FactAttribute
{
    public PostgresLegFactAttribute()
    {
        if (TestDatabase.SuiteProvider != DatabaseProvider.Postgres)
        {
            Skip = "PostgreSQL leg only: run with WP_TEST_PROVIDER=postgres (the test starts its own server)";
        }
    }
}
