using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Api;

/// <summary>A PDF not ready yet: where it stands in the queue (1: being converted), and when to ask again.</summary>
public sealed record DocumentPending(int Position, int RetryAfterSeconds, string Title, string Detail);

/// <summary>
/// GET /programmes/{slug}/export.docx and .pdf: the official annex to download, in <c>?lang=</c> (default: the page's
/// language), followed by the deadline slippage table with <c>?slippage=true</c>. Anyone may download a published
/// version; drafts only those who may see them (the snapshot's rule). Every download is built once per state of the
/// record and then served from the document cache (<see cref="CachedDocuments"/>, docs/decisions/0038). A PDF still in
/// the conversion queue is answered at once: 202 with Retry-After and its position for a script, the waiting page that
/// refreshes itself for a browser.
/// </summary>
public static class DocumentEndpoints
{
    /// <summary>The endpoints' names, which pages link to them by.</summary>
    public const string AnnexDocx = "DownloadAnnexDocx", AnnexPdf = "DownloadAnnexPdf", RedlineDocx = "DownloadRedlineDocx";

    /// <summary>How long a client waiting for a PDF is asked to wait before it asks again.</summary>
    public const int RetryAfterSeconds = 5;

    public static IEndpointRouteBuilder MapDocumentDownloads(this IEndpointRouteBuilder endpoints)
    {
        var documents = endpoints.MapGroup("/programmes/{slug}").AllowAnonymous().WithTags("Documents");
        documents.MapGet("/export.docx", DocxAsync).WithName(AnnexDocx)
            .WithSummary("The programme as the official annex in Word (?lang=fr|en, ?version=, ?session=, ?slippage=true adds the deadline slippage table).");
        documents.MapGet("/export.pdf", PdfAsync).WithName(AnnexPdf)
            .WithSummary("The official annex in PDF, converted from the Word document by LibreOffice; 202 with Retry-After and the queue position while it is converted.")
            .Produces(StatusCodes.Status200OK, contentType: ExportAnnex.PdfContentType);
        documents.MapGet("/redline.docx", RedlineAsync).WithName(RedlineDocx)
            .WithSummary("The annex of version ?to= in Word with tracked changes against version ?from= (?lang=fr|en).");
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DocxAsync(HttpContext context, string slug,
        [FromQuery] string? lang, [FromQuery] string? version, [FromQuery] string? session, [FromQuery] bool? slippage,
        CachedDocuments.Handler documents, CancellationToken cancellationToken)
    {
        var outcome = await documents.GetAsync(Request(context, DocumentKind.Annex, slug, lang, version, session, slippage), cancellationToken);
        return outcome is { File: { } file } ? File(file) : NotFound(slug);
    }

    private static async Task<Results<FileContentHttpResult, Accepted<DocumentPending>, RedirectHttpResult, ProblemHttpResult>> PdfAsync(
        HttpContext context, string slug, [FromQuery] string? lang, [FromQuery] string? version, [FromQuery] string? session,
        [FromQuery] bool? slippage, CachedDocuments.Handler documents, CancellationToken cancellationToken)
    {
        var outcome = await documents.GetAsync(Request(context, DocumentKind.AnnexPdf, slug, lang, version, session, slippage), cancellationToken);
        var fr = Localization.CurrentLanguage == Language.Fr;
        switch (outcome)
        {
            case null:
                return NotFound(slug);
            case { File: { } file }:
                return File(file);
            case { Problem: { } problem }:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: fr ? "PDF indisponible" : "PDF unavailable",
                    detail: problem.For(Localization.CurrentLanguage).Text);
        }

        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (WantsPage(context.Request))
        {
            // A browser shows the waiting page, which comes back here until the PDF is ready.
            var page = context.RequestServices.GetRequiredService<LinkGenerator>().GetPathByPage(context, "/Programmes/PdfPending",
                values: new { slug, lang, version, session, slippage = slippage == true ? "true" : null, position = outcome.Position });
            return TypedResults.Redirect(page!);
        }

        return TypedResults.Accepted(context.Request.Path + context.Request.QueryString, new DocumentPending(
            outcome.Position,
            RetryAfterSeconds,
            fr ? "PDF en préparation" : "PDF being prepared",
            fr
                ? $"Le PDF est en préparation (position {outcome.Position} dans la file) : redemandez-le dans {RetryAfterSeconds} secondes."
                : $"The PDF is being prepared (position {outcome.Position} in the queue): ask again in {RetryAfterSeconds} seconds."));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RedlineAsync(HttpContext context, string slug,
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? lang, CachedDocuments.Handler documents,
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
        var outcome = await documents.GetAsync(
            new CachedDocuments.Request(context.Viewer(), DocumentKind.Redline, slug, language, From: from, To: to), cancellationToken);
        return outcome is { File: { } file }
            ? File(file)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: fr ? "Document introuvable" : "Document not found",
                detail: fr ? $"Aucun programme ou version correspondant pour « {slug} » ({from}, {to})." : $"No matching programme or version for '{slug}' ({from}, {to}).");
    }

    /// <summary>A browser navigating (it accepts HTML) rather than a script asking for the file.</summary>
    private static bool WantsPage(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    internal static FileContentHttpResult File(CachedDocument file) => TypedResults.File(file.Content, file.ContentType, file.FileName);

    private static CachedDocuments.Request Request(HttpContext context, DocumentKind kind, string slug, string? lang, string? version,
        string? session, bool? slippage) => new(
        context.Viewer(),
        kind,
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
