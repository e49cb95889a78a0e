using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// A request for which Razor Pages finds no handler to run (a POST to a page with named POST handlers only, naming none
/// of them: <c>?handler=Comment¿'"(</c>) is answered 404. Without this the page is rendered with its model never loaded,
/// which fails with a 500 (found by wapiti). A page with an unnamed handler gets that one instead, as before.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        var namesHandler = context.RouteData.Values.ContainsKey("handler") || request.Query.ContainsKey("handler");
        var reads = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (context.HandlerMethod is null && (namesHandler || !reads))
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
