using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Features.Backup;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.OfficeTables;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using static WorkProgramme.Cli.CliContext;

namespace WorkProgramme.Cli.Commands;

/// <summary>
/// <c>wp export --programme SLUG --format json|docx|pdf|xlsx [--version LABEL] [--session KEY] [--slippage] [--lang fr|en] [--out FILE]</c>,
/// and <c>wp export --all --format json --out FILE</c>: the whole database as a portable archive (<see cref="DatabaseArchive"/>).
/// </summary>
public static class ExportCommand
{
    /// <summary>What one export needs; the document language is the one <c>--lang</c> chose for messages.</summary>
    private sealed record Request(IServiceProvider Services, string Slug, string? Version, string? Session, bool Slippage, Language Language);

    /// <summary>A written file: how many activities it holds; or, when nothing was written, why (null: not found).</summary>
    private sealed record Written(byte[]? Content, int Activities, BilingualText? Problem = null);

    /// <summary>
    /// One line per format: its name, whether it can go to standard output, whether it is the annex (which alone takes
    /// --session and --slippage), and how it is written.
    /// </summary>
    private sealed record Format(string Name, bool Binary, bool Annex, Func<Request, CancellationToken, Task<Written?>> WriteAsync);

    private static readonly Format[] Formats =
    [
        new("json", Binary: false, Annex: false, JsonAsync),
        new("docx", Binary: true, Annex: true, DocxAsync),
        new("pdf", Binary: true, Annex: true, PdfAsync),
        new("xlsx", Binary: true, Annex: false, XlsxAsync),
    ];

