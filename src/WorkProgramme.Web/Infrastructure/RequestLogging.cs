using System.Text.RegularExpressions;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// Every request carries a correlation id: the proxy's <c>X-Correlation-ID</c> when it sends a sane one, otherwise a
/// new one. It is the request's TraceIdentifier (shown on the error page and in API problem details), a scope on
/// every log line written during the request, and echoed in the response. Outside development, logs are JSON lines.
/// </summary>
public static partial class RequestLogging
{
    public const string Header = "X-Correlation-ID";

    public static WebApplicationBuilder AddWebLogging(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        return builder;
    }

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var offered = context.Request.Headers[Header].ToString();
        var id = SaneId().IsMatch(offered) ? offered : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = id;
        // At the start of the response, so that a page replayed from the output cache carries this request's id.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("WorkProgramme.Requests");
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
            logger.LogInformation("{Method} {Path} answered {Status}", context.Request.Method, context.Request.Path, context.Response.StatusCode);
        }
    });

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SaneId();
}
