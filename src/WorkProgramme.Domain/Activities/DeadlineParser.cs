using System.Globalization;
using System.Text.RegularExpressions;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;

namespace WorkProgramme.Domain.Activities;

/// <summary>
/// Reads the milestones of a deadline as the Secretariat writes it, in French or English:
/// "Printemps 2025 (CTP) / Juin 2025 (CPG et Conseil)", "Printemps 2023, 2024 et 2025 (CTP)", "Autumn 2024 (PTC)",
/// "Travail continu". The wording itself is always kept; what cannot be read gives no milestone, never a wrong one.
/// </summary>
public static partial class DeadlineParser
{
    private static readonly Dictionary<string, (MilestoneKind Kind, int Value)> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["printemps"] = (MilestoneKind.Season, (int)Season.Spring), ["spring"] = (MilestoneKind.Season, (int)Season.Spring),
        ["été"] = (MilestoneKind.Season, (int)Season.Summer), ["summer"] = (MilestoneKind.Season, (int)Season.Summer),
        ["automne"] = (MilestoneKind.Season, (int)Season.Autumn), ["autumn"] = (MilestoneKind.Season, (int)Season.Autumn),
        ["hiver"] = (MilestoneKind.Season, (int)Season.Winter), ["winter"] = (MilestoneKind.Season, (int)Season.Winter),
        ["janvier"] = (MilestoneKind.Month, 1), ["january"] = (MilestoneKind.Month, 1),
        ["février"] = (MilestoneKind.Month, 2), ["february"] = (MilestoneKind.Month, 2),
        ["mars"] = (MilestoneKind.Month, 3), ["march"] = (MilestoneKind.Month, 3),
        ["avril"] = (MilestoneKind.Month, 4), ["april"] = (MilestoneKind.Month, 4),
        ["mai"] = (MilestoneKind.Month, 5), ["may"] = (MilestoneKind.Month, 5),
        ["juin"] = (MilestoneKind.Month, 6), ["june"] = (MilestoneKind.Month, 6),
        ["juillet"] = (MilestoneKind.Month, 7), ["july"] = (MilestoneKind.Month, 7),
        ["août"] = (MilestoneKind.Month, 8), ["august"] = (MilestoneKind.Month, 8),
        ["septembre"] = (MilestoneKind.Month, 9), ["september"] = (MilestoneKind.Month, 9),
        ["octobre"] = (MilestoneKind.Month, 10), ["october"] = (MilestoneKind.Month, 10),
        ["novembre"] = (MilestoneKind.Month, 11), ["november"] = (MilestoneKind.Month, 11),
        ["décembre"] = (MilestoneKind.Month, 12), ["december"] = (MilestoneKind.Month, 12),
    };

    /// <summary>English abbreviations the English text may use for the French codes the data keeps.</summary>
    private static readonly Dictionary<string, string> EnglishBodies = new(StringComparer.Ordinal)
    {
        ["PTC"] = "CTP", ["PC"] = "CPG", ["Council"] = "Conseil", ["CBC"] = "CRC", ["EC"] = "CLF", ["HSC"] = "CSH", ["DMPT"] = "EPMD",
    };

    public static Deadline Parse(BilingualText text)
    {
        var source = text.Fr ?? text.En ?? "";
        if (ContinuousWork().IsMatch(source))
        {
            return Deadline.ContinuousWork(text);
        }

        var milestones = new List<DeadlineMilestone>();
        foreach (var part in source.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bodies = Brackets().Matches(part).SelectMany(m => BodyList(m.Groups[1].Value)).ToArray();
            var withoutBrackets = Brackets().Replace(part, " ");
            (MilestoneKind Kind, int Value)? current = null;
            foreach (Match token in Token().Matches(withoutBrackets))
            {
                if (Words.TryGetValue(token.Value, out var word))
                {
                    current = word;
                    continue;
                }

                if (!int.TryParse(token.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2200)
                {
                    continue;
                }

                milestones.Add(current switch
                {
                    { Kind: MilestoneKind.Season } season => new DeadlineMilestone { Kind = MilestoneKind.Season, Season = (Season)season.Value, Year = year, Bodies = bodies },
                    { Kind: MilestoneKind.Month } month => new DeadlineMilestone { Kind = MilestoneKind.Month, Month = month.Value, Year = year, Bodies = bodies },
                    _ => new DeadlineMilestone { Kind = MilestoneKind.Year, Year = year, Bodies = bodies },
                });
            }
        }

        return new Deadline(text, false, milestones);
    }

    private static IEnumerable<string> BodyList(string inside) =>
        inside.Split([",", " et ", " and ", "&"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(code => code == "Commission de politique générale" || code == "Policy Commission" ? "CPG" : code)
            .Select(code => EnglishBodies.GetValueOrDefault(code, code))
            .Where(code => code.Length is > 0 and <= 40);

    [GeneratedRegex(@"^\s*(travail continu|continuous work)\s*\.?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ContinuousWork();

    [GeneratedRegex(@"\(([^)]*)\)")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"[\p{L}]+|\d{4}")]
    private static partial Regex Token();
}
