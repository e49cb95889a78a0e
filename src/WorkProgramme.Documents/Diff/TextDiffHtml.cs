using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace WorkProgramme.Documents.Diff;

/// <summary>
/// The words a screen reader announces around a change, since the strike-through and underline of
/// <c>del</c> and <c>ins</c> are not announced by most of them.
/// </summary>
public sealed record DiffLabels(string InsertionStart, string InsertionEnd, string DeletionStart, string DeletionEnd)
{
    public static DiffLabels French { get; } = new("début d’insertion", "fin d’insertion", "début de suppression", "fin de suppression");

    public static DiffLabels English { get; } = new("insertion start", "insertion end", "deletion start", "deletion end");
}

public static class TextDiffHtml
{
    // The default encoder escapes every non-ASCII character; French text would become a wall of &#xE9;.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <param name="render">Rewrites a piece's raw text before it is encoded (references to activities as numbers).</param>
    public static string ToHtml(IReadOnlyList<TextChange> changes, DiffLabels labels, Func<string, string>? render = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(labels);

        var html = new StringBuilder();
        foreach (var piece in changes)
        {
            var change = render is null ? piece : piece with { Text = render(piece.Text) };
            switch (change.Kind)
            {
                case ChangeKind.Inserted:
                    Wrap(html, "ins", labels.InsertionStart, change.Text, labels.InsertionEnd);
                    break;
                case ChangeKind.Deleted:
                    Wrap(html, "del", labels.DeletionStart, change.Text, labels.DeletionEnd);
                    break;
                default:
                    AppendText(html, change.Text);
                    break;
            }
        }

        return html.ToString();
    }

    private static void Wrap(StringBuilder html, string element, string start, string text, string end)
    {
        html.Append('<').Append(element).Append("><span class=\"visually-hidden\">[")
            .Append(Encoder.Encode(start)).Append("] </span>");
        AppendText(html, text);
        html.Append("<span class=\"visually-hidden\"> [").Append(Encoder.Encode(end)).Append("]</span></")
            .Append(element).Append('>');
    }

    private static void AppendText(StringBuilder html, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
                html.Append("<br>");
            html.Append(Encoder.Encode(lines[i]));
        }
    }
}
