using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Web.Api;

namespace WorkProgramme.Web.Pages.Programmes;

/// <summary>
/// Where a browser waits for a PDF still in the conversion queue (docs/decisions/0038): its position in words, and a
/// <c>Refresh</c> back to the download, which serves the PDF once it is ready or comes back here with the new position.
/// </summary>
public sealed class PdfPendingModel : PageModel
{
    public string Slug { get; private set; } = "";

    public int Position { get; private set; }

    public string PdfAddress { get; private set; } = "";

    public IActionResult OnGet(string slug, string? lang, string? version, string? session, bool? slippage, int? position)
    {
        Slug = slug;
        Position = Math.Max(1, position ?? 1);
        PdfAddress = Url.RouteUrl(DocumentEndpoints.AnnexPdf, new { slug, lang, version, session, slippage = slippage == true ? "true" : null })!;
        Response.Headers.RetryAfter = DocumentEndpoints.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        Response.Headers["Refresh"] = $"{DocumentEndpoints.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture)}; url={PdfAddress}";
        return Page();
    }
}
