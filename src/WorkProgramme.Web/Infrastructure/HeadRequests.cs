using Microsoft.AspNetCore.Http.Features;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// <c>HEAD</c> answers like <c>GET</c>: same status and headers (type, length, file name, caching), no body. Minimal API
/// endpoints are mapped for GET only, so a HEAD request is handled as a GET whose body is thrown away; a client (or a link
/// checker) can ask what a download is without fetching it.
/// </summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        context.Request.Method = HttpMethods.Get;
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(body);
            context.Request.Method = HttpMethods.Head;
        }
    });
}
