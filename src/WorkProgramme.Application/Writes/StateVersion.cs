using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WorkProgramme.Application.Writes;

/// <summary>
/// The version of a record that has no row-version column (a decision, a session, a version's adoption, an activity's
/// officers): a digest of its state as stored. It changes exactly when the state does, so it works as an ETag and as
/// the hidden version field of a form; <see cref="Write{T,TOut}.Serialized"/> closes the gap between check and save.
/// </summary>
public static class StateVersion
{
    public static string Of(params object?[] state)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(state)));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 12));
    }

    /// <summary>A row version (an integer concurrency token) as the version string the API and the forms carry.</summary>
    public static string Of(int rowVersion) => rowVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string? Of(int? rowVersion) => rowVersion is { } value ? Of(value) : null;
}
