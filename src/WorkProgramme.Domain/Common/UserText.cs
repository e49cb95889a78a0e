using System.Globalization;
using System.Text;

namespace WorkProgramme.Domain.Common;

/// <summary>
/// The one input policy for text a person writes, whatever the way in (page, API, JSON/Excel/Word import, CLI).
/// <see cref="Normalize"/> gives every text one spelling, so that the same words compare equal whichever client sent
/// them (a browser sends textarea line breaks as CRLF: saving unchanged text must change nothing).
/// <see cref="FaultIn"/> names what no text may hold: control characters (which PostgreSQL cannot store or which hide
/// text) and bidirectional overrides (which make a text read differently from what it says).
/// </summary>
public static class UserText
{
    /// <summary>
    /// Line breaks as <c>\n</c>, Unicode NFC, trimmed of white space and of invisible characters (zero-width spaces,
    /// word joiners, byte-order marks); null when nothing visible is left, so a text of only no-break or zero-width
    /// spaces counts as absent.
    /// </summary>
    public static string? Normalize(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.Contains('\r', StringComparison.Ordinal) ? value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : value;
        var start = 0;
        var end = text.Length;
        while (start < end && IsBlank(text[start]))
        {
            start++;
        }

        while (end > start && IsBlank(text[end - 1]))
        {
            end--;
        }

        if (start == end)
        {
            return null;
        }

        text = text[start..end];

        // string.IsNormalized throws on a lone surrogate: such a text is left as it is and refused by FaultIn.
        return HasValidSurrogates(text) && !text.IsNormalized(NormalizationForm.FormC) ? text.Normalize(NormalizationForm.FormC) : text;
    }

    /// <summary>White space and the invisible characters that only look like nothing.</summary>
    public static bool IsBlank(char c) =>
        char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u180E';

    /// <summary>The first character no text may hold, or null when the text is acceptable.</summary>
    public static TextFault? FaultIn(string? text)
    {
        if (text is null)
        {
            return null;
        }

        for (var index = 0; index < text.Length; index++)
        {
            var c = text[index];
            if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
                continue;
            }

            var kind = c switch
            {
                '\t' or '\n' => (TextFaultKind?)null,
                < '\u0020' or '\u007F' or (>= '\u0080' and <= '\u009F') or '\r' => TextFaultKind.Control,
                (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') => TextFaultKind.BidiControl,
                '\uFFFE' or '\uFFFF' => TextFaultKind.NotACharacter,
                _ when char.IsSurrogate(c) => TextFaultKind.NotACharacter,
                _ => null,
            };
            if (kind is { } found)
            {
                return new TextFault(found, c, index);
            }
        }

        return null;
    }

    private static bool HasValidSurrogates(string text)
    {
        for (var index = 0; index < text.Length; index++)
        {
            if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
            }
            else if (char.IsSurrogate(text[index]))
            {
                return false;
            }
        }

        return true;
    }
}

public enum TextFaultKind
{
    Control,
    BidiControl,
    NotACharacter,
}

/// <summary>A character a text may not hold, where it stands (from 1), said in both languages.</summary>
public sealed record TextFault(TextFaultKind Kind, char Character, int Index)
{
    public string CodePoint => "U+" + ((int)Character).ToString("X4", CultureInfo.InvariantCulture);

    public (string Fr, string En) Describe() => Kind switch
    {
        TextFaultKind.Control => ($"un caractère de contrôle ({CodePoint}) à la position {Index + 1}",
            $"a control character ({CodePoint}) at position {Index + 1}"),
        TextFaultKind.BidiControl => ($"un caractère qui inverse le sens de lecture ({CodePoint}) à la position {Index + 1}",
            $"a character that reverses the reading direction ({CodePoint}) at position {Index + 1}"),
        _ => ($"un caractère Unicode invalide ({CodePoint}) à la position {Index + 1}",
            $"an invalid Unicode character ({CodePoint}) at position {Index + 1}"),
    };
}
