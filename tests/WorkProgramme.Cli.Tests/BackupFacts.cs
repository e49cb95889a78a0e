using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

/// <summary><c>wp backup</c> / <c>wp restore</c> on the provider the suite runs on (SQLite, or PostgreSQL with WP_TEST_PROVIDER).</summary>
public sealed class BackupFacts : IAsyncLifetime
{
    private TestDatabase source = null!;
    private TestDatabase target = null!;

    public async Task InitializeAsync()
    {
        source = await TestDatabase.CreateAsync();
        target = await TestDatabase.CreateEmptyAsync();
    }

    public async Task DisposeAsync()
    {
        await source.DisposeAsync();
        await target.DisposeAsync();
    }

    [Fact]
    public async Task A_backup_restored_into_an_empty_database_holds_the_same_rows_and_exports_the_same_programme()
    {
        await source.RunAsync<AddUser.Handler, AddUser.Outcome>(h =>
            h.HandleAsync(new AddUser.Command("officer@example.org", Roles.Editor, "CTP", "correct horse battery"), CancellationToken.None));
        var file = Path.Combine(source.Folder, "workprogramme.backup");

        var backup = await Wp.RunAsync(source, "backup", "--out", file, "--lang", "en");
        var restore = await Wp.RunAsync(target, "restore", file, "--lang", "en");

        Assert.Equal(0, backup.Exit);
        Assert.Equal(0, restore.Exit);
        Assert.Contains("Database restored", restore.Output, StringComparison.Ordinal);
        Assert.Equal(await source.ContentHashAsync(), await target.ContentHashAsync());
        var exported = await Wp.RunAsync(source, "export", "--programme", SeedFile.PtcSlug);
        var reexported = await Wp.RunAsync(target, "export", "--programme", SeedFile.PtcSlug);
        Assert.Equal(exported.Output, reexported.Output);
    }

    [Fact]
    public async Task A_restore_into_a_database_that_holds_data_is_refused_and_changes_nothing()
    {
        var file = Path.Combine(source.Folder, "workprogramme.backup");
        Assert.Equal(0, (await Wp.RunAsync(source, "backup", "--out", file)).Exit);
        var before = await source.ContentHashAsync();

        var (exit, _, error) = await Wp.RunAsync(source, "restore", file, "--lang", "fr");

        Assert.Equal(1, exit);
        Assert.Contains("n’est pas vide", error, StringComparison.Ordinal);
        Assert.Equal(before, await source.ContentHashAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_a_backup_is_refused()
    {
        var file = Path.Combine(target.Folder, "notes.txt");
        await File.WriteAllTextAsync(file, "not a database");

        var (exit, _, error) = await Wp.RunAsync(target, "restore", file, "--lang", "en");

        Assert.Equal(1, exit);
        Assert.Contains("is not a", error, StringComparison.Ordinal);
    }
}
