using System.Globalization;

namespace WorkProgramme.Domain.Common;

public enum Language
{
    Fr,
    En,
}

public static class Languages
{
    public static Language FromCulture(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? Language.En : Language.Fr;

    public static Language Other(this Language language) => language == Language.Fr ? Language.En : Language.Fr;

    public static string Code(this Language language) => language == Language.Fr ? "fr" : "en";

    public static bool TryParse(string? code, out Language language)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "fr":
                language = Language.Fr;
                return true;
            case "en":
                language = Language.En;
                return true;
            default:
                language = Language.Fr;
                return false;
        }
    }
}