    public static Command Create(CliContext cli)
    {
        var programme = new Option<string?>("--programme", "-p") { Description = "Programme slug, e.g. ptc-2022-2025." };
        var all = new Option<bool>("--all")
        {
            Description = "Everything in the database (every programme, version, report, user, the audit trail...) as one archive: a zip of JSON documents, for wp import --all.",
        };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong(Formats.Select(f => f.Name).ToArray());
        var version = new Option<string?>("--version") { Description = "Version label (default: the latest)." };
        var session = new Option<string?>("--session")
        {
            Description = "docx/pdf: the session whose status report fills the status column (default: the latest published).",
        };
        var slippage = new Option<bool>("--slippage")
        {
            Description = "docx/pdf: add the deadline slippage table after the programme (the dashboard's ranked activities whose deadline moved).",
        };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "File to write (default: standard output, json only)." };
        var command = new Command("export",
            "Write a programme version as a programme file (JSON), or as the official annex in Word or PDF (with --slippage, followed by the deadline slippage table), or as an Excel workbook, in the --lang language.")
        {
            programme, all, format, version, session, slippage, output,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var language = cli.LanguageOf(result);
            var slug = result.GetValue(programme);
            var chosen = Formats.Single(f => f.Name == result.GetValue(format));
            var target = result.GetValue(output);
            if (result.GetValue(all))
            {
                return await AllAsync(cli, result, language,
                    slug is null && result.GetValue(version) is null && result.GetValue(session) is null && !result.GetValue(slippage),
                    chosen, target, cancellationToken);
            }

            if (slug is null)
            {
                await cli.Error.WriteLineAsync(Say(language,
                    "Dites quoi exporter : --programme SLUG, ou --all pour toute la base.",
                    "Say what to export: --programme SLUG, or --all for the whole database."));
                return WpCli.Usage;
            }
            if (result.GetValue(slippage) && !chosen.Annex)
            {
                await cli.Error.WriteLineAsync(Say(language,
                    "--slippage ajoute un tableau à l’annexe : seulement avec --format docx ou pdf.",
                    "--slippage adds a table to the annex: only with --format docx or pdf."));
                return WpCli.Usage;
            }

            if (target is null && chosen.Binary)
            {
                await cli.Error.WriteLineAsync(Say(language,
                    $"Le format {chosen.Name} s’écrit dans un fichier : ajoutez --out FICHIER.",
                    $"The {chosen.Name} format is written to a file: add --out FILE."));
                return WpCli.Usage;
            }

            return await cli.WithServicesAsync(result, async services =>
            {
                var written = await chosen.WriteAsync(
                    new Request(services, slug!, result.GetValue(version), result.GetValue(session), result.GetValue(slippage), language),
                    cancellationToken);
                if (written is null)
                {
                    await cli.Error.WriteLineAsync(Say(language,
                        $"Programme, version ou session introuvable : {slug}", $"Programme, version or session not found: {slug}"));
                    return WpCli.Usage;
                }

                if (written.Content is null)
                {
                    await cli.Error.WriteLineAsync(written.Problem!.For(language).Text);
                    return WpCli.Failed;
                }

                if (target is null)
                {
                    await cli.Output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(written.Content));
                    return WpCli.Success;
                }

                await FileOutput.WriteAsync(target, written.Content, cancellationToken);
                await cli.Output.WriteLineAsync(Say(language,
                    $"{written.Activities} activités exportées dans {target.FullName}",
                    $"{written.Activities} activities exported to {target.FullName}"));
                return WpCli.Success;
            });
        });
        return command;
    }

    /// <summary>The whole database as an archive: JSON documents in a zip, so only to a file.</summary>
    private static async Task<int> AllAsync(CliContext cli, ParseResult result, Language language, bool alone, Format chosen, FileInfo? target,
        CancellationToken cancellationToken)
    {
        if (!alone || chosen.Name != "json" || target is null)
        {
            await cli.Error.WriteLineAsync(Say(language,
                "--all exporte toute la base : seulement --format json et --out FICHIER (sans --programme, --version, --session ni --slippage).",
                "--all exports the whole database: only with --format json and --out FILE (no --programme, --version, --session or --slippage)."));
            return WpCli.Usage;
        }

        return await cli.WithServicesAsync(result, async services =>
        {
            await using var buffer = new MemoryStream();
            var summary = await services.GetRequiredService<DatabaseArchive.Handler>().ExportAsync(buffer, cancellationToken);
            await FileOutput.WriteAsync(target, buffer.ToArray(), cancellationToken);
            await cli.Output.WriteLineAsync(Say(language,
                $"Archive écrite dans {target.FullName} : {summary.Tables.Count} tables, {summary.Rows} lignes, empreinte {summary.ContentHash}",
                $"Archive written to {target.FullName}: {summary.Tables.Count} tables, {summary.Rows} rows, content hash {summary.ContentHash}"));
            return WpCli.Success;
        });
    }

    private static async Task<Written?> JsonAsync(Request request, CancellationToken cancellationToken)
    {
        var file = await request.Services.GetRequiredService<ExportProgramme.Handler>()
            .HandleAsync(new ExportProgramme.Query(Viewer.Operator, request.Slug, request.Version), cancellationToken);
        if (file is null)
        {
            return null;
        }

        await using var buffer = new MemoryStream();
        await ProgrammeJson.WriteAsync(file, buffer, cancellationToken);
        return new Written(buffer.ToArray(), file.Activities.Count);
    }

    private static async Task<Written?> DocxAsync(Request request, CancellationToken cancellationToken)
    {
        var file = await request.Services.GetRequiredService<ExportAnnex.Handler>().DocxAsync(AnnexQuery(request), cancellationToken);
        return file is null ? null : new Written(file.Content, file.Document.ActivityRows.Count());
    }

    private static async Task<Written?> PdfAsync(Request request, CancellationToken cancellationToken)
    {
        var outcome = await request.Services.GetRequiredService<ExportAnnex.Handler>().PdfAsync(AnnexQuery(request), cancellationToken);
        return outcome switch
        {
            null => null,
            { Value: { } file } => new Written(file.Content, file.Document.ActivityRows.Count()),
            _ => new Written(null, 0, outcome.Problem),
        };
    }

    private static async Task<Written?> XlsxAsync(Request request, CancellationToken cancellationToken)
    {
        var workbook = await request.Services.GetRequiredService<ExportSpreadsheet.Handler>()
            .HandleAsync(new ExportSpreadsheet.Query(Viewer.Operator, request.Slug, request.Language, request.Version), cancellationToken);
        return workbook is null ? null : new Written(workbook.Content, workbook.Activities);
    }

    private static ExportAnnex.Query AnnexQuery(Request request) =>
        new(Viewer.Operator, request.Slug, request.Language, request.Version, request.Session, request.Slippage);
}
