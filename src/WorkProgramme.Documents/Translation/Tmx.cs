using System.Xml;
using System.Xml.Linq;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Documents.Translation;

/// <summary>One FR/EN pair of the translation memory.</summary>
public sealed record MemoryPair(string Fr, string En)
{
    public string In(Language language) => language == Language.Fr ? Fr : En;
}

/// <summary>The translation memory as TMX 1.4b, the exchange format of CAT tools (docs/decisions/0044).</summary>
public static class Tmx
{
    public static void Write(Stream stream, IEnumerable<MemoryPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("tmx", new XAttribute("version", "1.4"),
                new XElement("header",
                    new XAttribute("creationtool", "WorkProgramme"),
                    new XAttribute("creationtoolversion", "1"),
                    new XAttribute("segtype", "paragraph"),
                    new XAttribute("o-tmf", "WorkProgramme"),
                    new XAttribute("adminlang", "en"),
                    new XAttribute("srclang", "fr"),
                    new XAttribute("datatype", "plaintext")),
                new XElement("body", pairs.Select(p => new XElement("tu",
                    Variant("fr", p.Fr),
                    Variant("en", p.En))))));
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        document.Save(writer);
    }

    private static XElement Variant(string language, string text) =>
        new("tuv", new XAttribute(XNamespace.Xml + "lang", language), new XElement("seg", Inline(text)));

    /// <summary>A reference is a placeholder (<c>&lt;ph&gt;</c> holding the stored token), as in the XLIFF.</summary>
    private static IEnumerable<object> Inline(string text)
    {
        var placeholder = 0;
        foreach (var segment in ActivityReferences.Split(text))
        {
            yield return segment.Target is null
                ? new XText(segment.Text)
                : new XElement("ph", new XAttribute("x", (++placeholder).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new XAttribute("type", "x-activity-reference"), segment.Text);
        }
    }
}

/// <summary>
/// Exact and near matches of a text among the memory's pairs, scored 0–100 by words: 100 minus the share of words to
/// insert, delete or replace (a date changed in a sentence of twenty words scores 95).
/// </summary>
public sealed class MemoryMatcher
{
    public const int MinimumScore = 75;

    private readonly IReadOnlyList<(MemoryPair Pair, string[] Words, HashSet<string> Set)> entries;
    private readonly Language source;

    public MemoryMatcher(IEnumerable<MemoryPair> pairs, Language source)
    {
        this.source = source;
        entries = pairs.Select(p => (p, Words(p.In(source)), new HashSet<string>(Words(p.In(source)), StringComparer.Ordinal))).ToList();
    }

    public IReadOnlyList<XliffMatch> Matches(string text, int max = 3)
    {
        var words = Words(text);
        var set = new HashSet<string>(words, StringComparer.Ordinal);
        var found = new List<XliffMatch>();
        foreach (var (pair, candidate, candidateSet) in entries)
        {
            var longer = Math.Max(words.Length, candidate.Length);
            if (longer == 0 || Math.Min(words.Length, candidate.Length) * 100 / longer < MinimumScore)
            {
                continue;
            }

            // Cheap bound first: words in common cap the score.
            var common = set.Count(candidateSet.Contains);
            if (common * 100 / Math.Max(set.Count, candidateSet.Count) < MinimumScore - 10)
            {
                continue;
            }

            var score = pair.In(source) == text ? 100 : Math.Min(99, 100 - (Distance(words, candidate) * 100 / longer));
            if (score >= MinimumScore)
            {
                found.Add(new XliffMatch(pair.In(source), pair.In(source.Other()), score));
            }
        }

        return found.OrderByDescending(m => m.Score).DistinctBy(m => m.Target).Take(max).ToList();
    }

    private static string[] Words(string text) => text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);

    private static int Distance(string[] a, string[] b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
