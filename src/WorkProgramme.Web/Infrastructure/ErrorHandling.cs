using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// One error format for the API: every answer with an error status under <c>/api</c> is
/// <c>application/problem+json</c> in the request's language, whatever produced it (a handler, the framework's
/// binding, routing, authentication, the size limit); pages get the error page, never a stack trace.
/// </summary>
public static class ErrorHandling
{
    public static IServiceCollection AddWebErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddExceptionHandler<DomainExceptionHandler>();

        // Binding failures (malformed JSON, wrong content type, unreadable parameter) are thrown, not answered with an
        // empty 400/415, so BadRequestHandler can say what was wrong in the caller's language.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(options => StrictJson.Apply(options.SerializerOptions));
        return services;
    }

    /// <summary>API errors become ProblemDetails; pages get the error page, never a stack trace.</summary>
    public static IApplicationBuilder UseWebErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            StatusCodeSelector = exception => exception switch
            {
                DomainException => StatusCodes.Status409Conflict,
                BadHttpRequestException bad => bad.StatusCode,
                _ => StatusCodes.Status500InternalServerError,
            },

            // A request the client got wrong is answered (400/413/415), not a failure of the server to log as an error.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });

        // An empty error answer (unknown route, wrong method, 401/403 from authentication...) gets a body: ProblemDetails
        // under /api, the error page elsewhere.
        app.UseWhen(ApiProblem.IsApi, api => api.UseStatusCodePages(context => ApiProblem.WriteAsync(context.HttpContext,
            context.HttpContext.Response.StatusCode)));
        app.UseWhen(context => !ApiProblem.IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        return app;
    }
}

/// <summary>The request body rules of the API: the JSON is read strictly, as written, or refused.</summary>
public static class StrictJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        // A key given twice is ambiguous (which one did the author mean?): refused, not read last-wins.
        options.AllowDuplicateProperties = false;

        // Exact types: "7" is not the number 7 (the web defaults read numbers from strings).
        options.NumberHandling = JsonNumberHandling.Strict;

        // A misspelt field ("titel") would otherwise be dropped without a word, and the change silently not made.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    }
}

/// <summary>Writes the error answers of the API, in the request's language.</summary>
public static class ApiProblem
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>The title of a status with nothing more to say, in both languages.</summary>
    public static (string Fr, string En) TitleOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("Requête invalide", "Bad request"),
        StatusCodes.Status401Unauthorized => ("Authentification requise", "Authentication required"),
        StatusCodes.Status403Forbidden => ("Accès refusé", "Access denied"),
        StatusCodes.Status404NotFound => ("Introuvable", "Not found"),
        StatusCodes.Status405MethodNotAllowed => ("Méthode non autorisée", "Method not allowed"),
        StatusCodes.Status406NotAcceptable => ("Format de réponse non disponible", "Response format not available"),
        StatusCodes.Status409Conflict => ("Conflit", "Conflict"),
        StatusCodes.Status412PreconditionFailed => ("Modifié entre-temps", "Changed in the meantime"),
        StatusCodes.Status413PayloadTooLarge => ("Requête trop volumineuse", "Request too large"),
        StatusCodes.Status415UnsupportedMediaType => ("Type de contenu non pris en charge", "Unsupported content type"),
        StatusCodes.Status428PreconditionRequired => ("En-tête If-Match manquant", "If-Match header missing"),
        StatusCodes.Status429TooManyRequests => ("Trop de requêtes", "Too many requests"),
        _ when status >= 500 => ("Erreur du serveur", "Server error"),
        _ => ("Erreur", "Error"),
    };

    /// <summary>What the status means for the caller, when the status alone does not say it.</summary>
    private static (string? Fr, string? En) DetailOf(HttpContext context, int status) => status switch
    {
        StatusCodes.Status404NotFound => ($"Aucune ressource de l’API à l’adresse {context.Request.Path} : voir /openapi/v1.json.",
            $"No API resource at {context.Request.Path}: see /openapi/v1.json."),
        StatusCodes.Status405MethodNotAllowed => ($"{context.Request.Method} n’est pas accepté à cette adresse : voir /openapi/v1.json.",
            $"{context.Request.Method} is not accepted at this address: see /openapi/v1.json."),
        StatusCodes.Status401Unauthorized => ("Envoyez un jeton d’API (Authorization: Bearer …) ou connectez-vous.",
            "Send an API token (Authorization: Bearer …) or sign in."),
        StatusCodes.Status403Forbidden => ("Votre rôle ne permet pas cette action.", "Your role does not allow this action."),
        StatusCodes.Status429TooManyRequests => ("Réessayez dans une minute (voir Retry-After).", "Try again in a minute (see Retry-After)."),
        StatusCodes.Status413PayloadTooLarge => ("Le corps de la requête dépasse la taille permise.", "The request body is larger than allowed."),
        StatusCodes.Status415UnsupportedMediaType => (
            $"Le corps de la requête doit être du JSON (Content-Type: application/json), reçu : « {context.Request.ContentType} ».",
            $"The request body must be JSON (Content-Type: application/json), received: '{context.Request.ContentType}'."),
        _ => (null, null),
    };

    public static Task WriteAsync(HttpContext context, int status)
    {
        var (titleFr, titleEn) = TitleOf(status);
        var (detailFr, detailEn) = DetailOf(context, status);
        return WriteAsync(context, status, titleFr, titleEn, detailFr, detailEn);
    }

    /// <summary>
    /// Always JSON, whatever the request's Accept header says: a script that asked for text/html still gets an error it
    /// can read, never the HTML error page.
    /// </summary>
    public static Task WriteAsync(HttpContext context, int status, string titleFr, string titleEn, string? detailFr = null, string? detailEn = null,
        IDictionary<string, object?>? extensions = null)
    {
        var fr = Localization.CurrentLanguage == Language.Fr;
        return TypedResults.Problem(statusCode: status, title: fr ? titleFr : titleEn, detail: fr ? detailFr : detailEn,
            extensions: extensions).ExecuteAsync(context);
    }
}

