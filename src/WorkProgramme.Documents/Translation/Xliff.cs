using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Documents.Translation;

/// <summary>Where a translation stands, as XLIFF 1.2's <c>state</c> attribute of a target says it.</summary>
public enum UnitState
{
    /// <summary>No translation yet.</summary>
    NeedsTranslation,

    /// <summary>A translation exists but the source changed after it was written (translation drift).</summary>
    NeedsReviewTranslation,

    /// <summary>The translation follows the source.</summary>
    Translated,
}

/// <summary>A suggestion from the translation memory for a unit, with its match score (100 = exact).</summary>
public sealed record XliffMatch(string Source, string Target, int Score)
{
    /// <summary>Where the pair comes from: null for the record, else the TMX file it was imported from (docs/decisions/0047).</summary>
    public string? Origin { get; init; }
}

/// <summary>
/// One text to translate. <see cref="Source"/> and <see cref="Target"/> hold references as the stored tokens
/// (<c>[[activity:GUID]]</c>); the file shows each as a placeholder the translator moves but cannot edit.
/// </summary>
public sealed record XliffUnit(string Id, string Source, string? Target, UnitState State, IReadOnlyList<string> Notes)
{
    public IReadOnlyList<XliffMatch> Matches { get; init; } = [];
}

/// <summary>One <c>&lt;file&gt;</c>: the texts of one programme version, with the labels its references show.</summary>
public sealed record XliffFile(string Original, Language SourceLanguage, Language TargetLanguage, IReadOnlyList<XliffUnit> Units)
{
    /// <summary>How each referenced activity is numbered in this version ("I.12"), shown on its placeholder.</summary>
    public IReadOnlyDictionary<Guid, string> Labels { get; init; } = new Dictionary<Guid, string>();
}

/// <summary>A unit as read back: the texts with references as tokens again, or why the unit cannot be taken.</summary>
public sealed record XliffReadUnit(string Id, string? Source, string? Target, string? State, BilingualText? Problem);

public sealed record XliffReadFile(string Original, string SourceLanguage, string TargetLanguage, IReadOnlyList<XliffReadUnit> Units);

/// <summary>What a file held, or why it cannot be read at all (<see cref="Problem"/>).</summary>
public sealed record XliffRead(IReadOnlyList<XliffReadFile> Files, BilingualText? Problem);

/// <summary>
/// XLIFF 1.2, the version every CAT tool reads (docs/decisions/0043): written with System.Xml.Linq, read with a reader that
/// refuses DTDs, entities and oversized files before anything is parsed.
/// </summary>
public static class Xliff
{
    public const long MaxFileBytes = SafeXml.MaxFileBytes;

    public static readonly XNamespace Ns = "urn:oasis:names:tc:xliff:document:1.2";

    /// <summary>Our own attribute on a placeholder: the activity it stands for (tools keep foreign attributes).</summary>
    public static readonly XNamespace Wp = "urn:workprogramme:xliff";

    private const string ReferenceType = "x-activity-reference";

