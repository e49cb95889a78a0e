using System.Security.Cryptography;
using System.Text;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// Keeps an uploaded file between its preview and the user's confirmation, on disk and only for the user who sent it:
/// the confirmation names a random token, never a path. Files older than an hour are swept away.
/// </summary>
public sealed class PendingUploads
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly string root = Path.Combine(Path.GetTempPath(), "workprogramme-uploads");

    public async Task<string> KeepAsync(string userId, byte[] content, CancellationToken cancellationToken)
    {
        Sweep();
        var folder = FolderOf(userId);
        Directory.CreateDirectory(folder);
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        await File.WriteAllBytesAsync(Path.Combine(folder, token), content, cancellationToken);
        return token;
    }

    /// <summary>The file kept under <paramref name="token"/> for this user; null when unknown or expired.</summary>
    public async Task<byte[]?> FindAsync(string userId, string? token, CancellationToken cancellationToken)
    {
        if (token is null || token.Length != 32 || !token.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var path = Path.Combine(FolderOf(userId), token);
        return File.Exists(path) && File.GetLastWriteTimeUtc(path) > DateTime.UtcNow - Lifetime
            ? await File.ReadAllBytesAsync(path, cancellationToken)
            : null;
    }

    public void Forget(string userId, string token)
    {
        if (token.Length == 32 && token.All(char.IsAsciiHexDigitLower))
        {
            File.Delete(Path.Combine(FolderOf(userId), token));
        }
    }

    private string FolderOf(string userId) =>
        Path.Combine(root, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..24]);

    private void Sweep()
    {
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            if (File.GetLastWriteTimeUtc(file) < DateTime.UtcNow - Lifetime)
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // Another request is reading it; the next sweep removes it.
                }
            }
        }
    }
}
