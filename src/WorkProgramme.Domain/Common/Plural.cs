namespace WorkProgramme.Domain.Common;

/// <summary>
/// The plural rule of each language, named once: French takes the singular for 0 and 1 ("0 activité modifiée"),
/// English for 1 only ("0 activities changed"). The web app's words pick <c>Key.One</c>/<c>Key.Other</c> with it.
/// </summary>
public static class Plural
{
    public static bool IsOne(int count, Language language) => language == Language.Fr ? count is 0 or 1 : count == 1;

    /// <summary>"3 activités", "1 activity": the count and the form of the word it takes.</summary>
    public static string Count(int count, Language language, string one, string other) =>
        $"{count.ToString(System.Globalization.CultureInfo.InvariantCulture)} {(IsOne(count, language) ? one : other)}";
}
