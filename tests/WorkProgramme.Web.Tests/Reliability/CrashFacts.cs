using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;
using Xunit.Abstractions;

namespace WorkProgramme.Web.Tests.Reliability;

/// <summary>
/// The app as a real process (<c>dotnet WorkProgramme.Web.dll</c>) takes single-transaction writes (activity edits
/// with a unique text, through the API) from 16 clients and is killed with SIGKILL at random moments. After each kill
/// the SQLite file passes <c>PRAGMA integrity_check</c> and <c>foreign_key_check</c>, and every write that was answered
/// 200 is in the database (its text in the audit trail, which is written in the same transaction); then the app is
/// started again and the clients go on. In CI: 200 writes, 3 kills. The full run (2,000 writes, 20 kills) is
/// <c>scripts/crash-test.sh</c>, which sets WP_CRASH_WRITES and WP_CRASH_KILLS. PostgreSQL with WP_TEST_PROVIDER=postgres.
/// </summary>
public sealed class CrashFacts(ITestOutputHelper output)
{
    private const int Clients = 16;

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    [Fact]
    public async Task Writes_acknowledged_before_a_kill_9_are_all_there_after_the_restart_and_the_database_is_intact()
    {
        var writes = Setting("WP_CRASH_WRITES", 200);
        var kills = Setting("WP_CRASH_KILLS", 3);
        await using var database = await TestDatabase.CreateAsync(seed: true);
        var secret = await TokenAsync(database);
        var file = await database.RunAsync<ExportProgramme.Handler, ProgrammeFile?>(h =>
            h.HandleAsync(new ExportProgramme.Query(Viewer.Anonymous, SeedFile.PtcSlug, null), CancellationToken.None));
        var activities = file!.Activities.Take(Clients).Select(a => a.Id!.Value).ToList();

        using var app = new AppProcess(database, output);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        var acknowledged = new ConcurrentBag<(Guid Activity, string Marker)>();
        var sent = 0;
        var failedRequests = 0;
        var run = Guid.NewGuid().ToString("N")[..8];
        var random = new Random();
        // Kills are placed on the writes sent (not acknowledged: writes cut off by a kill would push the last kills past the end).
        var thresholds = Enumerable.Range(1, kills)
            .Select(k => (writes * k / (kills + 1)) + random.Next(-writes / (4 * (kills + 1)), (writes / (4 * (kills + 1))) + 1)).ToList();
        var gate = new SemaphoreSlim(1, 1);
        var killsDone = 0;
        var checks = new List<string>();

        async Task ClientAsync(int client)
        {
            var id = activities[client];
            var url = $"/api/programmes/{SeedFile.PtcSlug}/activities/{id}";
            while (true)
            {
                var n = Interlocked.Increment(ref sent);
                if (n > writes)
                {
                    return;
                }

                var marker = $"crash {run} write {n}";
                try
                {
                    await app.Running.WaitAsync(TimeSpan.FromMinutes(5));
                    var get = await http.GetAsync(url);
                    get.EnsureSuccessStatusCode();
                    var activity = (await get.Content.ReadFromJsonAsync<ActivityDto>(ProgrammeJson.Options))!;
                    var request = new HttpRequestMessage(HttpMethod.Put, url)
                    {
                        Content = JsonContent.Create(activity with { Kpi = new TextPair(activity.Kpi?.Fr, marker) }, options: ProgrammeJson.Options),
                    };
                    request.Headers.IfMatch.Add(get.Headers.ETag!);
                    var put = await http.SendAsync(request);
                    if (put.StatusCode == HttpStatusCode.OK)
                    {
                        acknowledged.Add((id, marker));
                    }
                    else
                    {
                        Interlocked.Increment(ref failedRequests);
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException or SocketException)
                {
                    // The app died under this request: its write may or may not have been made, and was not acknowledged.
                    Interlocked.Increment(ref failedRequests);
                }

                if (killsDone < kills && Volatile.Read(ref sent) >= thresholds[killsDone] && await gate.WaitAsync(0))
                {
                    try
                    {
                        if (killsDone < kills && Volatile.Read(ref sent) >= thresholds[killsDone])
                        {
                            app.Kill();
                            killsDone++;
                            var snapshot = acknowledged.ToList();
                            checks.Add(await CheckAsync(database, snapshot, run));
                            await app.StartAsync();
                        }
                    }
                    finally
                    {
                        gate.Release();
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(() => ClientAsync(c))));
        app.Kill();
        checks.Add(await CheckAsync(database, acknowledged.ToList(), run));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"provider={database.Provider} writes={writes} clients={Clients} kills={killsDone} acknowledged={acknowledged.Count} unacknowledged={failedRequests} checks={checks.Count}"));
        foreach (var check in checks)
        {
            output.WriteLine(check);
        }

        Assert.Equal(kills, killsDone);
        Assert.All(checks, c => Assert.StartsWith("ok", c, StringComparison.Ordinal));
    }

    /// <summary>Run while the app is down: integrity of the file, then every acknowledged write present.</summary>
    private static async Task<string> CheckAsync(TestDatabase database, IReadOnlyList<(Guid Activity, string Marker)> acknowledged, string run)
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

        var present = await database.RunAsync<WorkProgrammeDb, HashSet<string>>(async db =>
            (await db.AuditEntries.AsNoTracking().Where(a => a.NewValue != null && a.NewValue.StartsWith("crash " + run))
                .Select(a => a.NewValue!).ToListAsync()).ToHashSet(StringComparer.Ordinal));
        var missing = acknowledged.Where(a => !present.Contains(a.Marker)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged writes missing, e.g. {missing.FirstOrDefault().Marker}");
        return string.Create(CultureInfo.InvariantCulture,
            $"ok integrity_check={integrity} acknowledged={acknowledged.Count} present={present.Count} missing=0");
    }

    private static async Task<string> TokenAsync(TestDatabase database)
    {
        var email = $"crash-{Guid.NewGuid():N}@example.org";
        var added = await database.RunAsync<AddUser.Handler, AddUser.Outcome>(h =>
            h.HandleAsync(new AddUser.Command(email, Roles.Editor, "CTP", "correct horse battery"), CancellationToken.None));
        Assert.True(added.Succeeded);
        return await database.RunAsync<Microsoft.AspNetCore.Identity.UserManager<AppUser>, string>(async users =>
        {
            var user = await users.FindByEmailAsync(email);
            return (await database.RunAsync<ApiTokens.Handler, ApiTokens.Created>(h => h.CreateAsync(new(user!.Id, "crash"), CancellationToken.None))).Secret;
        });
    }

    /// <summary>The published app started with <c>dotnet</c>, as in production, on a free loopback port.</summary>
    private sealed class AppProcess(TestDatabase database, ITestOutputHelper output) : IDisposable
    {
        private Process? process;
        private TaskCompletionSource running = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Uri BaseAddress { get; } = new($"http://127.0.0.1:{FreePort()}");

        /// <summary>Completes while the app answers; replaced by a pending one when it is killed.</summary>
        public Task Running => running.Task;

        public async Task StartAsync()
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "WorkProgramme.Web.dll");
            var start = new ProcessStartInfo("dotnet", [dll])
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Urls"] = BaseAddress.ToString();
            start.Environment["Database__Provider"] = database.Provider.ToString();
            start.Environment["ConnectionStrings__WorkProgramme"] = database.ConnectionString;
            start.Environment["RateLimits__ApiPerMinute"] = "1000000";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    try
                    {
                        output.WriteLine(e.Data);
                    }
                    catch (InvalidOperationException)
                    {
                        // The test has finished; nothing to write to.
                    }
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            for (var attempt = 0; attempt < 600; attempt++)
            {
                try
                {
                    if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
                    {
                        running.TrySetResult();
                        return;
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                }

                Assert.False(process.HasExited, $"the app exited with {(process.HasExited ? process.ExitCode : 0)}");
                await Task.Delay(200);
            }

            Assert.Fail("the app did not become ready");
        }

        /// <summary>SIGKILL (Process.Kill on Linux): no shutdown, no flush, no disposal.</summary>
        public void Kill()
        {
            running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (process is { HasExited: false })
            {
                process.Kill();
                process.WaitForExit();
            }

            process?.Dispose();
            process = null;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public void Dispose() => Kill();
    }
}
