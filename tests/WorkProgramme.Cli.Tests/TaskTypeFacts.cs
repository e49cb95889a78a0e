using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

/// <summary><c>wp task-type add|list</c>: the same handlers as /admin/task-types (docs/decisions/0052).</summary>
public sealed class TaskTypeFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(seed: false);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => Wp.RunAsync(database, [.. args, "--lang", "en"]);

    [Fact]
    public async Task A_type_is_added_after_the_migrations_four_and_listed_in_order_and_a_taken_code_says_why_and_fails()
    {
        var added = await RunAsync("task-type", "add", "--code", "upgrade", "--name-fr", "Mise à niveau", "--name-en", "Upgrade");
        var taken = await RunAsync("task-type", "add", "--code", "development", "--name-fr", "Autre", "--name-en", "Other");
        var list = await RunAsync("task-type", "list");

        Assert.Equal((0, "upgrade"), (added.Exit, added.Output.Trim()));
        Assert.Equal((1, "The code 'development' is already a task type's."), (taken.Exit, taken.Error.Trim()));
        var lines = list.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        Assert.Equal(["fine-tuning\tMise au point\tFine-tuning", "updating\tMise à jour\tUpdating", "development\tDéveloppement\tDevelopment",
            "maintenance\tSuivi\tMaintenance", "upgrade\tMise à niveau\tUpgrade"], lines.Select(l => l[..l.LastIndexOf('\t')]));
        Assert.EndsWith("\t0", lines[^1], StringComparison.Ordinal);
    }
}
