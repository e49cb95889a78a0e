using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Admin;

/// <summary>One user (administrators): role, body, active or deactivated. Never deleted: the audit trail names them.</summary>
public sealed class UserEditModel(UserDirectory.Handler directory, EditUser.Handler edit) : PageModel
{
    [BindProperty]
    public string Role { get; set; } = "";

    /// <summary>Empty: all bodies.</summary>
    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public bool Active { get; set; } = true;

    /// <summary>The user's role, body and state when the form was shown (hidden field): another administrator's change is not replaced unseen.</summary>
    [BindProperty]
    public string? Version { get; set; }

    public UserDirectory.Row Person { get; private set; } = null!;

    public IReadOnlyList<(string Code, BilingualText Name)> Bodies { get; private set; } = [];

    public IReadOnlyList<BilingualText> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        (Role, Body, Active, Version) = (Person.Role ?? "", Person.BodyCode, Person.Active, Person.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await edit.HandleAsync(new EditUser.Command(HttpContext.Viewer(), id, Role, Body, Active, Version), cancellationToken);
        return await this.AnswerAsync(result, _ =>
        {
            TempData.Success("Users.Saved");
            return RedirectToPage("/Admin/Users", null, null, "user-" + id);
        }, async failure =>
        {
            // The administrator's choices stay in the form; the next save is made knowingly on top of the user as they are now.
            var stale = failure.Stale || failure.Kind == FailureKind.PreconditionRequired;
            Person = (await directory.FindAsync(id, cancellationToken))!;
            Problems = stale
                ? [new BilingualText(
                    "Un autre administrateur a modifié cet utilisateur entre-temps (ci-dessus : son état actuel) ; vos choix sont conservés. Enregistrez à nouveau pour les appliquer.",
                    "Another administrator changed this user in the meantime (above: how they are now); your choices are kept. Save again to apply them.")]
                : PageResults.Messages(failure);
            Version = Person.Version;
            ModelState.Remove(nameof(Version));
            if (stale)
            {
                Response.StatusCode = StatusCodes.Status409Conflict;
            }

            return Page();
        });
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var found = await directory.FindAsync(id, cancellationToken);
        if (found is null)
        {
            return false;
        }

        Person = found;
        Bodies = await directory.BodiesAsync(cancellationToken);
        return true;
    }
}
