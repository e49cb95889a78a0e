using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WorkProgramme.Application;
using WorkProgramme.Application.Data;
using WorkProgramme.Cli.Commands;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Cli;

/// <summary>Exit codes: 0 success; 1 the data failed (error-level rules, rejected import); 2 bad arguments or missing data.</summary>
public static class WpCli
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IDictionary<string, string?>? settings = null)
    {
        var language = new Option<string?>("--lang")
        {
            Description = "Language of messages: fr or en (default: the system's, French unless English).",
            Recursive = true,
        };
        var root = new RootCommand("wp — WorkProgramme: work programmes and status reports of a committee.")
        {
            language,
        };
        var context = new CliContext(output, error, initialize => Start(settings, initialize), result => Pick(result.GetValue(language)));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(UserCommand.Create(context));
        root.Subcommands.Add(TokenCommand.Create(context));
        root.Subcommands.Add(MailCommand.Create(context));
        root.Subcommands.Add(RemindersCommand.Create(context));
        root.Subcommands.Add(SessionCommand.Create(context));
        root.Subcommands.Add(BodyCommand.Create(context));
        root.Subcommands.Add(TaskTypeCommand.Create(context));
        root.Subcommands.Add(RoundCommand.Create(context));
        root.Subcommands.Add(BackupCommand.Create(context));
        root.Subcommands.Add(BackupCommand.CreateRestore(context));
        root.Subcommands.Add(TableImportCommand.Create(context, Documents.Packages.OfficeKind.Spreadsheet));
        root.Subcommands.Add(TableImportCommand.Create(context, Documents.Packages.OfficeKind.WordDocument));
        root.Subcommands.Add(TemplateCommand.Create(context));
        root.Subcommands.Add(VersionsCommand.Create(context));
        root.Subcommands.Add(VersionsCommand.CreateCompare(context));
        root.Subcommands.Add(RedlineCommand.Create(context));
        root.Subcommands.Add(GenerateCommand.Create(context));
        root.Subcommands.Add(ProgrammeCommand.Create(context));
        root.Subcommands.Add(PlanCommand.Create(context));
        root.Subcommands.Add(SearchCommand.Create(context));
        root.Subcommands.Add(TranslationCommand.Create(context));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(problem.Message);
            }

            await error.WriteLineAsync("wp --help");
            return Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static Language Pick(string? requested) =>
        Languages.TryParse(requested, out var language) ? language : Languages.FromCulture(CultureInfo.CurrentUICulture);

    /// <summary>Builds the same services as the web app, brings the database up to date, and seeds it if empty.</summary>
    private static async Task<IHost> Start(IDictionary<string, string?>? settings, bool initialize)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = false,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        // Standard output carries exports; logs go to standard error, warnings and worse only.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        builder.Services.AddApplication();
        var host = builder.Build();
        if (initialize)
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }

        return host;
    }
}

/// <summary>What every verb needs: where to write, how to reach the application, which language to speak.</summary>
public sealed class CliContext(TextWriter output, TextWriter error, Func<bool, Task<IHost>> start, Func<ParseResult, Language> language)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public Language LanguageOf(ParseResult result) => language(result);

    /// <summary>
    /// Runs <paramref name="work"/> with a fresh scope of the application's services; a domain refusal exits 1. The
    /// database is migrated and seeded first unless <paramref name="initialize"/> is false (a restore needs it empty).
    /// </summary>
    public async Task<int> WithServicesAsync(ParseResult result, Func<IServiceProvider, Task<int>> work, bool initialize = true)
    {
        using var host = await start(initialize);
        await using var scope = host.Services.CreateAsyncScope();
        try
        {
            return await work(scope.ServiceProvider);
        }
        catch (DomainException refused)
        {
            // A rule of the domain said no: that is the user's answer, not a crash.
            await Error.WriteLineAsync(refused.MessageFor(LanguageOf(result)));
            return WpCli.Failed;
        }
    }

    /// <summary>Whether <paramref name="file"/> exists; when not, says so in the user's language.</summary>
    public async Task<bool> FileExistsAsync(ParseResult result, FileInfo file)
    {
        if (file.Exists)
        {
            return true;
        }

        await Error.WriteLineAsync(Say(LanguageOf(result), $"Fichier introuvable : {file.FullName}", $"File not found: {file.FullName}"));
        return false;
    }

    public static string Say(Language language, string fr, string en) => language == Language.Fr ? fr : en;
}
