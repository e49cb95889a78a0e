using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// A request that names a handler (<c>?handler=…</c>) for which Razor Pages finds none to run (a POST to a page with
/// named POST handlers only, naming none of them: <c>?handler=Comment¿'"(</c>) is answered 404. Without this the page is rendered with its model never loaded,
/// which fails with a 500 (found by wapiti). A page with an unnamed handler gets that one instead, as before.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // Only requests that name a handler: an error page re-executed for another request (status code pages keep the
        // original method, e.g. a PUT to the API answered 401) has no handler for that method and must still render.
        var request = context.HttpContext.Request;
        var namesHandler = context.RouteData.Values.ContainsKey("handler") || request.Query.ContainsKey("handler");
        var reExecuted = context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
        if (context.HandlerMethod is null && namesHandler && !reExecuted)
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