    public static void Write(Stream stream, IReadOnlyList<XliffFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(Ns + "xliff",
                new XAttribute("version", "1.2"),
                new XAttribute(XNamespace.Xmlns + "wp", Wp),
                files.Select(FileElement)));
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        document.Save(writer);
    }

    private static XElement FileElement(XliffFile file) =>
        new(Ns + "file",
            new XAttribute("original", file.Original),
            new XAttribute("source-language", file.SourceLanguage.Code()),
            new XAttribute("target-language", file.TargetLanguage.Code()),
            new XAttribute("datatype", "plaintext"),
            new XElement(Ns + "body", file.Units.Select(u => UnitElement(u, file.Labels))));

    private static XElement UnitElement(XliffUnit unit, IReadOnlyDictionary<Guid, string> labels)
    {
        var element = new XElement(Ns + "trans-unit",
            new XAttribute("id", unit.Id),
            new XAttribute(XNamespace.Xml + "space", "preserve"),
            new XElement(Ns + "source", Inline(unit.Source, labels)));
        if (unit.Target is not null)
        {
            element.Add(new XElement(Ns + "target", new XAttribute("state", StateName(unit.State)), Inline(unit.Target, labels)));
        }

        element.Add(unit.Notes.Select(n => new XElement(Ns + "note", n)));
        element.Add(unit.Matches.Select(m => new XElement(Ns + "alt-trans",
            new XAttribute("match-quality", m.Score.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("origin", m.Origin ?? "translation-memory"),
            new XElement(Ns + "source", Inline(m.Source, labels)),
            new XElement(Ns + "target", Inline(m.Target, labels)))));
        return element;
    }

    /// <summary>
    /// Text with each reference as <c>&lt;x/&gt;</c>, numbered in order of appearance; the number it shows is its
    /// <c>equiv-text</c>.
    /// </summary>
    private static IEnumerable<object> Inline(string text, IReadOnlyDictionary<Guid, string> labels)
    {
        var placeholder = 0;
        foreach (var segment in ActivityReferences.Split(text))
        {
            if (segment.Target is { } id)
            {
                placeholder++;
                yield return new XElement(Ns + "x",
                    new XAttribute("id", placeholder.ToString(CultureInfo.InvariantCulture)),
                    new XAttribute("ctype", ReferenceType),
                    new XAttribute("equiv-text", labels.GetValueOrDefault(id, "?")),
                    new XAttribute(Wp + "activity", id.ToString("D")));
            }
            else
            {
                yield return new XText(segment.Text);
            }
        }
    }

    public static string StateName(UnitState state) => state switch
    {
        UnitState.NeedsTranslation => "needs-translation",
        UnitState.NeedsReviewTranslation => "needs-review-translation",
        _ => "translated",
    };

    /// <summary>Reads a file written by us and filled by a translator's tool; never throws for what a file holds.</summary>
    public static XliffRead Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (document, problem) = SafeXml.Load(stream);
        if (document is null)
        {
            return Refused(problem!);
        }

        var root = document.Root;
        if (root is null || root.Name != Ns + "xliff" || (string?)root.Attribute("version") != "1.2")
        {
            return Refused(new BilingualText(
                "Ce fichier n’est pas un fichier XLIFF 1.2.",
                "This file is not an XLIFF 1.2 file."));
        }

        var files = root.Elements(Ns + "file").Select(ReadFile).ToList();
        return new XliffRead(files, null);
    }

    private static XliffRead Refused(BilingualText problem) => new([], problem);

    private static XliffReadFile ReadFile(XElement file) => new(
        (string?)file.Attribute("original") ?? "",
        (string?)file.Attribute("source-language") ?? "",
        (string?)file.Attribute("target-language") ?? "",
        file.Descendants(Ns + "trans-unit").Select(ReadUnit).ToList());

    private static XliffReadUnit ReadUnit(XElement unit)
    {
        var id = (string?)unit.Attribute("id") ?? "";
        var sourceElement = unit.Element(Ns + "source");
        var targetElement = unit.Element(Ns + "target");
        var placeholders = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var sourceIds = new List<string>();
        var source = sourceElement is null ? null : ReadInline(sourceElement, placeholders, sourceIds, isSource: true);
        if (source is null)
        {
            return new XliffReadUnit(id, null, null, null, BrokenPlaceholders);
        }

        if (targetElement is null)
        {
            return new XliffReadUnit(id, source, null, null, null);
        }

        var targetIds = new List<string>();
        var target = ReadInline(targetElement, placeholders, targetIds, isSource: false);
        var intact = target is not null && sourceIds.Order(StringComparer.Ordinal).SequenceEqual(targetIds.Order(StringComparer.Ordinal));
        return new XliffReadUnit(id, source, intact ? target : null, (string?)targetElement.Attribute("state"), intact ? null : BrokenPlaceholders);
    }

    private static readonly BilingualText BrokenPlaceholders = new(
        "les renvois à d’autres activités (balises) ne sont pas revenus intacts",
        "the references to other activities (tags) did not come back intact");

    /// <summary>
    /// The element's text with each placeholder back as its token. Markup the translator typed is text (the parser
    /// already made it so); inline elements other than <c>&lt;x/&gt;</c>, <c>&lt;g&gt;</c> and <c>&lt;mrk&gt;</c> break the unit.
    /// </summary>
    private static string? ReadInline(XElement element, Dictionary<string, Guid> placeholders, List<string> ids, bool isSource)
    {
        var text = new System.Text.StringBuilder();
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    text.Append(t.Value);
                    break;
                case XElement x when x.Name == Ns + "x" || x.Name == Ns + "ph":
                    var pid = (string?)x.Attribute("id");
                    if (pid is null)
                    {
                        return null;
                    }

                    if (isSource)
                    {
                        if (!Guid.TryParse((string?)x.Attribute(Wp + "activity"), out var activity) || !placeholders.TryAdd(pid, activity))
                        {
                            return null;
                        }
                    }
                    else if (!placeholders.ContainsKey(pid))
                    {
                        return null;
                    }

                    ids.Add(pid);
                    text.Append(ActivityReferences.Token(placeholders[pid]));
                    break;
                case XElement g when g.Name == Ns + "g" || g.Name == Ns + "mrk":
                    var inner = ReadInline(g, placeholders, ids, isSource);
                    if (inner is null)
                    {
                        return null;
                    }

                    text.Append(inner);
                    break;
                case XElement:
                    return null;
            }
        }

        return text.ToString();
    }
}
