using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Web.Pages.Admin;

/// <summary>The users (administrators): filtered by role, body, state and last sign-in; each one's edit page.</summary>
public sealed class UsersModel(UserDirectory.Handler directory) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Body { get; set; }

    /// <summary>"active", "deactivated", or empty for both.</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "signin")]
    public UserDirectory.SignInFilter LastSignIn { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public IReadOnlyList<UserDirectory.Row> Users { get; private set; } = [];

    public IReadOnlyList<(string Code, BilingualText Name)> Bodies { get; private set; } = [];

    /// <summary>The invitation page, when this build has one.</summary>
    public string? InviteUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var active = State switch { "active" => true, "deactivated" => (bool?)false, _ => null };
        Users = await directory.ListAsync(new UserDirectory.Query(string.IsNullOrEmpty(Role) ? null : Role,
            string.IsNullOrEmpty(Body) ? null : Body, active, LastSignIn, Search), cancellationToken);
        Bodies = await directory.BodiesAsync(cancellationToken);
        InviteUrl = Url.Page("/Admin/UserInvite");
    }
}
