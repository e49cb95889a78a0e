using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Revisions;
using WorkProgramme.Application.Features.Shared;
using WorkProgramme.Documents.Diff;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Api;

/// <summary>GET /api/programmes/{slug}/versions and /compare: the versions and what changed between two of them.</summary>
public static class RevisionEndpoints
{
    public sealed record VersionItem(string Label, int Sequence, string? DocumentSymbol, string State, string? Session, string? EndorsedAt,
        string? ApprovedAt, int Activities);

    public sealed record Piece(string Kind, string Text);

    public sealed record FieldChange(string Field, IReadOnlyList<Piece> Fr, IReadOnlyList<Piece> En);

    public sealed record RowChange(Guid Id, string? OldReference, string? NewReference, bool Added, bool Retired, bool Renumbered,
        bool Reworded, bool StatusChanged, IReadOnlyList<FieldChange> Changes);

    public sealed record VersionRef(string Label, string? DocumentSymbol, string State, string? StatusSession);

    public sealed record Comparison(string Slug, VersionRef From, VersionRef To, ComparisonSummary Summary, IReadOnlyList<RowChange> Activities);

    public static IEndpointRouteBuilder MapRevisionApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/programmes/{slug}").WithTags("Revisions").AllowAnonymous();
        api.MapGet("/versions", VersionsAsync).WithName("ListVersions").WithSummary("The programme's versions the caller may see, oldest first.");
        api.MapGet("/compare", CompareAsync).WithName("CompareVersions")
            .WithSummary("What changed from one version to another (?from=&to=): counts, and per activity the changed fields as word-level pieces in French and English.");
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<VersionItem>>, NotFound>> VersionsAsync(
        HttpContext context, string slug, ProgrammeVersions.Handler handler, CancellationToken cancellationToken)
    {
        var versions = await handler.HandleAsync(new ProgrammeVersions.ListQuery(context.Viewer(), slug), cancellationToken);
        return versions is null
            ? TypedResults.NotFound()
            : TypedResults.Ok<IReadOnlyList<VersionItem>>(versions.Select(v => new VersionItem(v.Label, v.Sequence, v.DocumentSymbol,
                Wire.Name(v.State), v.SessionKey, v.EndorsedAt, v.ApprovedAt, v.Activities)).ToList());
    }

    private static async Task<Results<Ok<Comparison>, NotFound>> CompareAsync(HttpContext context, string slug,
        [FromQuery] string? from, [FromQuery] string? to, CompareVersions.Handler handler, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
        {
            return TypedResults.NotFound();
        }

        var result = await handler.HandleAsync(new CompareVersions.Query(context.Viewer(), slug, from, to), cancellationToken);
        if (result is null)
        {
            return TypedResults.NotFound();
        }

        static IReadOnlyList<Piece> Pieces(IReadOnlyList<TextChange> changes) => changes.Select(c => new Piece(Wire.Name(c.Kind), c.Text)).ToList();
        static VersionRef Ref(ComparedVersion v) => new(v.Label, v.DocumentSymbol, Wire.Name(v.State), v.StatusSessionKey);
        return TypedResults.Ok(new Comparison(result.Slug, Ref(result.From), Ref(result.To), result.Summary, result.Activities.Select(a => new RowChange(
            a.ActivityId, a.OldReference, a.NewReference, a.Added, a.Retired, a.Renumbered, a.Reworded, a.StatusChanged,
            a.Fields.Where(f => f.Changed).Select(f => new FieldChange(Wire.Name(f.Field), Pieces(f.Fr), Pieces(f.En))).ToList())).ToList()));
    }
}
