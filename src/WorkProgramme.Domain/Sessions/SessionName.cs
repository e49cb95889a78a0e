using System.Globalization;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Sessions;

/// <summary>
/// A session as people name it, the one place that builds it: "243e/244e sessions du CTP (avril 2024)",
/// "243rd/244th Sessions of the PTC (April 2024)". The key (<c>ctp-243-244</c>) is for addresses and files only.
/// </summary>
public static class SessionName
{
    /// <summary>The body as the name needs it: its abbreviation in each language and its kind (for the French article).</summary>
    public sealed record BodyWords(string Code, BilingualText Abbreviations, BodyKind Kind)
    {
        public static BodyWords Of(Body body) => new(body.Code, body.Abbreviation, body.Kind);

        /// <summary>The abbreviation in that language; the code where the body has none (never invented).</summary>
        public string Abbreviation(Language language) => Abbreviations.For(language).Text ?? Code;

        /// <summary>"du CTP", "de la CPG", "de l’EPMD".</summary>
        public string FrenchOf()
        {
            var name = Abbreviation(Language.Fr);
            if ("AEIOUYÉ".Contains(char.ToUpperInvariant(name[0]), StringComparison.Ordinal))
            {
                return $"de l’{name}";
            }

            return Kind is BodyKind.PolicyCommission or BodyKind.ProjectTeam ? $"de la {name}" : $"du {name}";
        }
    }

    public static BilingualText Of(Session session, BodyWords body) => Of(session.Ordinals, session.Year, session.Month, body);

    public static BilingualText Of(IReadOnlyList<int> ordinals, int year, int month, BodyWords body) =>
        new(Of(ordinals, year, month, body, Language.Fr), Of(ordinals, year, month, body, Language.En));

    public static string Of(IReadOnlyList<int> ordinals, int year, int month, BodyWords body, Language language)
    {
        var plural = ordinals.Count > 1;
        return language == Language.Fr
            ? $"{Ordinals(ordinals, language)} {(plural ? "sessions" : "session")} {body.FrenchOf()} ({MonthYear(year, month, language)})"
            : $"{Ordinals(ordinals, language)} {(plural ? "Sessions" : "Session")} of the {body.Abbreviation(language)} ({MonthYear(year, month, language)})";
    }

    /// <summary>"243e/244e" in French, "243rd/244th" in English.</summary>
    public static string Ordinals(IEnumerable<int> ordinals, Language language) =>
        string.Join("/", ordinals.Select(o => Ordinal(o, language)));

    public static string Ordinal(int n, Language language) => language == Language.Fr
        ? (n == 1 ? "1re" : $"{n}e")
        : $"{n}{EnglishSuffix(n)}";

    /// <summary>"avril 2024", "April 2024": a month is written one way per language everywhere.</summary>
    public static string MonthYear(int year, int month, Language language) =>
        $"{MonthName(month, language)} {year.ToString(CultureInfo.InvariantCulture)}";

    public static string MonthName(int month, Language language) =>
        CultureInfo.GetCultureInfo(language == Language.Fr ? "fr-FR" : "en-GB").DateTimeFormat.GetMonthName(month);

    private static string EnglishSuffix(int n) => (n % 100) switch
    {
        11 or 12 or 13 => "th",
        _ => (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" },
    };
}
