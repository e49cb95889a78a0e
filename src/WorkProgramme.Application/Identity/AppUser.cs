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

    /// <summary>
    /// When an administrator deactivated the account (null: active). A deactivated user cannot sign in, and their session
    /// cookie and API tokens are refused; the account is never deleted, because the audit trail names it.
    /// </summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    public bool IsActive => DeactivatedAt is null;

    /// <summary>The last successful sign-in (not audited: it is not a change anyone made to the record).</summary>
    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>"fr" or "en": the interface's language after sign-in and the language of every e-mail to this person.</summary>
    public string? PreferredLanguage { get; set; }

    /// <summary>The user wants the session digest by e-mail when a round of their body is published.</summary>
    public bool EmailSessionDigest { get; set; }

    /// <summary>The user wants to be told of new comments on the activities assigned to them.</summary>
    public bool EmailCommentNotices { get; set; } = true;

    /// <summary>The user wants the round reminders: their reports not yet updated, or the round's progress for an editor.</summary>
    public bool EmailRoundReminders { get; set; } = true;
}

public static class Roles
{
    public const string Admin = "admin";
    public const string Editor = "editor";
    public const string Member = "member";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Member];

    /// <summary>A user has one role; should the store hold several, the one with the most rights is theirs.</summary>
    public static string? Highest(IEnumerable<string> roles)
    {
        var held = roles.ToHashSet(StringComparer.Ordinal);
        return All.FirstOrDefault(held.Contains);
    }
}
