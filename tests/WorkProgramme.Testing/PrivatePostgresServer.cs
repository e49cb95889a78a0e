using System.Diagnostics;

namespace WorkProgramme.Testing;

/// <summary>
/// A PostgreSQL server of the test's own, that the test may kill: run by <c>scripts/postgres-server.sh</c>, the script
/// <c>scripts/test.sh</c> starts its server with (Debian's postgresql package; initdb in a folder under /tmp, a free port on
/// 127.0.0.1, run as the postgres user when the tests run as root). Durable: fsync, synchronous_commit and
/// full_page_writes on, as in production, and data checksums.
/// </summary>
public sealed class PrivatePostgresServer : IAsyncDisposable
{
    private readonly string folder;

    private PrivatePostgresServer(string folder, string connectionString)
    {
        this.folder = folder;
        ConnectionString = connectionString;
    }

    /// <summary>The connection string of the server's <c>postgres</c> database.</summary>
    public string ConnectionString { get; private set; }

    /// <summary>The server's log (recovery messages after a crash).</summary>
    public string LogFile => Path.Combine(folder, "server.log");

    public static async Task<PrivatePostgresServer> StartAsync(bool durable)
    {
        // Under /tmp, not $TMPDIR: the postgres user must reach the folder, and the socket path must stay short.
        var folder = Path.Combine("/tmp", $"wp-postgres-{Guid.NewGuid():N}");
        var connectionString = (await ScriptAsync("start", folder, durable ? "durable" : "fast")).Trim();
        return new PrivatePostgresServer(folder, connectionString);
    }

    /// <summary>
    /// Starts the server again after a crash or a stop, same settings and, unless another server took it meanwhile, the
    /// same port; returns once recovery is done.
    /// </summary>
    public async Task StartAgainAsync() => ConnectionString = (await ScriptAsync("start", folder)).Trim();

    /// <summary>SIGKILL to the postmaster and all its processes at once; returns once they are gone.</summary>
    public Task CrashAsync() => ScriptAsync("crash", folder);

    /// <summary><c>pg_ctl stop -m immediate</c>: every process quits at once, no checkpoint.</summary>
    public Task StopImmediatelyAsync() => ScriptAsync("stop", folder);

    /// <summary>
    /// <c>pg_amcheck</c> of the database (every table, index and TOAST table, heapallindexed, parent-check); throws with its
    /// output when it finds corruption, otherwise returns its last progress line ("N/N relations (100%), N/N pages (100%)").
    /// </summary>
    public async Task<string> AmcheckAsync(string database) =>
        (await ScriptAsync("amcheck", folder, database)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];

    public async ValueTask DisposeAsync() => await ScriptAsync("remove", folder);

    private static async Task<string> ScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "scripts", "postgres-server.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var errors = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"postgres-server.sh {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}{await errors}");
        }

        return output;
    }
}
