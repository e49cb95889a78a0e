using System.Net;
using System.Text.Json;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Identity;
using WorkProgramme.Testing;

namespace WorkProgramme.Web.Tests.Security;

/// <summary>The public sees what is published; the Secretariat and the committee's members also see drafts.</summary>
public sealed class DraftVisibilityFacts(WebAppFactory app) : IClassFixture<WebAppFactory>, IAsyncLifetime
{
    private const string Draft = "2025-draft";

    public async Task InitializeAsync()
    {
        _ = app.Services;
        var file = (await app.Database.RunAsync<ExportProgramme.Handler, ProgrammeFile?>(h =>
            h.HandleAsync(new(Viewer.Operator, SeedFile.PtcSlug), CancellationToken.None)))!;
        var outcome = await app.Database.RunAsync<ImportProgramme.Handler, ImportProgramme.Outcome>(h =>
            h.HandleAsync(new(file with { Version = file.Version! with { Label = Draft, State = "draft", DocumentSymbol = null } }), CancellationToken.None));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<string> LatestVersionAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/programmes/" + SeedFile.PtcSlug));
        return json.RootElement.GetProperty("version").GetProperty("label").GetString()!;
    }

    [Fact]
    public async Task The_public_sees_the_published_version_and_never_the_draft()
    {
        var client = app.ClientIn("en");

        Assert.Equal("2024-04", await LatestVersionAsync(client));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/programmes/{SeedFile.PtcSlug}?version={Draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/programmes/{SeedFile.PtcSlug}?version={Draft}")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Member, "CTP")]
    [InlineData(Roles.Editor, "CTP")]
    [InlineData(Roles.Editor, null)]
    [InlineData(Roles.Admin, null)]
    public async Task The_secretariat_and_the_committees_members_see_the_draft(string role, string? body)
    {
        var client = await app.SignedInClientAsync(role, body);

        Assert.Equal(Draft, await LatestVersionAsync(client));
    }

    [Theory]
    [InlineData(Roles.Member, "CRC")]
    [InlineData(Roles.Editor, "CRC")]
    public async Task Members_and_editors_of_another_body_do_not(string role, string body)
    {
        var client = await app.SignedInClientAsync(role, body);

        Assert.Equal("2024-04", await LatestVersionAsync(client));
    }
}
