using System.Globalization;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Sessions;

/// <summary>Which months a season's sessions may fall in: the body's usual meeting months and their neighbours.</summary>
public static class Seasons
{
    /// <summary>
    /// True when <paramref name="month"/> (1–12) can be called <paramref name="season"/>: the season's three months in
    /// the northern hemisphere, where the bodies meet, and the month either side (a June Council is "summer" as well as
    /// the end of spring). October is never "summer".
    /// </summary>
    public static bool Fits(Season season, int month)
    {
        var first = season switch
        {
            Season.Spring => 3,
            Season.Summer => 6,
            Season.Autumn => 9,
            _ => 12,
        };
        var distance = ((month - first) % 12 + 12) % 12;
        return distance <= 3 || distance == 11;
    }

    /// <summary>"en été" / "in summer" style words, for messages.</summary>
    public static string Name(Season season, Language language) => (season, language) switch
    {
        (Season.Spring, Language.Fr) => "au printemps",
        (Season.Summer, Language.Fr) => "en été",
        (Season.Autumn, Language.Fr) => "en automne",
        (Season.Winter, Language.Fr) => "en hiver",
        (Season.Spring, _) => "spring",
        (Season.Summer, _) => "summer",
        (Season.Autumn, _) => "autumn",
        _ => "winter",
    };

    public static string MonthName(int month, Language language) =>
        CultureInfo.GetCultureInfo(language.Code()).DateTimeFormat.GetMonthName(month);
}
