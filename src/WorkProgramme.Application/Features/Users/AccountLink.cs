using System.Security.Cryptography;
using System.Text;

namespace WorkProgramme.Application.Features.Users;

public enum AccountLinkPurpose
{
    Invitation,
    PasswordReset,
}

/// <summary>
/// A single-use link sent by e-mail to set a password: an invitation (valid 7 days) or a password reset (valid 2 hours).
/// Only the SHA-256 hash of its token is stored; a newer link for the same person revokes the older ones.
/// </summary>
public sealed class AccountLink
{
    public static readonly TimeSpan InvitationValidity = TimeSpan.FromDays(7);

    public static readonly TimeSpan ResetValidity = TimeSpan.FromHours(2);

    /// <summary>The page that takes the token, relative to the app's root (a fact checks the page's route is this one).</summary>
    public const string SetPasswordPath = "account/set-password";

    private AccountLink()
    {
        UserId = TokenHash = CreatedBy = null!;
    }

    private AccountLink(string userId, AccountLinkPurpose purpose, string tokenHash, DateTimeOffset now, string createdBy)
    {
        UserId = userId;
        Purpose = purpose;
        TokenHash = tokenHash;
        CreatedAt = now;
        ExpiresAt = now + (purpose == AccountLinkPurpose.Invitation ? InvitationValidity : ResetValidity);
        CreatedBy = createdBy;
    }

    public long Id { get; private set; }

    public string UserId { get; private set; }

    public AccountLinkPurpose Purpose { get; private set; }

    /// <summary>Hex SHA-256 of the token: a copy of the database does not hold a usable link.</summary>
    public string TokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string CreatedBy { get; private set; }

    /// <summary>A new link and the token to put in the e-mail (never stored).</summary>
    public static (AccountLink Link, string Token) Create(string userId, AccountLinkPurpose purpose, DateTimeOffset now, string createdBy)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new AccountLink(userId, purpose, HashOf(token), now, createdBy), token);
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public AccountLinkState StateAt(DateTimeOffset now) =>
        UsedAt is not null ? AccountLinkState.Used
        : RevokedAt is not null ? AccountLinkState.Replaced
        : now >= ExpiresAt ? AccountLinkState.Expired
        : AccountLinkState.Valid;

    public void Use(DateTimeOffset now) => UsedAt = now;

    public void Revoke(DateTimeOffset now) => RevokedAt = now;
}

public enum AccountLinkState
{
    Valid,
    Used,
    Replaced,
    Expired,
    Unknown,
}
