using System.Text;
using WorkProgramme.Domain.Activities;

namespace WorkProgramme.Domain.Common;

/// <summary>
/// The spelling of enumerations in files and the API: kebab-case ("time-bound", "not-started"), except
/// priorities, which the document writes as capitals.
/// </summary>
public static class Wire
{
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return typeof(TEnum) == typeof(Priority) ? name : Kebab(name);
    }

    public static string? Name<TEnum>(TEnum? value)
        where TEnum : struct, Enum =>
        value is { } v ? Name(v) : null;

    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Name(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static IEnumerable<string> Names<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(Name);

    private static string Kebab(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }
}
