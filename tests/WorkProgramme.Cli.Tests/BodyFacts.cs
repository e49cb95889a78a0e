using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

/// <summary><c>wp body add|list</c>: the same handler as /admin/bodies/new (docs/decisions/0050).</summary>
public sealed class BodyFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(seed: false);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => Wp.RunAsync(database, [.. args, "--lang", "en"]);

    [Fact]
    public async Task A_body_is_added_and_listed_from_the_command_line()
    {
        var added = await RunAsync("body", "add", "--code", "GT-ESSAIS", "--name-fr", "Groupe de travail sur les essais", "--name-en", "Working Group on Trials",
            "--abbreviation-en", "WGT", "--kind", "working-group");
        var list = await RunAsync("body", "list");

        Assert.Equal((0, "GT-ESSAIS"), (added.Exit, added.Output.Trim()));
        Assert.Contains("GT-ESSAIS\t-\tWGT\tGroupe de travail sur les essais\tWorking Group on Trials\t0\t0",
            list.Output.Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public async Task A_code_already_taken_or_of_the_wrong_shape_says_why_and_fails()
    {
        var taken = await RunAsync("body", "add", "--code", "ctp", "--name-en", "Another");
        var shape = await RunAsync("body", "add", "--code", "GT;X", "--name-en", "Another");

        Assert.Equal((1, "A body already has the code 'CTP': choose another, or rename that one."), (taken.Exit, taken.Error.Trim()));
        Assert.Equal(1, shape.Exit);
        Assert.StartsWith("The body's code: letters and digits", shape.Error.Trim(), StringComparison.Ordinal);
    }
}
