using Microsoft.Data.Sqlite;
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
