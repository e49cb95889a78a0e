using WorkProgramme.Domain.Activities;

namespace WorkProgramme.Domain.Tests.Activities;

public sealed class ActivityLabelFacts
{
    [Fact]
    public void Names_the_section_in_roman_numerals_and_the_number_after_a_dot()
    {
        Assert.Equal("I.12", new ActivityLabel(Section.TimeBound, 12).ToString());
        Assert.Equal("II.3", new ActivityLabel(Section.Permanent, 3).ToString());
    }

    [Fact]
    public void A_row_without_a_number_shows_a_dash_or_what_the_caller_gives()
    {
        Assert.Equal("I.—", new ActivityLabel(Section.TimeBound, null).ToString());
        Assert.Equal("II.+", new ActivityLabel(Section.Permanent, null).Format("+"));
    }

    [Theory]
    [InlineData("I.12", Section.TimeBound, 12)]
    [InlineData("II.3", Section.Permanent, 3)]
    public void Reads_back_what_it_writes(string text, Section section, int number)
    {
        Assert.True(ActivityLabel.TryParse(text, out var label));
        Assert.Equal(new ActivityLabel(section, number), label);
        Assert.Equal(text, label.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("III.1")]
    [InlineData("I.")]
    [InlineData("I.0")]
    [InlineData("I.-2")]
    [InlineData("I. 2")]
    [InlineData("i.2")]
    [InlineData("I12")]
    public void Anything_else_is_not_a_label(string? text) =>
        Assert.False(ActivityLabel.TryParse(text, out _));
}
