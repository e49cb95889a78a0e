using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;
using Xunit.Abstractions;

namespace WorkProgramme.Web.Tests.Reliability;

/// <summary>What the crash tests share: the app as a process, the write stream with its kills, the check of the writes.</summary>
internal static class CrashHarness
{
    public const int Clients = 16;

    public static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>An editor's API token, and the activities the clients write to (one each).</summary>
    public static async Task<(string Token, IReadOnlyList<Guid> Activities)> PrepareAsync(TestDatabase database)
    {
        var email = $"crash-{Guid.NewGuid():N}@example.org";
        var added = await database.RunAsync<AddUser.Handler, AddUser.Outcome>(h =>
            h.HandleAsync(new AddUser.Command(email, Roles.Editor, "CTP", "correct horse battery"), CancellationToken.None));
        Assert.True(added.Succeeded);
        var token = await database.RunAsync<Microsoft.AspNetCore.Identity.UserManager<AppUser>, string>(async users =>
        {
            var user = await users.FindByEmailAsync(email);
            return (await database.RunAsync<ApiTokens.Handler, ApiTokens.Created>(h => h.CreateAsync(new(user!.Id, "crash"), CancellationToken.None))).Secret;
        });
        var file = await database.RunAsync<ExportProgramme.Handler, ProgrammeFile?>(h =>
            h.HandleAsync(new ExportProgramme.Query(Viewer.Anonymous, SeedFile.PtcSlug, null), CancellationToken.None));
        return (token, file!.Activities.Take(Clients).Select(a => a.Id!.Value).ToList());
    }

    /// <summary>
    /// 16 clients send <paramref name="writes"/> single-transaction writes in all (an activity edit with a unique text,
    /// through the API; each client on its own activity, so every write should succeed). The k-th crash happens once the
    /// number of writes sent reaches k/(K+1) of N, moved by a random amount (±1/4 of a step), so crashes fall at random
    /// moments inside the stream. <paramref name="crash"/> kills, checks (it is given the writes acknowledged so far: call
    /// it after the kill) and restarts; clients wait for <paramref name="available"/> before each write.
    /// </summary>
    public static async Task<StreamOutcome> RunAsync(
        Uri baseAddress, string token, IReadOnlyList<Guid> activities, string run, int writes, int kills,
        Func<Task> available, Func<int, Func<IReadOnlyList<Write>>, Task<string>> crash)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var acknowledged = new ConcurrentBag<Write>();
        var sent = 0;
        var failedRequests = 0;
        var random = new Random();
        // Crashes are placed on the writes sent (not acknowledged: writes cut off by a crash would push the last ones past the end).
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
                    await available().WaitAsync(TimeSpan.FromMinutes(5));
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
                        acknowledged.Add(new Write(id, marker));
                    }
                    else
                    {
                        Interlocked.Increment(ref failedRequests);
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException or SocketException)
                {
                    // The app or the database died under this request: its write may or may not have been made, and was not acknowledged.
                    Interlocked.Increment(ref failedRequests);
                }

                if (killsDone < kills && Volatile.Read(ref sent) >= thresholds[killsDone] && await gate.WaitAsync(0))
                {
                    try
                    {
                        if (killsDone < kills && Volatile.Read(ref sent) >= thresholds[killsDone])
                        {
                            killsDone++;
                            checks.Add(await crash(killsDone, () => acknowledged.ToList()));
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
        return new StreamOutcome(acknowledged.ToList(), failedRequests, killsDone, checks);
    }

    /// <summary>Every acknowledged write's text is in the audit trail (written in the same transaction as the edit).</summary>
    public static async Task<(int Present, int Missing)> PresentAsync(TestDatabase database, IReadOnlyList<Write> acknowledged, string run)
    {
        var present = await database.RunAsync<WorkProgrammeDb, HashSet<string>>(async db =>
            (await db.AuditEntries.AsNoTracking().Where(a => a.NewValue != null && a.NewValue.StartsWith("crash " + run))
                .Select(a => a.NewValue!).ToListAsync()).ToHashSet(StringComparer.Ordinal));
        var missing = acknowledged.Where(a => !present.Contains(a.Marker)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged writes missing, e.g. {missing.FirstOrDefault()?.Marker}");
        return (present.Count, missing.Count);
    }
}

internal sealed record Write(Guid Activity, string Marker);

internal sealed record StreamOutcome(IReadOnlyList<Write> Acknowledged, int Unacknowledged, int Kills, IReadOnlyList<string> Checks);

/// <summary>The published app started with <c>dotnet</c>, as in production, on a free loopback port.</summary>
internal sealed class AppProcess(TestDatabase database, ITestOutputHelper output) : IDisposable
{
    private Process? process;
    private TaskCompletionSource running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Outside the ephemeral range, so that the clients' own connections cannot take it between kills.</summary>
    public Uri BaseAddress { get; private set; } = new($"http://127.0.0.1:{LoopbackPort.Unused()}");

    /// <summary>Completes while the app answers; replaced by a pending one when it is killed.</summary>
    public Task Running => running.Task;

    /// <summary>How many times the app was started.</summary>
    public int Starts { get; private set; }

    /// <summary>Whether the app started last is still running.</summary>
    public bool Alive => process is { HasExited: false };

    public async Task StartAsync()
    {
        // Another server may take the port between its choice and the app's bind: the first start then moves to another.
        for (var attempt = 1; ; attempt++)
        {
            Launch();
            try
            {
                await WaitReadyAsync();
                return;
            }
            catch (PortTakenException) when (attempt < 5 && Starts == 1)
            {
                Kill();
                Starts = 0;
                BaseAddress = new Uri($"http://127.0.0.1:{LoopbackPort.Unused()}");
            }
        }
    }

    /// <summary>Starts the process without waiting for it to answer (a start that is to be killed part-way).</summary>
    public void Launch()
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
        Starts++;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                errors.Enqueue(e.Data);
            }
        };
        errors.Clear();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                errors.Enqueue(e.Data);
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
    }

    /// <summary>Returns once the app answers /health/ready; fails if it exits first.</summary>
    public async Task WaitReadyAsync()
    {
        var process = this.process!;
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

            if (process.HasExited)
            {
                process.WaitForExit();
                var output = string.Join('\n', errors);
                if (LoopbackPort.IsAddressInUse(output))
                {
                    throw new PortTakenException(output);
                }

                Assert.Fail($"the app exited with {process.ExitCode}: {output}");
            }

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

    public void Dispose() => Kill();

    private readonly ConcurrentQueue<string> errors = new();

    private sealed class PortTakenException(string output) : Exception(output);
}
