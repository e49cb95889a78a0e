using System.Globalization;
using System.Text.RegularExpressions;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Activities;

/// <summary>
/// A reference from a text to another activity, stored as a token naming the activity's stable id
/// (<c>[[activity:GUID]]</c>) where the writer put its number, and shown with the number it has in the version read
/// (docs/decisions/0006). Renumbering changes nothing in the text, so the reference keeps pointing at the same activity.
/// </summary>
public static partial class ActivityReferences
{
    /// <summary>One piece of a text: plain words, or a reference to the activity <see cref="Target"/>.</summary>
    public sealed record Segment(string Text, Guid? Target);

    /// <summary>A number written in plain words ("activité 25", "activity No. 32") that could become a reference.</summary>
    public sealed record Mention(int Number, int Index, int Length);

    public static string Token(Guid activityId) => $"[[activity:{activityId:D}]]";

    /// <summary>The activities a text refers to, in the order written.</summary>
    public static IReadOnlyList<Guid> In(string? text) =>
        text is null ? [] : TokenPattern().Matches(text).Select(m => Guid.Parse(m.Groups[1].Value)).ToList();

    public static IReadOnlyList<Guid> In(BilingualText text) => [.. In(text.Fr), .. In(text.En)];

    public static bool HasAny(string? text) => text is not null && text.Contains("[[activity:", StringComparison.Ordinal);

    public static IReadOnlyList<Segment> Split(string text)
    {
        var segments = new List<Segment>();
        var at = 0;
        foreach (Match match in TokenPattern().Matches(text))
        {
            if (match.Index > at)
            {
                segments.Add(new Segment(text[at..match.Index], null));
            }

            segments.Add(new Segment(match.Value, Guid.Parse(match.Groups[1].Value)));
            at = match.Index + match.Length;
        }

        if (at < text.Length)
        {
            segments.Add(new Segment(text[at..], null));
        }

        return segments;
    }

    /// <summary>The text with each reference replaced by what <paramref name="number"/> says of its activity.</summary>
    public static string Render(string text, Func<Guid, string> number) =>
        HasAny(text) ? TokenPattern().Replace(text, m => number(Guid.Parse(m.Groups[1].Value))) : text;

    public static BilingualText Render(BilingualText text, Func<Guid, Language, string> number) =>
        HasAny(text.Fr) || HasAny(text.En)
            ? new BilingualText(
                text.Fr is null ? null : Render(text.Fr, id => number(id, Language.Fr)),
                text.En is null ? null : Render(text.En, id => number(id, Language.En)))
            : text;

    /// <summary>"activité 25", "activités 3 et 4" (first number), "activité n° 32", "activity 7", "activity No. 7".</summary>
    public static IReadOnlyList<Mention> Mentions(string? text) =>
        text is null
            ? []
            : MentionPattern().Matches(text)
                .Select(m => m.Groups["n"])
                .Select(g => new Mention(int.Parse(g.Value, CultureInfo.InvariantCulture), g.Index, g.Length))
                .ToList();

    /// <summary>
    /// Turns every plain mention whose number <paramref name="activityNumbered"/> knows into a reference; the words
    /// around it stay as written. Mentions of unknown numbers are left alone.
    /// </summary>
    public static string Link(string text, Func<int, Guid?> activityNumbered)
    {
        var mentions = Mentions(text);
        if (mentions.Count == 0)
        {
            return text;
        }

        var result = new System.Text.StringBuilder(text);
        foreach (var mention in mentions.OrderByDescending(m => m.Index))
        {
            if (activityNumbered(mention.Number) is { } id)
            {
                result.Remove(mention.Index, mention.Length).Insert(mention.Index, Token(id));
            }
        }

        return result.ToString();
    }

    public static BilingualText Link(BilingualText text, Func<int, Guid?> activityNumbered) =>
        new(text.Fr is null ? null : Link(text.Fr, activityNumbered), text.En is null ? null : Link(text.En, activityNumbered));

    /// <summary>A reference as an edit form shows it: "[[I.12]]", the section and number of the activity.</summary>
    public static string EditableToken(string label) => $"[[{label}]]";

    /// <summary>
    /// The text with each "[[I.12]]" turned back into the reference to the activity <paramref name="activityLabelled"/>
    /// names; a label that names none is added to <paramref name="unknown"/> and left as written.
    /// </summary>
    public static string FromEditable(string text, Func<string, Guid?> activityLabelled, ICollection<string> unknown)
    {
        ArgumentNullException.ThrowIfNull(unknown);
        return text.Contains("[[I", StringComparison.Ordinal)
            ? EditablePattern().Replace(text, m =>
            {
                var label = m.Groups["label"].Value;
                if (activityLabelled(label) is { } id)
                {
                    return Token(id);
                }

                unknown.Add(m.Value);
                return m.Value;
            })
            : text;
    }

    public static BilingualText FromEditable(BilingualText text, Func<string, Guid?> activityLabelled, ICollection<string> unknown) =>
        new(text.Fr is null ? null : FromEditable(text.Fr, activityLabelled, unknown),
            text.En is null ? null : FromEditable(text.En, activityLabelled, unknown));

    /// <summary>
    /// The content with every "[[I.12]]" an edit form shows turned back into a reference to the activity
    /// <paramref name="activityLabelled"/> names; labels that name none are added to <paramref name="unknown"/>.
    /// </summary>
    public static ActivityContent FromEditable(ActivityContent content, Func<string, Guid?> activityLabelled, ICollection<string> unknown)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content with
        {
            Title = FromEditable(content.Title, activityLabelled, unknown),
            Resources = FromEditable(content.Resources, activityLabelled, unknown),
            Kpi = FromEditable(content.Kpi, activityLabelled, unknown),
            Deadline = new Deadline(FromEditable(content.Deadline.Text, activityLabelled, unknown), content.Deadline.Continuous, content.Deadline.Milestones),
        };
    }

    [GeneratedRegex(@"\[\[(?<label>I{1,2}\.[1-9][0-9]{0,2})\]\]")]
    private static partial Regex EditablePattern();

    [GeneratedRegex(@"\[\[activity:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\]\]")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"\b(?:activit[ée]s?|activity|activities)\s+(?:(?:n[°o]|no\.|number)\s*)?(?<n>\d{1,3})\b(?![.,]\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
