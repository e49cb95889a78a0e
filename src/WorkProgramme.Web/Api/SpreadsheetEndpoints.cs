using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Application.Features.OfficeTables;
using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Api;

/// <summary>
/// Excel downloads: a programme as the viewer may see it (published versions for the public, drafts for the Secretariat
/// and the committee), and the blank template to fill in and import.
/// </summary>
public static class SpreadsheetEndpoints
{
    /// <summary>The endpoints' names, which pages link to them by.</summary>
    public const string ProgrammeXlsx = "DownloadProgrammeXlsx", TemplateXlsx = "DownloadTemplateXlsx";

    public static IEndpointRouteBuilder MapSpreadsheetDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/programmes/{slug}/export.xlsx", ExportAsync).WithName(ProgrammeXlsx).AllowAnonymous().WithTags("Downloads")
            .WithSummary("The programme (latest version unless ?version=) as an Excel workbook in ?lang=fr|en (default: the page's language).");
        endpoints.MapGet("/templates/programme.xlsx", Template).WithName(TemplateXlsx).AllowAnonymous().WithTags("Downloads")
            .WithSummary("The blank programme workbook in ?lang=fr|en, to fill in and import.");
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(HttpContext context, string slug,
        [FromQuery] string? lang, [FromQuery] string? version, CachedDocuments.Handler documents, CancellationToken cancellationToken)
    {
        // Built once per state of the record, then served from the document cache (docs/decisions/0038).
        var outcome = await documents.GetAsync(new CachedDocuments.Request(context.Viewer(), DocumentKind.Workbook, slug, LanguageOf(lang),
            string.IsNullOrWhiteSpace(version) ? null : version), cancellationToken);
        if (outcome is not { File: { } workbook })
        {
            var fr = Localization.CurrentLanguage == Language.Fr;
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                title: fr ? "Programme introuvable" : "Programme not found",
                detail: fr ? $"Aucun programme ou version « {slug} » visible." : $"No visible programme or version '{slug}'.");
        }

        return DocumentEndpoints.File(workbook);
    }

    private static async Task<FileContentHttpResult> Template([FromQuery] string? lang, ExportSpreadsheet.Handler handler, CancellationToken cancellationToken)
    {
        var template = await handler.TemplateAsync(LanguageOf(lang), cancellationToken);
        return TypedResults.File(template.Content, ProgrammeWorkbook.ContentType, template.FileName);
    }

    private static Language LanguageOf(string? lang) => Languages.TryParse(lang, out var language) ? language : Localization.CurrentLanguage;
}
