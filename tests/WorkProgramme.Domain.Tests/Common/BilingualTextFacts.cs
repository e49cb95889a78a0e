using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Tests.Common;

public sealed class BilingualTextFacts
{
    [Fact]
    public void Gives_the_text_in_the_chosen_language()
    {
        var text = new BilingualText("Délai", "Deadline");

        Assert.Equal(new LocalizedText("Deadline", Language.En, false), text.For(Language.En));
        Assert.Equal(new LocalizedText("Délai", Language.Fr, false), text.For(Language.Fr));
    }

    [Fact]
    public void Falls_back_to_the_other_language_and_says_so()
    {
        var shown = BilingualText.French("Travail continu").For(Language.En);

        Assert.Equal("Travail continu", shown.Text);
        Assert.Equal(Language.Fr, shown.Language);
        Assert.True(shown.IsFallback);
    }

    [Fact]
    public void Is_missing_when_neither_language_has_text()
    {
        var shown = new BilingualText("  ", null).For(Language.Fr);

        Assert.True(shown.IsMissing);
        Assert.False(shown.IsFallback);
    }

    [Theory]
    [InlineData("fr", null, true)]
    [InlineData(null, "en", true)]
    [InlineData("fr", "en", false)]
    [InlineData(null, null, false)]
    public void Is_partly_translated_when_exactly_one_side_is_written(string? fr, string? en, bool expected) =>
        Assert.Equal(expected, new BilingualText(fr, en).IsPartlyTranslated);

    [Fact]
    public void Trims_and_compares_by_value()
    {
        Assert.Equal(new BilingualText(" a ", "b"), new BilingualText("a", "b "));
        Assert.NotEqual(new BilingualText("a", "b"), new BilingualText("a", "c"));
    }
}
