using System.Diagnostics;
using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

/// <summary>
/// <c>wp</c> is a command: <c>scripts/install-wp.sh</c> packs the CLI as a .NET tool from the repository and installs it
/// into a tool path of the test's own; the installed <c>wp</c> answers <c>--version</c> and a verb on a real database.
/// </summary>
public sealed class InstalledToolFacts : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    private readonly string tools = Path.Combine(Path.GetTempPath(), "wp-tool-" + Guid.NewGuid().ToString("N"));
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        if (Directory.Exists(tools))
        {
            Directory.Delete(tools, recursive: true);
        }
    }

    [Fact]
    public async Task The_tool_installed_from_the_repository_answers_as_wp()
    {
        var installed = await RunAsync("bash", [Path.Combine(Repository.Root, "scripts", "install-wp.sh"), "--tool-path", tools]);
        Assert.True(installed.Exit == 0, installed.Error);

        var wp = Path.Combine(tools, "wp");
        var version = await RunAsync(wp, ["--version"]);
        var versions = await RunAsync(wp, ["versions", "--programme", SeedFile.PtcSlug, "--lang", "en"]);

        Assert.Equal(0, version.Exit);
        Assert.Matches("^1\\.0\\.0", version.Output.Trim());
        Assert.True(versions.Exit == 0, versions.Error);
        Assert.StartsWith("2023-10\tapproved", versions.Output, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Database__Provider"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__WorkProgramme"] = database.ConnectionString;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
