using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Api;

/// <summary>
/// GET /programmes/{slug}/export.docx and .pdf: the official annex to download, in <c>?lang=</c> (default: the page's
/// language), followed by the deadline slippage table with <c>?slippage=true</c>. Anyone may download a published
/// version; drafts only those who may see them (the snapshot's rule).
/// </summary>
public static class DocumentEndpoints
{
    /// <summary>The endpoints' names, which pages link to them by.</summary>
    public const string AnnexDocx = "DownloadAnnexDocx", AnnexPdf = "DownloadAnnexPdf", RedlineDocx = "DownloadRedlineDocx";

    public static IEndpointRouteBuilder MapDocumentDownloads(this IEndpointRouteBuilder endpoints)
    {
        var documents = endpoints.MapGroup("/programmes/{slug}").AllowAnonymous().WithTags("Documents");
        documents.MapGet("/export.docx", DocxAsync).WithName(AnnexDocx)
            .WithSummary("The programme as the official annex in Word (?lang=fr|en, ?version=, ?session=, ?slippage=true adds the deadline slippage table).");
        documents.MapGet("/export.pdf", PdfAsync).WithName(AnnexPdf)
            .WithSummary("The official annex in PDF, converted from the Word document by LibreOffice.");
        documents.MapGet("/redline.docx", RedlineAsync).WithName(RedlineDocx)
            .WithSummary("The annex of version ?to= in Word with tracked changes against version ?from= (?lang=fr|en).");
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DocxAsync(HttpContext context, string slug,
        [FromQuery] string? lang, [FromQuery] string? version, [FromQuery] string? session, [FromQuery] bool? slippage,
        ExportAnnex.Handler handler, CancellationToken cancellationToken)
    {
        var file = await handler.DocxAsync(Query(context, slug, lang, version, session, slippage), cancellationToken);
        return file is null ? NotFound(slug) : TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(HttpContext context, string slug,
        [FromQuery] string? lang, [FromQuery] string? version, [FromQuery] string? session, [FromQuery] bool? slippage,
        ExportAnnex.Handler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.PdfAsync(Query(context, slug, lang, version, session, slippage), cancellationToken);
        return outcome switch
        {
            null => NotFound(slug),
            { Value: { } file } => TypedResults.File(file.Content, file.ContentType, file.FileName),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: Localization.CurrentLanguage == Language.Fr ? "PDF indisponible" : "PDF unavailable",
                detail: outcome.Problem!.For(Localization.CurrentLanguage).Text),
        };
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RedlineAsync(HttpContext context, string slug,
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? lang, ExportRedline.Handler handler,
        CancellationToken cancellationToken)
    {
        var fr = Localization.CurrentLanguage == Language.Fr;
        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: fr ? "Versions à comparer manquantes" : "Versions to compare missing",
                detail: fr ? "Indiquez l’ancienne et la nouvelle version : ?from=…&to=…" : "Name the older and the newer version: ?from=…&to=…");
        }

        var language = Languages.TryParse(lang, out var chosen) ? chosen : Localization.CurrentLanguage;
        var file = await handler.HandleAsync(new ExportRedline.Query(context.Viewer(), slug, from, to, language), cancellationToken);
        return file is null
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: fr ? "Document introuvable" : "Document not found",
                detail: fr ? $"Aucun programme ou version correspondant pour « {slug} » ({from}, {to})." : $"No matching programme or version for '{slug}' ({from}, {to}).")
            : TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static ExportAnnex.Query Query(HttpContext context, string slug, string? lang, string? version, string? session, bool? slippage) => new(
        context.Viewer(),
        slug,
        Languages.TryParse(lang, out var language) ? language : Localization.CurrentLanguage,
        string.IsNullOrWhiteSpace(version) ? null : version,
        string.IsNullOrWhiteSpace(session) ? null : session,
        slippage ?? false);

    private static ProblemHttpResult NotFound(string slug)
    {
        var fr = Localization.CurrentLanguage == Language.Fr;
        return TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: fr ? "Document introuvable" : "Document not found",
            detail: fr ? $"Aucun programme, version ou session correspondant pour « {slug} »." : $"No matching programme, version or session for '{slug}'.");
    }
}
