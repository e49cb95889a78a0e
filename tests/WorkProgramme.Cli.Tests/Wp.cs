using WorkProgramme.Testing;

namespace WorkProgramme.Cli.Tests;

/// <summary>Runs a wp command line against a test database, capturing what it prints.</summary>
internal static class Wp
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await WpCli.RunAsync(args, output, error, database.Settings);
        return (exit, output.ToString(), error.ToString());
    }
}
