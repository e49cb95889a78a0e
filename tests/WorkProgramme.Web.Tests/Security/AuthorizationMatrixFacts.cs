using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Security;

/// <summary>
/// Every endpoint of the app × every kind of user, against the expected table in authorization-matrix.txt.
/// A new endpoint without a row fails, so nobody adds a page without deciding who may use it.
/// </summary>
public sealed class AuthorizationMatrixFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    /// <summary>The columns: who asks, with their role and body (the seeded programme is the CTP's).</summary>
    private static readonly (string Name, string? Role, string? Body)[] Principals =
    [
        ("anonymous", null, null),
        ("member", Roles.Member, "CTP"),
        ("editor", Roles.Editor, "CTP"),
        ("editor of another body", Roles.Editor, "Conseil"),
        ("admin", Roles.Admin, null),
    ];

    private static string MatrixPath => Path.Combine(AppContext.BaseDirectory, "Security", "authorization-matrix.txt");

    [Fact]
    public async Task Every_endpoint_answers_every_kind_of_user_as_the_matrix_says()
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var (name, role, body) in Principals)
        {
            clients[name] = role is null ? app.ClientIn("en") : await app.SignedInClientAsync(role, body);
        }

        var activityId = (await app.ClientIn(null).GetFromJsonAsync<Application.Features.Interchange.ProgrammeFile>(
            "/api/programmes/" + SeedFile.PtcSlug, Application.Features.Interchange.ProgrammeJson.Options))!.Activities[0].Id;
        var actual = new List<string>();
        foreach (var (method, route) in Endpoints())
        {
            var url = "/" + route.Replace("{slug}", SeedFile.PtcSlug, StringComparison.Ordinal)
                .Replace("{id:guid}", activityId.ToString(), StringComparison.Ordinal)
                .Replace("{activityId:guid}", activityId.ToString(), StringComparison.Ordinal)
                .Replace("{session}", "ctp-243-244", StringComparison.Ordinal)
                .Replace("{documentName}", "v1", StringComparison.Ordinal);
            var codes = new List<int>();
            foreach (var (principal, _, _) in Principals)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method != "GET")
                {
                    // An empty body of the kind the endpoint reads: what is checked is who gets in, not the payload.
                    request.Content = route.StartsWith("api/", StringComparison.Ordinal)
                        ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json")
                        : new FormUrlEncodedContent(new Dictionary<string, string>());
                }

                codes.Add((int)(await clients[principal].SendAsync(request)).StatusCode);
            }

            actual.Add($"{method} /{route} | {string.Join(" | ", codes)}");
        }

        var expected = File.ReadAllLines(MatrixPath).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.True(expected.SequenceEqual(actual),
            "The authorization matrix changed. Actual (method route | anonymous | member | editor | editor of another body | admin):\n" + string.Join("\n", actual));
    }

    /// <summary>Every route the app maps, with the methods it accepts (pages: GET and, where they have handlers, POST).</summary>
    private IEnumerable<(string Method, string Route)> Endpoints()
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(endpoint =>
            {
                var route = endpoint.RoutePattern.RawText!.TrimStart('/');
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods
                    ?? (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null ? ["GET", "POST"] : ["GET"]);
                return methods.Select(m => (Method: m, Route: route));
            })
            .Where(e => e.Route.Length > 0 || e.Method == "GET")
            .Distinct()
            .OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal);
    }
}
