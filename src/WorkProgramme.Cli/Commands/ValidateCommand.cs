using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Checks;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Rules;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary><c>wp validate --programme SLUG</c>: prints each violation; exit 1 when an error-level rule fails.</summary>
public static class ValidateCommand
{
    public static Command Create(CliContext cli)
    {
        var programme = new Option<string>("--programme", "-p") { Description = "Programme slug, e.g. ptc-2022-2025.", Required = true };
        var version = new Option<string?>("--version") { Description = "Version label (default: the latest)." };
        var command = new Command("validate", "Check a programme against the template's rules.") { programme, version };
        command.SetAction(async (result, cancellationToken) =>
        {
            var language = cli.LanguageOf(result);
            var slug = result.GetValue(programme)!;
            return await cli.WithServicesAsync(result, async services =>
            {
                var report = await services.GetRequiredService<CheckProgramme.Handler>()
                    .HandleAsync(new CheckProgramme.Query(Viewer.Operator, slug, result.GetValue(version)), cancellationToken);
                if (report is null)
                {
                    await cli.Error.WriteLineAsync(Say(language, $"Programme ou version introuvable : {slug}", $"Programme or version not found: {slug}"));
                    return WpCli.Usage;
                }

                foreach (var finding in report.Findings)
                {
                    var severity = finding.Violation.Severity == Severity.Error
                        ? Say(language, "erreur", "error")
                        : Say(language, "avertissement", "warning");
                    await cli.Output.WriteLineAsync(
                        $"{severity}\t{finding.Reference}\t{finding.Violation.Rule}\t{finding.Violation.Message.For(language).Text}");
                }

                await cli.Output.WriteLineAsync(Say(language,
                    $"{report.Slug} (version {report.VersionLabel}) : {Plural.Count(report.Errors, Language.Fr, "erreur", "erreurs")}, {Plural.Count(report.Warnings, Language.Fr, "avertissement", "avertissements")}.",
                    $"{report.Slug} (version {report.VersionLabel}): {Plural.Count(report.Errors, Language.En, "error", "errors")}, {Plural.Count(report.Warnings, Language.En, "warning", "warnings")}."));
                return report.Errors > 0 ? WpCli.Failed : WpCli.Success;
            });
        });
        return command;
    }
}
