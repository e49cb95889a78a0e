using Microsoft.AspNetCore.Identity;

namespace WorkProgramme.Application.Identity;

/// <summary>A person who signs in: a Secretariat officer, an administrator or a committee member.</summary>
public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>
    /// The body the user works for: an editor edits only its programmes, a member reads its drafts and comments on it.
    /// Null for an editor of all bodies and for administrators.
    /// </summary>
    public string? BodyCode { get; set; }

    /// <summary>The Secretariat unit of an officer (rounds filter by it), e.g. "Sous-direction de la facilitation".</summary>
    public string? Unit { get; set; }

    /// <summary>"fr" or "en": the language of every e-mail to this person. Null means French.</summary>
    public string? PreferredLanguage { get; set; }
}

public static class Roles
{
    public const string Admin = "admin";
    public const string Editor = "editor";
    public const string Member = "member";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Member];
}
