using System.Security.Cryptography;
using System.Text;

namespace WorkProgramme.Application.Identity;

/// <summary>
/// A token a user gives a script (<c>Authorization: Bearer …</c>). Only its SHA-256 hash is stored: the token itself is
/// shown once, when it is created.
/// </summary>
public sealed class ApiToken
{
    public const string Prefix = "wpt_";

    private ApiToken()
    {
        UserId = Name = Hash = null!;
    }

    private ApiToken(string userId, string name, string hash, DateTimeOffset createdAt)
    {
        UserId = userId;
        Name = name;
        Hash = hash;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public string UserId { get; private set; }

    public string Name { get; private set; }

    public string Hash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>Creates a token; returns the entity to store and the secret to show once.</summary>
    public static (ApiToken Token, string Secret) Issue(string userId, string name, DateTimeOffset now)
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new ApiToken(userId, name.Trim(), HashOf(secret), now), secret);
    }

    public static string HashOf(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
