using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>Marks a read that answers with an <c>ETag</c> header: the value a later write sends back in If-Match.</summary>
public sealed class AnswersWithETag
{
    public static readonly AnswersWithETag Instance = new();
}

public static class OpenApiContractExtensions
{
    public static TBuilder AnswersWithETag<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(Infrastructure.AnswersWithETag.Instance);
}

/// <summary>
/// Makes /openapi/v1.json a contract a client generator can rely on: how to authenticate (an API token as a bearer
/// token, or the browser's session cookie), the concurrency headers, and every error status an operation can answer,
/// each as ProblemDetails. The statuses are derived from what the pipeline does (authorization, binding, size limit,
/// rate limit, If-Match), so a new endpoint is described correctly without writing its errors by hand.
/// </summary>
public static class OpenApiContract
{
    public const string Bearer = "bearer";
    public const string Cookie = "cookie";
    private const string Problem = "ProblemDetails";
    private const string ProblemJson = "application/problem+json";

    public static IServiceCollection AddWebOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            Describe(document);
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            Describe(operation, context);
            return Task.CompletedTask;
        });
    });

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Programmes"] = "Programmes and their versions in the programme file format (what wp export writes).",
        ["Activities"] = "One activity of a programme's latest version: read with its ETag, change with If-Match.",
        ["Status reports"] = "The status reports of a reporting round and the round's publication.",
        ["Session outcome"] = "The committee's decision on each activity it discussed at a session.",
        ["Revisions"] = "A programme's versions and what changed between two of them.",
        ["Account"] = "Who the caller is.",
        ["Documents"] = "The official annex in Word and PDF, and the tracked-changes comparison.",
        ["Downloads"] = "Excel workbooks: a programme, and the blank template to fill in and import.",
        ["Insight"] = "Feeds read by other programs, such as the calendar.",
    };

    private static void Describe(OpenApiDocument document)
    {
        document.Info.Title = "WorkProgramme API";
        document.Info.Description =
            "Programmes of work, their activities, status reports and session outcomes. Authenticate with an API token " +
            "(Authorization: Bearer, created on the profile page) or the browser's session cookie (then also send the " +
            "antiforgery token in RequestVerificationToken). Every error is application/problem+json in the language of " +
            "Accept-Language (fr or en). A change names the version it started from: send the ETag of the read in If-Match " +
            "(428 without it, 412 with a stale one, with the current state).";
        // Relative: the API is where the document was read from (a generated client is given its base address).
        document.Servers = [new OpenApiServer { Url = "/", Description = "The server this document was read from." }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "API token",
            Description = "An API token from the profile page, sent as Authorization: Bearer <token>.",
        };
        document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "wp.session",
            Description = "The session cookie of a signed-in browser; changes also need the antiforgery token in RequestVerificationToken.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Problem] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details, in the request's language.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            },
        };
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }
    }

    private static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var path = '/' + (description.RelativePath ?? "");
        var method = description.HttpMethod ?? "GET";
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var ifMatch = metadata.OfType<IfMatchRequired>().Any();
        var etag = ifMatch || metadata.OfType<AnswersWithETag>().Any();
        var hasBody = description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body);
        var writes = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);

        operation.OperationId ??= OperationIdOf(method, path);
        operation.Summary ??= $"{method} {path}";
        operation.Security = anonymous
            ? [new OpenApiSecurityRequirement(), Requirement(Bearer, context.Document), Requirement(Cookie, context.Document)]
            : [Requirement(Bearer, context.Document), Requirement(Cookie, context.Document)];

        if (ifMatch)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = true,
                Description = "The ETag of the read the change started from (428 without it, 412 when it is no longer current).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = JsonValue.Create("\"3\""),
            });
        }

        operation.Responses ??= [];
        var statuses = new SortedSet<int> { StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests };
        if (!anonymous)
        {
            statuses.UnionWith([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]);
        }

        if (path.Contains('{', StringComparison.Ordinal))
        {
            statuses.Add(StatusCodes.Status404NotFound);
        }

        if (hasBody)
        {
            statuses.UnionWith([StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType]);
        }

        if (writes)
        {
            statuses.Add(StatusCodes.Status409Conflict);
        }

        if (ifMatch)
        {
            statuses.UnionWith([StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired]);
        }

        foreach (var status in statuses)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.TryGetValue(key, out var existing) && existing is OpenApiResponse declared
                && declared.Content?.Count > 0)
            {
                continue;
            }

            operation.Responses[key] = ProblemResponse(status, context.Document, etag && status == StatusCodes.Status412PreconditionFailed);
        }

        if (etag)
        {
            foreach (var (key, response) in operation.Responses)
            {
                if (key.StartsWith('2') && response is OpenApiResponse ok)
                {
                    ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    ok.Headers["ETag"] = ETagHeader();
                }
            }
        }
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };

    private static OpenApiHeader ETagHeader() => new()
    {
        Description = "The version of what was read or written, to send back in If-Match.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = JsonValue.Create("\"4\""),
    };

    private static OpenApiResponse ProblemResponse(int status, OpenApiDocument? document, bool withETag)
    {
        var (_, title) = ApiProblem.TitleOf(status);
        var response = new OpenApiResponse
        {
            Description = title,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new()
                {
                    Schema = new OpenApiSchemaReference(Problem, document),
                    Example = new JsonObject
                    {
                        ["type"] = $"https://tools.ietf.org/html/rfc9110#status-{status}",
                        ["title"] = title,
                        ["status"] = status,
                        ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                    },
                },
            },
        };
        if (withETag)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader> { ["ETag"] = ETagHeader() };
        }

        return response;
    }

    /// <summary>"GET /programmes/{slug}/export.xlsx" → "GetProgrammesSlugExportXlsx", for endpoints without a name.</summary>
    private static string OperationIdOf(string method, string path)
    {
        var words = path.Split(['/', '{', '}', '.', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..]);
        return char.ToUpperInvariant(method[0]) + method[1..].ToLowerInvariant() + string.Concat(words);
    }
}
