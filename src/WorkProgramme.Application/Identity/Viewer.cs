using System.Security.Claims;
using WorkProgramme.Domain.Programmes;

namespace WorkProgramme.Application.Identity;

/// <summary>
/// Who is asking, as the handlers need it: what they may see and change. Built from the signed-in principal; the
/// anonymous viewer sees only what is published.
/// </summary>
public sealed record Viewer(string? UserId, string? Name, IReadOnlySet<string> Roles, string? BodyCode) : IProgrammeReader
{
    public const string BodyClaim = "wp:body";

    public static readonly Viewer Anonymous = new(null, null, new HashSet<string>(), null);

    /// <summary>The command line acts with full rights as the machine's operator.</summary>
    public static readonly Viewer Operator = new(null, "wp", new HashSet<string> { Identity.Roles.Admin }, null);

    public bool IsSignedIn => Name is not null;

    public bool IsAdmin => Roles.Contains(Identity.Roles.Admin);

    /// <summary>Admins and editors of all bodies edit everything; an editor of a body edits that body's programmes.</summary>
    public bool CanEdit(string bodyCode) =>
        IsAdmin || (Roles.Contains(Identity.Roles.Editor) && (BodyCode is null || BodyCode == bodyCode));

    /// <summary>Drafts (unpublished versions and status reports) are for the Secretariat and the committee's members.</summary>
    public bool CanSeeDrafts(string bodyCode) =>
        CanEdit(bodyCode) || (Roles.Contains(Identity.Roles.Member) && BodyCode == bodyCode);

    bool IProgrammeReader.SeesDraftsOf(string bodyCode) => CanSeeDrafts(bodyCode);

    public static Viewer From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        return new Viewer(
            principal.FindFirstValue(ClaimTypes.NameIdentifier),
            principal.FindFirstValue(ClaimTypes.Name),
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            principal.FindFirstValue(BodyClaim));
    }
}
