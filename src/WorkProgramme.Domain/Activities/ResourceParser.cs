using System.Globalization;
using System.Text.RegularExpressions;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Activities;

/// <summary>A Secretariat unit that staffs activities, named as the resources column names it.</summary>
public enum StaffUnit
{
    Facilitation,
    Control,
    Origin,
    CapacityBuilding,
    Research,
    TariffAndTrade,
    InformationTechnology,
    Events,
}

/// <summary>Officers of one unit on one activity: a range, since the column often says "one/two".</summary>
public sealed record StaffShare(StaffUnit? Unit, decimal Min, decimal Max);

/// <summary>
/// What a resources text says in officers. <see cref="Unsure"/> when part of the text could not be read as a number of
/// officers of a known unit: the original wording must then be shown beside the figures.
/// </summary>
public sealed record StaffEstimate(string Text, IReadOnlyList<StaffShare> Shares, bool Unsure)
{
    public decimal Min => Shares.Sum(s => s.Min);

    public decimal Max => Shares.Sum(s => s.Max);
}

/// <summary>
/// Reads the resources column ("Un/deux agent(s) de la Sous-direction de la facilitation" → 1–2 officers of the
/// Facilitation Sub-Directorate, "0,5 agent" → 0.5) in French or English. Members of the committee are not staff and
/// are left out; a quantity without a unit, a unit without a quantity, or a team makes the estimate unsure.
/// </summary>
public static partial class ResourceParser
{
    private static readonly Dictionary<string, decimal> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["un"] = 1, ["une"] = 1, ["deux"] = 2, ["trois"] = 3, ["quatre"] = 4, ["cinq"] = 5,
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
    };

    private static readonly (Regex Pattern, StaffUnit Unit)[] Units =
    [
        (UnitPattern(@"facilitation"), StaffUnit.Facilitation),
        (UnitPattern(@"contr[ôo]le|control\b|compliance"), StaffUnit.Control),
        (UnitPattern(@"origine?\b"), StaffUnit.Origin),
        (UnitPattern(@"renforcement des capacit|capacity building|\bDRC\b|\bCBD\b|CLiKC"), StaffUnit.CapacityBuilding),
        (UnitPattern(@"unit[ée] de recherche|research unit"), StaffUnit.Research),
        (UnitPattern(@"tarifaires|tariff"), StaffUnit.TariffAndTrade),
        (UnitPattern(@"\bSIT\b|IT service|information technology"), StaffUnit.InformationTechnology),
        (UnitPattern(@"[ée]v[ée]nements|events"), StaffUnit.Events),
    ];

    public static StaffEstimate Parse(BilingualText resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return Parse(resources.Fr ?? resources.En ?? "");
    }

    public static StaffEstimate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quantities = Quantity().Matches(text);
        if (quantities.Count == 0)
        {
            // "Fonctionnaires de la Sous-Direction de l'Origine", "Équipe en charge du projet": who, but not how many.
            return new StaffEstimate(text, [], true);
        }

        var shares = new List<StaffShare>();
        var unsure = false;
        for (var i = 0; i < quantities.Count; i++)
        {
            var match = quantities[i];
            var end = i + 1 < quantities.Count ? quantities[i + 1].Index : text.Length;
            var units = UnitsIn(text[match.Index..end]);

            // "Un/deux fonctionnaires, un responsable de projet et un assistant de projet de la Sous-Direction
            // Facilitation": the unit named last covers the people listed before it.
            if (units.Count == 0)
            {
                units = quantities.Skip(i + 1).Select(q => UnitsIn(text[q.Index..])).FirstOrDefault(u => u.Count > 0) ?? [];
            }

            var min = Number(match.Groups["min"].Value);
            var max = match.Groups["max"].Success ? Number(match.Groups["max"].Value) : min;
            if (min is null || max is null || units.Count != 1)
            {
                unsure = true;
            }

            shares.Add(new StaffShare(units.Count == 1 ? units[0] : null, min ?? 0, max ?? min ?? 0));
        }

        return new StaffEstimate(text, shares, unsure);
    }

    private static List<StaffUnit> UnitsIn(string segment) =>
        Units.Where(u => u.Pattern.IsMatch(segment)).Select(u => u.Unit).ToList();

    private static decimal? Number(string token)
    {
        if (Words.TryGetValue(token, out var word))
        {
            return word;
        }

        return decimal.TryParse(token.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    private static Regex UnitPattern(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private const string NumberToken = @"\d+(?:[.,]\d+)?|un|une|deux|trois|quatre|cinq|one|two|three|four|five";

    [GeneratedRegex(@"(?<![\p{L}\d])(?<min>" + NumberToken + @")(?:\s*/\s*(?<max>" + NumberToken + @"))?\s+(?:agents?(?:\(s\))?|fonctionnaires?|officers?|staff|responsable|assistant|project manager|project assistant)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Quantity();
}
