using WorkProgramme.Application.Features.Search;

namespace WorkProgramme.Application.Tests.Search;

/// <summary>The folding of words (docs/decisions/0041): what the index reads, and what marks a matching word.</summary>
public sealed class SearchTermsFacts
{
    [Theory]
    [InlineData("facilitation", "facilitation")]
    [InlineData("Facilitation C042", "facilitation c042")]
    [InlineData("ÉVALUÉE", "evaluee")]
    [InlineData("Présenté", "presente")]
    [InlineData("Œuvre naïve", "œuvre naive")]
    [InlineData("", "")]
    public void A_word_is_folded_to_lower_case_without_accents_whether_or_not_it_is_plain_ascii(string text, string folded) =>
        Assert.Equal(folded, SearchTerms.Fold(text));

    [Fact]
    public void Words_in_capitals_are_marked_as_the_terms_they_fold_to()
    {
        var fragments = SearchTerms.Highlight("Le RAPPORT présenté au Comité", SearchTerms.Of("rapport presente comite"));

        Assert.Equal(["RAPPORT", "présenté", "Comité"], fragments.Where(f => f.Match).Select(f => f.Text));
    }
}