/// <summary>
/// A request the framework could not read (malformed JSON, a duplicate key, a string for a number, a wrong content type,
/// a body over the size limit): its status (400, 415, 413) with what was wrong and where.
/// </summary>
internal sealed class BadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var status = bad.StatusCode;
        var (titleFr, titleEn) = ApiProblem.TitleOf(status);
        var (detailFr, detailEn) = (status, bad.InnerException) switch
        {
            (StatusCodes.Status415UnsupportedMediaType, _) => (
                $"Le corps de la requête doit être du JSON (Content-Type: application/json), reçu : « {httpContext.Request.ContentType} ».",
                $"The request body must be JSON (Content-Type: application/json), received: '{httpContext.Request.ContentType}'."),
            (StatusCodes.Status413PayloadTooLarge, _) => ("Le corps de la requête dépasse la taille permise.", "The request body is larger than allowed."),
            (_, JsonException json) => Describe(json),
            _ => ("La requête ne peut pas être lue : vérifiez ses paramètres.", "The request cannot be read: check its parameters."),
        };
        httpContext.Response.StatusCode = status;
        var extensions = bad.InnerException is JsonException { Path: { } path } ? new Dictionary<string, object?> { ["path"] = path } : null;
        await ApiProblem.WriteAsync(httpContext, status, titleFr, titleEn, detailFr, detailEn, extensions);
        return true;
    }

    /// <summary>The JSON error in words, with the place (JSON path, line) where the reader stopped.</summary>
    private static (string Fr, string En) Describe(JsonException json)
    {
        var where = json.Path is null ? "" : $" ({json.Path}{(json.LineNumber is { } line ? $", ligne {line + 1}" : "")})";
        var whereEn = json.Path is null ? "" : $" ({json.Path}{(json.LineNumber is { } lineEn ? $", line {lineEn + 1}" : "")})";
        var message = json.Message;
        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return ($"Une clé figure deux fois dans le JSON{where} : gardez-en une seule.", $"A key appears twice in the JSON{whereEn}: keep only one.");
        }

        if (message.Contains("could not be mapped", StringComparison.OrdinalIgnoreCase))
        {
            return ($"Champ inconnu dans le JSON{where} : voir le schéma dans /openapi/v1.json.",
                $"Unknown field in the JSON{whereEn}: see the schema in /openapi/v1.json.");
        }

        if (message.Contains("could not be converted", StringComparison.OrdinalIgnoreCase))
        {
            return ($"Valeur du mauvais type dans le JSON{where} (un nombre s’écrit sans guillemets) : voir le schéma dans /openapi/v1.json.",
                $"Value of the wrong type in the JSON{whereEn} (a number is written without quotes): see the schema in /openapi/v1.json.");
        }

        return ($"Le corps de la requête n’est pas du JSON valide{where}.", $"The request body is not valid JSON{whereEn}.");
    }
}

/// <summary>A rule of the domain refused the change: 409 with the message in the request's language.</summary>
internal sealed class DomainExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException domain || !ApiProblem.IsApi(httpContext))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        await ApiProblem.WriteAsync(httpContext, StatusCodes.Status409Conflict, domain.Messages.Fr ?? domain.Message, domain.Messages.En ?? domain.Message);
        return true;
    }
}
