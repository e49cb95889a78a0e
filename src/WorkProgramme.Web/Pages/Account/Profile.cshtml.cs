using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkProgramme.Application.Features.Users;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Common;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Pages.Account;

/// <summary>The signed-in user's page: who they are, and their API tokens (create, shown once; revoke).</summary>
[DoNotCompress]
public sealed class ProfileModel(UserManager<AppUser> users, ApiTokens.Handler tokens, UserPreferences.Handler preferences) : PageModel
{
    /// <summary>"fr", "en", or empty: the browser's.</summary>
    [BindProperty]
    public string? PreferredLanguage { get; set; }

    [BindProperty]
    public bool EmailSessionDigest { get; set; }

    [BindProperty]
    public bool EmailCommentNotices { get; set; }

    [BindProperty]
    public bool EmailRoundReminders { get; set; }

    [BindProperty]
    [Required]
    [StringLength(100)]
    public string TokenName { get; set; } = "";

    public AppUser Me { get; private set; } = null!;

    public IList<string> MyRoles { get; private set; } = [];

    public IReadOnlyList<ApiTokens.Summary> Tokens { get; private set; } = [];

    /// <summary>The secret of a token just created: shown on this response only.</summary>
    public string? NewSecret { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : Challenge();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            Problem = Localization.CurrentLanguage == Language.Fr ? "Donnez un nom au jeton." : "Give the token a name.";
            return Page();
        }

        try
        {
            NewSecret = (await tokens.CreateAsync(new ApiTokens.Create(Me.Id, TokenName), cancellationToken)).Secret;
            TokenName = "";
        }
        catch (DomainException refused)
        {
            Problem = refused.MessageFor(Localization.CurrentLanguage);
        }

        Tokens = await tokens.ListAsync(Me.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPreferencesAsync(CancellationToken cancellationToken)
    {
        var me = await users.GetUserAsync(User);
        if (me is null)
        {
            return Challenge();
        }

        var language = Languages.TryParse(PreferredLanguage, out var chosen) ? chosen : (Language?)null;
        await preferences.SaveAsync(me.Id, new UserPreferences.Choices(language?.Code(), EmailSessionDigest, EmailCommentNotices, EmailRoundReminders), cancellationToken);
        if (language is { } remembered)
        {
            Localization.Remember(HttpContext, remembered);
        }

        TempData.Success("Profile.PreferencesSaved");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        var me = await users.GetUserAsync(User);
        if (me is null)
        {
            return Challenge();
        }

        return await tokens.RevokeAsync(me.Id, id, cancellationToken) ? RedirectToPage() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var me = await users.GetUserAsync(User);
        if (me is null)
        {
            return false;
        }

        Me = me;
        (PreferredLanguage, EmailSessionDigest, EmailCommentNotices, EmailRoundReminders) =
            (me.PreferredLanguage, me.EmailSessionDigest, me.EmailCommentNotices, me.EmailRoundReminders);
        MyRoles = await users.GetRolesAsync(me);
        Tokens = await tokens.ListAsync(me.Id, cancellationToken);
        return true;
    }
}
