using Npgsql;
using WorkProgramme.Application.Data;

namespace WorkProgramme.Testing;

/// <summary>
/// Test databases on a PostgreSQL server (scripts/test.sh starts a private one). Migrating and seeding take
/// seconds, so they are done once per test run into two template databases; each test then gets a copy
/// (<c>CREATE DATABASE ... TEMPLATE</c>), which is a file copy on the server.
/// </summary>
internal static class PostgresTestServer
{
    public const string ProviderVariable = "WP_TEST_PROVIDER";
    public const string ServerVariable = "WP_TEST_POSTGRES";

    private static readonly string RunId = $"{Environment.ProcessId}_{Guid.NewGuid():N}"[..20];
    private static readonly Lazy<Task<string>> MigratedTemplate = new(() => CreateTemplateAsync("migrated", seed: false));
    private static readonly Lazy<Task<string>> SeededTemplate = new(() => CreateTemplateAsync("seeded", seed: true));

    public static bool Enabled =>
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The maintenance connection (database <c>postgres</c>) of the server the tests use.</summary>
    private static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"A PostgreSQL test database needs {ServerVariable}, a connection string to the server's postgres database "
            + "(scripts/test.sh starts a private server and sets it for every suite).");

    public static async Task<string> CreateDatabaseAsync(bool seed)
    {
        var template = await (seed ? SeededTemplate : MigratedTemplate).Value;
        var name = $"wp_test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return ConnectionTo(name);
    }

    /// <summary>An empty database on another server than the suite's (no template there): the caller migrates it.</summary>
    public static async Task<string> CreateDatabaseOnAsync(string server)
    {
        var name = $"wp_test_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\" TEMPLATE template0");
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = $"wp_test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE template0");
        return ConnectionTo(name);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        // The server the database is on, which need not be the suite's.
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString,
            $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task<string> CreateTemplateAsync(string kind, bool seed)
    {
        await DropTemplatesOfEndedRunsAsync();
        var name = $"wp_template_{kind}_{RunId}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
        var connectionString = ConnectionTo(name);
        await using (var services = TestDatabase.ServicesOver(TestDatabase.SettingsFor(DatabaseProvider.Postgres, connectionString)))
        {
            await TestDatabase.Prepare(services, seed);
        }

        // A template must have no open connection while it is copied.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        return name;
    }

    /// <summary>A test host that was killed leaves its templates behind; its process id tells whether it still runs.</summary>
    private static async Task DropTemplatesOfEndedRunsAsync()
    {
        var stale = new List<string>();
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'wp\\_template\\_%'", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                var parts = name.Split('_');
                if (parts.Length >= 4 && int.TryParse(parts[3], out var processId) && !IsRunning(processId))
                {
                    stale.Add(name);
                }
            }
        }

        foreach (var name in stale)
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string ConnectionTo(string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;

    private static Task ExecuteAsync(string sql) => ExecuteAsync(Server, sql);

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
