using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// Where a reference to an activity points on the page being rendered: the number it has in the version the page shows
/// (<c>?version=</c>, or <c>?to=</c> on the compare page; else the newest the viewer may see), read once per request and
/// only when a text holds a reference.
/// </summary>
public sealed class ReferenceLinks(WorkProgrammeDb db, IHttpContextAccessor accessor, LinkGenerator links)
{
    public sealed record Target(string Text, string? Href, bool Retired);

    private sealed record Row(Guid ActivityId, int? Number, RevisionKind Revision, int? PreviousNumber);

    private (string Slug, string? ExplicitLabel, Dictionary<Guid, Row> Rows)? loaded;
    private bool tried;

    public Target Resolve(Guid activityId, Language language)
    {
        var context = Load();
        if (context is not { } c)
        {
            return new Target(ActivityReferenceNumbers.Text(null, true, null, language), null, true);
        }

        var row = c.Rows.GetValueOrDefault(activityId);
        var retired = row is null || row.Revision == RevisionKind.Deleted;
        var text = ActivityReferenceNumbers.Text(row?.Number, retired, row?.PreviousNumber, language);
        var href = links.GetPathByPage(accessor.HttpContext!, "/Programmes/Activity", handler: null,
            new { slug = c.Slug, id = activityId, version = c.ExplicitLabel });
        return new Target(text, href, retired);
    }

    /// <summary>The text with references written as their numbers.</summary>
    public string Plain(string text, Language language) => ActivityReferences.Render(text, id => Resolve(id, language).Text);

    private (string Slug, string? ExplicitLabel, Dictionary<Guid, Row> Rows)? Load()
    {
        if (tried)
        {
            return loaded;
        }

        tried = true;
        var http = accessor.HttpContext;
        if (http?.GetRouteValue("slug") is not string slug)
        {
            return null;
        }

        var label = Blank(http.Request.Query["version"]) ?? Blank(http.Request.Query["to"]);
        var programme = db.Programmes.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.BodyCode }).SingleOrDefault();
        if (programme is null)
        {
            return null;
        }

        var seesDrafts = http.Viewer().CanSeeDrafts(programme.BodyCode);
        var versions = db.ProgrammeVersions.AsNoTracking().Where(v => v.ProgrammeId == programme.Id)
            .Select(v => new { v.Id, v.Label, v.Sequence, v.State }).ToList()
            .Where(v => seesDrafts || v.State != VersionState.Draft)
            .OrderByDescending(v => v.Sequence)
            .ToList();
        var version = label is null ? versions.FirstOrDefault() : versions.FirstOrDefault(v => v.Label == label);
        if (version is null)
        {
            return null;
        }

        var rows = db.ActivityVersions.AsNoTracking().Where(a => a.ProgrammeVersionId == version.Id)
            .Select(a => new Row(a.ActivityId, a.Number, a.Revision, a.PreviousNumber))
            .ToDictionary(r => r.ActivityId);
        loaded = (slug, label is null ? null : version.Label, rows);
        return loaded;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
