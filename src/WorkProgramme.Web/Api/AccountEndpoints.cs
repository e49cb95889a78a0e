using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Api;

/// <summary>GET /api/me: who the caller is (a quick way for a script to check its token).</summary>
public static class AccountEndpoints
{
    public sealed record Me(string? Name, IReadOnlyList<string> Roles, string? Body);

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/me", (HttpContext context) =>
        {
            var viewer = context.Viewer();
            return TypedResults.Ok(new Me(viewer.Name, viewer.Roles.Order(StringComparer.Ordinal).ToList(), viewer.BodyCode));
        }).WithTags("Account").WithName("GetMe").RequireAuthorization()
            .WithSummary("Who the caller is: name, roles and body (a quick way for a script to check its token).");
        return endpoints;
    }
}
