using System.Globalization;
using System.Text;

namespace WorkProgramme.Application.Features.Search;

/// <summary>A piece of a text shown in a result: <see cref="Match"/> when it is a word the search asked for.</summary>
public sealed record Fragment(string Text, bool Match);

/// <summary>
/// The words of a search as the index reads them: lower case, without accents ("Évaluée" and "evaluee" are one word),
/// split on anything that is not a letter or a digit. The same folding marks the matching words of a result, so what is
/// highlighted is what was found.
/// </summary>
public static class SearchTerms
{
    /// <summary>More words than this narrow nothing further and only slow the query.</summary>
    public const int MaxTerms = 8;

    public const int MaxTermLength = 40;

    public static string Fold(string text)
    {
        // Most words of a result are plain ASCII: nothing to decompose, only capitals to lower. Every word of the shown
        // results is folded, and the two normalisations cost more than the rest of a search.
        if (Ascii.IsValid(text))
        {
            return text.AsSpan().ContainsAnyInRange('A', 'Z') ? text.ToLowerInvariant() : text;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The distinct folded words of <paramref name="query"/>, at most <see cref="MaxTerms"/>.</summary>
    public static IReadOnlyList<string> Of(string? query) =>
        Words(Fold(query ?? ""))
            .Select(w => w.Text.Length > MaxTermLength ? w.Text[..MaxTermLength] : w.Text)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTerms)
            .ToList();

    /// <summary>
    /// A word of a text matches a term when it begins with the term (the index matches each term as a prefix), or when
    /// both share a stem as PostgreSQL's French and English stemmers cut it ("facilitation" finds "faciliter"): a common
    /// beginning of at least four letters that leaves at most four letters of the shorter one. Close enough to mark what
    /// the index found; the index alone decides what is found.
    /// </summary>
    public static bool Matches(string foldedWord, IReadOnlyList<string> terms) =>
        terms.Any(t => foldedWord.StartsWith(t, StringComparison.Ordinal) || SharesStem(foldedWord, t));

    private static bool SharesStem(string word, string term)
    {
        var common = 0;
        while (common < word.Length && common < term.Length && word[common] == term[common])
        {
            common++;
        }

        return common >= Math.Max(4, Math.Min(word.Length, term.Length) - 4);
    }

    public static bool Mentions(string text, IReadOnlyList<string> terms) =>
        Words(text).Any(w => Matches(Fold(w.Text), terms));

    /// <summary>The whole text cut into matching words and the rest.</summary>
    public static IReadOnlyList<Fragment> Highlight(string text, IReadOnlyList<string> terms) => Cut(text, terms, 0, text.Length);

    /// <summary>
    /// About <paramref name="words"/> words of <paramref name="text"/> around its first matching word, with "…" where
    /// text is left out; the start of the text when no word matches.
    /// </summary>
    public static IReadOnlyList<Fragment> Snippet(string text, IReadOnlyList<string> terms, int words = 30)
    {
        var all = Words(text).ToList();
        if (all.Count <= words)
        {
            return Highlight(text, terms);
        }

        var first = all.FindIndex(w => Matches(Fold(w.Text), terms));
        var from = Math.Max(0, (first < 0 ? 0 : first) - (words / 3));
        var to = Math.Min(all.Count - 1, from + words - 1);
        var start = from == 0 ? 0 : all[from].Start;
        var end = to == all.Count - 1 ? text.Length : all[to].Start + all[to].Text.Length;
        var fragments = new List<Fragment>();
        if (start > 0)
        {
            fragments.Add(new Fragment("… ", false));
        }

        fragments.AddRange(Cut(text, terms, start, end));
        if (end < text.Length)
        {
            fragments.Add(new Fragment(" …", false));
        }

        return fragments;
    }

    private static List<Fragment> Cut(string text, IReadOnlyList<string> terms, int start, int end)
    {
        var fragments = new List<Fragment>();
        var plain = start;
        foreach (var word in Words(text).Where(w => w.Start >= start && w.Start + w.Text.Length <= end))
        {
            if (!Matches(Fold(word.Text), terms))
            {
                continue;
            }

            if (word.Start > plain)
            {
                fragments.Add(new Fragment(text[plain..word.Start], false));
            }

            fragments.Add(new Fragment(word.Text, true));
            plain = word.Start + word.Text.Length;
        }

        if (end > plain)
        {
            fragments.Add(new Fragment(text[plain..end], false));
        }

        return fragments;
    }

    private static IEnumerable<(int Start, string Text)> Words(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            yield return (start, text[start..i]);
        }
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
