using System.Xml;
using System.Xml.Linq;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Documents.Translation;

/// <summary>One FR/EN pair of the translation memory.</summary>
public sealed record MemoryPair(string Fr, string En)
{
    /// <summary>Null for a pair of the record; the TMX file it was imported from otherwise (docs/decisions/0047).</summary>
    public string? Origin { get; init; }


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
                    p.Origin is null ? null : new XElement("prop", new XAttribute("type", OriginProperty), p.Origin),
                    Variant("fr", p.Fr),
                    Variant("en", p.En))))));
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        document.Save(writer);
    }

    /// <summary>The <c>&lt;prop&gt;</c> naming the file an imported pair came from.</summary>
    public const string OriginProperty = "x-workprogramme-origin";

    private const string ReferenceType = "x-activity-reference";

    /// <summary>The longest text a memory unit may hold in either language (the longest field's limit).</summary>
    public static readonly TextRule MemoryText = new("Le texte", "The text", TextRule.Narrative.MaxLength);

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
                    new XAttribute("type", ReferenceType), segment.Text);
        }
    }

    /// <summary>
    /// Reads a TMX (1.4b, and the 1.x files tools still write) from the translation service, hardened like the XLIFF
    /// import (<see cref="SafeXml"/>): each <c>&lt;tu&gt;</c> is a FR/EN pair, or skipped with the reason. Never throws for
    /// what a file holds.
    /// </summary>
    public static TmxRead Read(Stream stream)
    {
        var (document, problem) = SafeXml.Load(stream, ignoreDoctype: true);
        if (document is null)
        {
            return new TmxRead([], problem);
        }

        var root = document.Root;
        if (root is null || root.Name != "tmx" || root.Element("body") is not { } body)
        {
            return new TmxRead([], new BilingualText("Ce fichier n’est pas une mémoire de traduction TMX.", "This file is not a TMX translation memory."));
        }

        var headerSource = (string?)root.Element("header")?.Attribute("srclang");
        var units = body.Elements("tu").Select((tu, index) => ReadUnit(tu, index + 1, headerSource)).ToList();
        return new TmxRead(units, null);
    }

    private static TmxReadUnit ReadUnit(XElement tu, int number, string? headerSource)
    {
        var source = SafeXml.TryLanguage((string?)tu.Attribute("srclang") ?? headerSource, out var language) ? language : Language.Fr;
        string? fr = null, en = null;
        foreach (var tuv in tu.Elements("tuv"))
        {
            if (!SafeXml.TryLanguage((string?)tuv.Attribute(XNamespace.Xml + "lang") ?? (string?)tuv.Attribute("lang"), out var tuvLanguage)
                || (tuvLanguage == Language.Fr ? fr : en) is not null)
            {
                continue;
            }

            var text = tuv.Element("seg") is { } seg ? ReadSegment(seg) : null;
            if (text is null)
            {
                return Skipped(BrokenReference);
            }

            if (tuvLanguage == Language.Fr)
            {
                fr = text;
            }
            else
            {
                en = text;
            }
        }

        (fr, en) = (UserText.Normalize(fr), UserText.Normalize(en));
        if (fr is null || en is null)
        {
            return Skipped(fr is null && en is null ? NoLanguage : fr is null ? NoFrench : NoEnglish);
        }

        foreach (var (text, where) in new[] { (fr, ("en français", "in French")), (en, ("en anglais", "in English")) })
        {
            if (UserText.FaultIn(text) is { } fault)
            {
                var (faultFr, faultEn) = fault.Describe();
                return Skipped(new BilingualText($"le texte ({where.Item1}) contient {faultFr}", $"the text ({where.Item2}) contains {faultEn}"));
            }

            if (text.Length > MemoryText.MaxLength)
            {
                return Skipped(new BilingualText($"le texte ({where.Item1}) dépasse {MemoryText.MaxLength} caractères",
                    $"the text ({where.Item2}) is longer than {MemoryText.MaxLength} characters"));
            }
        }

        if (!ActivityReferences.In(fr).Order().SequenceEqual(ActivityReferences.In(en).Order()))
        {
            return Skipped(ReferencesDiffer);
        }

        return new TmxReadUnit(number, fr, en, source, null);

        TmxReadUnit Skipped(BilingualText reason) => new(number, null, null, source, reason);
    }

    /// <summary>
    /// A segment's text. Our reference placeholder (<c>&lt;ph type="x-activity-reference"&gt;</c>) is its token again; the
    /// other inline codes (<c>&lt;bpt&gt;</c>, <c>&lt;ept&gt;</c>, <c>&lt;it&gt;</c>, <c>&lt;ph&gt;</c>, <c>&lt;ut&gt;</c>) hold
    /// the native formatting of the translator's document, which plain texts do not have: dropped, the words around
    /// them kept; <c>&lt;hi&gt;</c> only highlights its words: they are kept. Null when a reference is broken.
    /// </summary>
    private static string? ReadSegment(XElement element)
    {
        var text = new System.Text.StringBuilder();
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    text.Append(t.Value);
                    break;
                case XElement ph when ph.Name == "ph" && (string?)ph.Attribute("type") == ReferenceType:
                    var token = ph.Value.Trim();
                    if (ActivityReferences.In(token) is not [var id] || ActivityReferences.Token(id) != token)
                    {
                        return null;
                    }

                    text.Append(token);
                    break;
                case XElement hi when hi.Name == "hi":
                    if (ReadSegment(hi) is not { } inner)
                    {
                        return null;
                    }

                    text.Append(inner);
                    break;
            }
        }

        return text.ToString();
    }

    private static readonly BilingualText NoFrench = new("pas de texte en français", "no French text");
    private static readonly BilingualText NoEnglish = new("pas de texte en anglais", "no English text");
    private static readonly BilingualText NoLanguage = new("ni français ni anglais", "neither French nor English");

    private static readonly BilingualText BrokenReference = new(
        "un renvoi à une autre activité (balise) est abîmé",
        "a reference to another activity (tag) is broken");

    private static readonly BilingualText ReferencesDiffer = new(
        "les renvois à d’autres activités ne sont pas les mêmes en français et en anglais",
        "the references to other activities differ between French and English");
}

/// <summary>One <c>&lt;tu&gt;</c> of a TMX as read (numbered from 1): the pair, or why it is skipped (<see cref="Skipped"/>).</summary>
public sealed record TmxReadUnit(int Number, string? Fr, string? En, Language Source, BilingualText? Skipped);

/// <summary>What a TMX held, or why it cannot be read at all (<see cref="Problem"/>).</summary>
public sealed record TmxRead(IReadOnlyList<TmxReadUnit> Units, BilingualText? Problem);

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
                found.Add(new XliffMatch(pair.In(source), pair.In(source.Other()), score) { Origin = pair.Origin });
            }
        }

        // A stable sort: at the same score the record's pairs, listed first, come before imported ones (docs/decisions/0047).
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
