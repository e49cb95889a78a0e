using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application;
using WorkProgramme.Application.Data;

namespace WorkProgramme.Testing;

/// <summary>
/// A real SQLite database in its own temporary file, with the application's services over it. Tests never share
/// a file, so they can run in parallel and a failed test leaves no state behind for the next.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private TestDatabase(string folder)
    {
        Folder = folder;
        FilePath = Path.Combine(folder, "workprogramme.db");
        ConnectionString = $"Data Source={FilePath}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddApplication()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public string Folder { get; }

    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>Configuration that points the web app or the CLI at this database.</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:WorkProgramme"] = ConnectionString,
    };

    /// <summary>A migrated database; with <paramref name="seed"/>, holding the shipped programmes as on first start.</summary>
    public static async Task<TestDatabase> CreateAsync(bool seed = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), "wp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new TestDatabase(folder);
        if (seed)
        {
            await database.RunAsync<DatabaseInitializer>(initializer => initializer.InitializeAsync(CancellationToken.None));
        }
        else
        {
            await database.RunAsync<WorkProgrammeDb>(db => Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(db.Database));
        }

        return database;
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
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
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
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    builder.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                builder.Append('\n');
            }
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(builder.ToString())));
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
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
