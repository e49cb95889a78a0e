using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WorkProgramme.Application;
using WorkProgramme.Application.Data;

namespace WorkProgramme.Testing;

/// <summary>
/// A real database of its own, with the application's services over it: a temporary SQLite file, or, when
/// <c>WP_TEST_PROVIDER=postgres</c>, a fresh database on the PostgreSQL server named by <c>WP_TEST_POSTGRES</c>.
/// Tests never share a database, so they can run in parallel and a failed test leaves no state behind for the next.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private TestDatabase(string folder, DatabaseProvider provider, string connectionString)
    {
        Folder = folder;
        Provider = provider;
        ConnectionString = connectionString;
        services = ServicesOver(Settings);
    }

    /// <summary>A temporary folder of this test's own, for files it writes (the SQLite database lives here too).</summary>
    public string Folder { get; }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Configuration that points the web app or the CLI at this database.</summary>
    public IDictionary<string, string?> Settings => SettingsFor(Provider, ConnectionString);

    /// <summary>The provider the suite runs on: PostgreSQL with <c>WP_TEST_PROVIDER=postgres</c>, otherwise SQLite.</summary>
    public static DatabaseProvider SuiteProvider => PostgresTestServer.Enabled ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>The provider the suite does not run on, for moves between providers (PostgreSQL needs <c>WP_TEST_POSTGRES</c>).</summary>
    public static DatabaseProvider OtherProvider => SuiteProvider == DatabaseProvider.Sqlite ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>A migrated database; with <paramref name="seed"/>, holding the shipped programmes as on first start.</summary>
    public static Task<TestDatabase> CreateAsync(bool seed = true) => CreateAsync(SuiteProvider, seed);

    /// <summary>A migrated database of the given provider; with <paramref name="seed"/>, holding the shipped programmes.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool seed = true)
    {
        var folder = NewFolder();
        if (provider == DatabaseProvider.Postgres)
        {
            var connectionString = await PostgresTestServer.CreateDatabaseAsync(seed);
            return new TestDatabase(folder, DatabaseProvider.Postgres, connectionString);
        }

        var database = new TestDatabase(folder, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "workprogramme.db")}");
        await Prepare(database.services, seed);
        return database;
    }

    /// <summary>
    /// A migrated database on the PostgreSQL server <paramref name="server"/> (a maintenance connection string), not the
    /// suite's: for a test that runs a server of its own (<see cref="PrivatePostgresServer"/>).
    /// </summary>
    public static async Task<TestDatabase> CreateOnPostgresServerAsync(string server, bool seed = true)
    {
        var database = new TestDatabase(NewFolder(), DatabaseProvider.Postgres, await PostgresTestServer.CreateDatabaseOnAsync(server));
        await Prepare(database.services, seed);
        return database;
    }

    /// <summary>A database with nothing in it, not even the schema (a target for <c>wp restore</c>).</summary>
    public static Task<TestDatabase> CreateEmptyAsync() => CreateEmptyAsync(SuiteProvider);

    /// <summary>An empty database of the given provider (PostgreSQL needs <c>WP_TEST_POSTGRES</c>).</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider)
    {
        var folder = NewFolder();
        return provider == DatabaseProvider.Postgres
            ? new TestDatabase(folder, DatabaseProvider.Postgres, await PostgresTestServer.CreateEmptyDatabaseAsync())
            : new TestDatabase(folder, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "workprogramme.db")}");
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    internal static IDictionary<string, string?> SettingsFor(DatabaseProvider provider, string connectionString) => new Dictionary<string, string?>
    {
        ["Database:Provider"] = provider.ToString(),
        ["ConnectionStrings:WorkProgramme"] = connectionString,
    };

    internal static ServiceProvider ServicesOver(IDictionary<string, string?> settings) => new ServiceCollection()
        .AddLogging()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
        .AddApplication()
        .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

    internal static async Task Prepare(IServiceProvider services, bool seed)
    {
        await using var scope = services.CreateAsyncScope();
        if (seed)
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }
        else
        {
            await scope.ServiceProvider.GetRequiredService<WorkProgrammeDb>().Database.MigrateAsync();
        }
    }

    /// <summary>
    /// The application's services over this database with more settings (a mail server) and, when given, a clock of the
    /// test's (<c>FakeTimeProvider</c>): for handlers whose answer depends on configuration or time.
    /// </summary>
    public TestServices With(IDictionary<string, string?> settings, TimeProvider? clock = null)
    {
        var all = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var collection = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(all).Build());
        if (clock is not null)
        {
            collection.AddSingleton(clock);
        }

        return new TestServices(collection.AddApplication().BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
    }

    /// <summary>Resolves <typeparamref name="T"/> in a fresh scope (a fresh DbContext), as one request would.</summary>
    public async Task<TResult> RunAsync<T, TResult>(Func<T, Task<TResult>> work)
        where T : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<T>());
    }

    public async Task RunAsync<T>(Func<T, Task> work)
        where T : notnull
    {
        await using var scope = services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<T>());
    }

    /// <summary>A hash of every row of every table: equal before and after means nothing was written.</summary>
    public async Task<string> ContentHashAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkProgrammeDb>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = Provider == DatabaseProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var builder = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using var reader = await select.ExecuteReaderAsync();
            builder.Append('#').Append(table).Append('\n');
            while (await reader.ReadAsync())
            {
                AppendRow(builder, reader);
            }
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(builder.ToString())));
    }

    private static void AppendRow(System.Text.StringBuilder builder, DbDataReader reader)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            builder.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
        }

        builder.Append('\n');
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        if (Provider == DatabaseProvider.Postgres)
        {
            await PostgresTestServer.DropDatabaseAsync(ConnectionString);
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finished test host is removed with the temp folder later; not worth failing for.
        }
    }
}

/// <summary>Services of <see cref="TestDatabase.With"/>: each run in a fresh scope, as one request would.</summary>
public sealed class TestServices(ServiceProvider services) : IAsyncDisposable
{
    public async Task<TResult> RunAsync<T, TResult>(Func<T, Task<TResult>> work)
        where T : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<T>());
    }

    public async Task RunAsync<T>(Func<T, Task> work)
        where T : notnull
    {
        await using var scope = services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<T>());
    }

    /// <summary>A singleton of these services (a queue, a cache, a counter), shared by every run.</summary>
    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
