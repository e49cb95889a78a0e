using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Web.Pages;

/// <summary>The one error page: a message and a reference for support, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.Title";

    public string MessageKey { get; private set; } = "Error.Message";

    public string TraceId { get; private set; } = "";

    /// <summary>The words of a rule that refused the change (an archived programme, a round already open), shown as they are.</summary>
    public BilingualText? Refusal { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        TraceId = HttpContext.TraceIdentifier;
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is DomainException refused)
        {
            TitleKey = "Error.Refused.Title";
            Refusal = refused.Messages;
            return;
        }

        if (code == StatusCodes.Status404NotFound)
        {
            TitleKey = "Error.NotFound.Title";
            MessageKey = "Error.NotFound.Message";
        }
        else if (code == StatusCodes.Status403Forbidden)
        {
            TitleKey = "Denied.Title";
            MessageKey = "Denied.Message";
        }
    }
}
