using System.Net;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Tests.Production;

public sealed class CorrelationFacts(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Every_response_carries_a_new_correlation_id()
    {
        var client = app.ClientIn("en");

        var first = await client.GetAsync("/");
        var second = await client.GetAsync("/");

        var firstId = Assert.Single(first.Headers.GetValues(RequestLogging.Header));
        var secondId = Assert.Single(second.Headers.GetValues(RequestLogging.Header));
        Assert.Matches("^[0-9a-f]{32}$", firstId);
        Assert.NotEqual(firstId, secondId);
    }

    [Fact]
    public async Task The_proxy_correlation_id_is_kept_and_shown_on_the_error_page_without_internals()
    {
        var client = app.ClientIn("en");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/programmes/no-such-programme");
        request.Headers.Add(RequestLogging.Header, "nginx-4f2a9c");

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("nginx-4f2a9c", Assert.Single(response.Headers.GetValues(RequestLogging.Header)));
        Assert.Contains("<code>nginx-4f2a9c</code>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correlation_id_that_could_forge_log_lines_is_replaced()
    {
        var client = app.ClientIn("en");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation(RequestLogging.Header, "abc\" injected=\"1");

        var response = await client.SendAsync(request);

        Assert.Matches("^[0-9a-f]{32}$", Assert.Single(response.Headers.GetValues(RequestLogging.Header)));
    }
}
