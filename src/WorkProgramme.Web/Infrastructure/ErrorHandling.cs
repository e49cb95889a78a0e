using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Web.Infrastructure;

public static class ErrorHandling
{
    public static IServiceCollection AddWebErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<DomainExceptionHandler>();
        return services;
    }

    /// <summary>API errors become ProblemDetails; pages get the error page, never a stack trace.</summary>
    public static IApplicationBuilder UseWebErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            StatusCodeSelector = exception => exception is DomainException ? StatusCodes.Status409Conflict : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        return app;
    }
}

/// <summary>A rule of the domain refused the change: 409 with the message in the request's language.</summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException domain || !httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = domain.MessageFor(Localization.CurrentLanguage),
            },
        });
    }
}
