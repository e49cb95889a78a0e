using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Testing;

namespace WorkProgramme.Application.Tests.Programmes;

/// <summary>A programme created from scratch: strict input, words in both languages, administrators only, audited.</summary>
public sealed class CreateProgrammeFacts : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<Result<CreateProgramme.Created>> CreateAsync(CreateProgramme.Command command) =>
        database.RunAsync<CreateProgramme.Handler, Result<CreateProgramme.Created>>(h => h.HandleAsync(command, CancellationToken.None));

    [Fact]
    public async Task Creates_an_empty_draft_for_another_committee_with_its_titles_and_symbol_and_audits_it()
    {
        var created = await CreateAsync(new(Viewer.Operator, "clf-2025-2028", "CLF", "2025-2028", "Programme de travail du CLF", "EC Work Programme", "EC0800"));

        Assert.True(created.Succeeded, string.Join(" ", created.Problems.Select(p => p.En)));
        var programme = await database.RunAsync<WorkProgrammeDb, Programme>(db =>
            db.Programmes.AsNoTracking().Include(p => p.Versions).ThenInclude(v => v.Activities).SingleAsync(p => p.Slug == "clf-2025-2028"));
        var version = Assert.Single(programme.Versions);
        Assert.Equal(("CLF", "Programme de travail du CLF", "EC Work Programme"), (programme.BodyCode, programme.Title.Fr, programme.Title.En));
        Assert.Equal((VersionState.Draft, "EC0800", 0), (version.State, version.DocumentSymbol, version.Activities.Count));
        Assert.Null(programme.Predecessor);
        var audited = await database.RunAsync<WorkProgrammeDb, List<string>>(db =>
            db.AuditEntries.Where(e => e.EntityType == "Programme" && e.EntityId == "clf-2025-2028").Select(e => e.Field).ToListAsync());
        Assert.NotEmpty(audited);
    }

    [Theory]
    [InlineData("Bad Slug", "CLF", "2025-2028", "slug")]
    [InlineData("ptc-2022-2025", "CTP", "2025-2028", "slug")]
    [InlineData("clf-2025-2028", "NOPE", "2025-2028", "body")]
    [InlineData("clf-2025-2028", "", "2025-2028", "body")]
    [InlineData("clf-2025-2028", "CLF", "2028-2025", "period")]
    [InlineData("clf-2025-2028", "CLF", "2025", "period")]
    [InlineData("clf-2025-2028", "CLF", " 2025-2028x", "period")]
    public async Task Refuses_wrong_input_field_by_field_in_both_languages(string slug, string body, string period, string field)
    {
        var created = await CreateAsync(new(Viewer.Operator, slug, body, period));

        Assert.Equal(FailureKind.Invalid, created.Failure!.Kind);
        var message = Assert.Single(created.Failure.Messages, m => m.Field == field);
        Assert.False(string.IsNullOrWhiteSpace(message.Message.Fr));
        Assert.False(string.IsNullOrWhiteSpace(message.Message.En));
        Assert.NotEqual(message.Message.Fr, message.Message.En);
    }

    [Fact]
    public async Task Refuses_a_document_symbol_with_spaces_or_too_long()
    {
        var spaced = await CreateAsync(new(Viewer.Operator, "clf-2025-2028", "CLF", "2025-2028", DocumentSymbol: "EC 0800"));
        var longer = await CreateAsync(new(Viewer.Operator, "clf-2025-2028", "CLF", "2025-2028", DocumentSymbol: new string('A', 41)));

        Assert.Contains(spaced.Failure!.Messages, m => m.Field == "symbol");
        Assert.Contains(longer.Failure!.Messages, m => m.Field == "symbol");
    }

    [Fact]
    public async Task Only_administrators_create_programmes()
    {
        var editor = new Viewer("u1", "editor@example.org", new HashSet<string> { Roles.Editor }, null);

        var created = await CreateAsync(new(editor, "clf-2025-2028", "CLF", "2025-2028"));

        Assert.Equal(FailureKind.Forbidden, created.Failure!.Kind);
        Assert.False(await database.RunAsync<WorkProgrammeDb, bool>(db => db.Programmes.AnyAsync(p => p.Slug == "clf-2025-2028")));
    }

    [Fact]
    public async Task A_preview_confirmed_after_the_source_changed_is_refused()
    {
        var preview = await database.RunAsync<CreateProgramme.Handler, Result<CreateProgramme.Preview>>(h => h.HandleAsync(
            new CreateProgramme.PreviewQuery(Viewer.Operator, SeedFile.PtcSlug, "2025-2028"), CancellationToken.None));
        Assert.Equal(94, preview.Value!.Candidates.Count);
        Assert.Equal(83, preview.Value.Candidates.Count(c => c.ByRule));

        var confirmed = await CreateAsync(new(Viewer.Operator, "ptc-2025-2028", "CTP", "2025-2028", CarryOverFrom: SeedFile.PtcSlug,
            Chosen: [preview.Value.Candidates[0].ActivityId], PreviewState: preview.Value.State + "0"));

        Assert.Equal(FailureKind.Conflict, confirmed.Failure!.Kind);
        Assert.Contains("aperçu", confirmed.Problems.Single().Fr, StringComparison.Ordinal);
        Assert.False(await database.RunAsync<WorkProgrammeDb, bool>(db => db.Programmes.AnyAsync(p => p.Slug == "ptc-2025-2028")));
    }

    [Fact]
    public async Task An_editor_may_untick_activities_in_the_preview()
    {
        var preview = (await database.RunAsync<CreateProgramme.Handler, Result<CreateProgramme.Preview>>(h => h.HandleAsync(
            new CreateProgramme.PreviewQuery(Viewer.Operator, SeedFile.PtcSlug, "2025-2028"), CancellationToken.None))).Value!;
        var chosen = preview.Candidates.Where(c => c.ByRule).Skip(1).Select(c => c.ActivityId).ToList();

        var created = await CreateAsync(new(Viewer.Operator, "ptc-2025-2028", "CTP", "2025-2028", CarryOverFrom: SeedFile.PtcSlug,
            Chosen: chosen, PreviewState: preview.State));

        Assert.Equal(82, created.Value!.Carried);
    }
}
