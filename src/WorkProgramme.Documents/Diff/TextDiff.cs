using System.Buffers;
using System.Text;
using DiffPlex;

namespace WorkProgramme.Documents.Diff;

public enum ChangeKind
{
    Unchanged,
    Inserted,
    Deleted,
}

/// <summary>One run of text that is in both versions, only in the new one, or only in the old one.</summary>
public sealed record TextChange(ChangeKind Kind, string Text);

/// <summary>
/// Word-level difference between two versions of a text, for "what changed" pages and revision redlines.
/// Unchanged + Deleted pieces rebuild the old text exactly, Unchanged + Inserted the new one.
/// </summary>
public static class TextDiff
{
    private static readonly WordChunks Words = new();

    public static IReadOnlyList<TextChange> Compute(string? oldText, string? newText)
    {
        oldText ??= "";
        newText ??= "";
        if (oldText == newText)
            return oldText.Length == 0 ? [] : [new TextChange(ChangeKind.Unchanged, oldText)];

        var diff = Differ.Instance.CreateDiffs(oldText, newText, false, false, Words);
        var builder = new Builder();
        var oldPosition = 0;
        foreach (var block in diff.DiffBlocks)
        {
            builder.Change(
                Join(diff.PiecesOld, oldPosition, block.DeleteStartA - oldPosition),
                Join(diff.PiecesOld, block.DeleteStartA, block.DeleteCountA),
                Join(diff.PiecesNew, block.InsertStartB, block.InsertCountB));
            oldPosition = block.DeleteStartA + block.DeleteCountA;
        }

        builder.End(Join(diff.PiecesOld, oldPosition, diff.PiecesOld.Count - oldPosition));
        return builder.Changes;
    }

    public static bool HasChanges(this IReadOnlyList<TextChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.Any(c => c.Kind != ChangeKind.Unchanged);
    }

    private static string Join(IReadOnlyList<string> pieces, int start, int count)
    {
        var text = new StringBuilder();
        for (var i = start; i < start + count; i++)
            text.Append(pieces[i]);
        return text.ToString();
    }

    /// <summary>
    /// DiffPlex's WordChunker separators plus line breaks, each separator its own chunk. WordChunker glues line
    /// breaks to the next word and keeps a run of separators as one chunk, so removing a blank line before
    /// "Échéance" would redline the word too, and ".\n\n" against ".\n" would redline the full stop.
    /// </summary>
    private sealed class WordChunks : IChunker
    {
        private static readonly SearchValues<char> Separators = SearchValues.Create(" \t.(){},!?;\r\n");

        public IReadOnlyList<string> Chunk(string str)
        {
            var chunks = new List<string>();
            var rest = str.AsSpan();
            while (!rest.IsEmpty)
            {
                var word = rest.IndexOfAny(Separators);
                var length = word switch
                {
                    0 => 1,
                    < 0 => rest.Length,
                    _ => word,
                };
                chunks.Add(rest[..length].ToString());
                rest = rest[length..];
            }

            return chunks;
        }
    }

    /// <summary>
    /// Holds the current replacement until real unchanged text ends it, so a reader sees
    /// "[-old words-][+new words+]" rather than a word-by-word alternation.
    /// </summary>
    private sealed class Builder
    {
        private readonly StringBuilder deleted = new();
        private readonly StringBuilder inserted = new();

        public List<TextChange> Changes { get; } = [];

        private bool Pending => deleted.Length > 0 || inserted.Length > 0;

        public void Change(string unchangedBefore, string oldPart, string newPart)
        {
            // A space or a comma between two changed words is not worth breaking the replacement for; it is in
            // both texts, so taking it into both sides keeps the rebuilt texts exact. Not between two plain
            // insertions (or deletions), where it would show text as removed that was not, nor across lines.
            var joins = Pending
                && (deleted.Length > 0 || oldPart.Length > 0) && (inserted.Length > 0 || newPart.Length > 0)
                && !unchangedBefore.Any(c => char.IsLetterOrDigit(c) || c is '\n' or '\r');
            if (joins)
            {
                deleted.Append(unchangedBefore);
                inserted.Append(unchangedBefore);
            }
            else
            {
                Flush();
                Add(ChangeKind.Unchanged, unchangedBefore);
            }

            deleted.Append(oldPart);
            inserted.Append(newPart);
        }

        public void End(string unchangedAfter)
        {
            Flush();
            Add(ChangeKind.Unchanged, unchangedAfter);
        }

        private void Flush()
        {
            var oldPart = deleted.ToString();
            var newPart = inserted.ToString();
            deleted.Clear();
            inserted.Clear();

            // A word chunk may start or end with punctuation the chunker keeps ("«41%»", "<b>"); whatever the two
            // sides share at their edges is unchanged, so only the differing part is marked.
            var prefix = CommonSeparators(oldPart, newPart, fromEnd: false);
            var suffix = CommonSeparators(oldPart[prefix..], newPart[prefix..], fromEnd: true);

            Add(ChangeKind.Unchanged, oldPart[..prefix]);
            Add(ChangeKind.Deleted, oldPart[prefix..^suffix]);
            Add(ChangeKind.Inserted, newPart[prefix..^suffix]);
            Add(ChangeKind.Unchanged, oldPart[^suffix..]);
        }

        private static int CommonSeparators(string a, string b, bool fromEnd)
        {
            var length = 0;
            while (length < a.Length && length < b.Length)
            {
                var x = fromEnd ? a[^(length + 1)] : a[length];
                var y = fromEnd ? b[^(length + 1)] : b[length];
                if (x != y || char.IsLetterOrDigit(x))
                    break;
                length++;
            }

            return length;
        }

        private void Add(ChangeKind kind, string text)
        {
            if (text.Length == 0)
                return;
            if (Changes.Count > 0 && Changes[^1].Kind == kind)
                Changes[^1] = Changes[^1] with { Text = Changes[^1].Text + text };
            else
                Changes.Add(new TextChange(kind, text));
        }
    }
}
