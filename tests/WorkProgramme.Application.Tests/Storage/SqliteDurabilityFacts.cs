using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Storage;

public sealed class SqliteDurabilityFacts
{
    [Fact]
    public async Task A_database_file_in_rollback_journal_mode_opens_and_is_switched_to_wal()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Assert.Equal("delete", await PragmaAsync(database, "PRAGMA journal_mode=DELETE;"));

        // The app's start: EF first asks whether the file exists, on a read-only connection, then migrates and seeds.
        await database.RunAsync<DatabaseInitializer>(initializer => initializer.InitializeAsync(CancellationToken.None));
        var programmes = await database.RunAsync<ListProgrammes.Handler, IReadOnlyList<ListProgrammes.ProgrammeSummary>>(handler =>
            handler.HandleAsync(new ListProgrammes.Query(Viewer.Anonymous), CancellationToken.None));

        Assert.Contains(programmes, p => p.Slug == SeedFile.PtcSlug);
        Assert.Equal("wal", await PragmaAsync(database, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Every_connection_the_app_opens_runs_in_wal_with_synchronous_full()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (journalMode, synchronous) = await database.RunAsync<WorkProgrammeDb, (string, long)>(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode; PRAGMA synchronous;";
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var mode = reader.GetString(0);
            await reader.NextResultAsync();
            await reader.ReadAsync();
            return (mode, reader.GetInt64(0));
        });

        Assert.Equal(("wal", 2L), (journalMode, synchronous));
    }

    [Fact]
    public async Task A_database_sqlite_cannot_run_in_wal_is_refused_rather_than_written_without_durability()
    {
        // An in-memory database answers journal_mode=memory whatever is asked: nothing written there survives a crash.
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:WorkProgramme"] = "Data Source=:memory:",
            }).Build())
            .AddApplication()
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkProgrammeDb>();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Database.OpenConnectionAsync());

        Assert.Contains("journal_mode=memory", refused.Message, StringComparison.Ordinal);
        Assert.Contains("not WAL and FULL", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<string> PragmaAsync(TestDatabase database, string pragma)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        var mode = (string)(await command.ExecuteScalarAsync())!;
        SqliteConnection.ClearPool(connection);
        return mode;
    }
}
