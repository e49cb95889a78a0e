using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Tests.Common;

/// <summary>The one input policy for written text, whatever the way in.</summary>
public sealed class UserTextFacts
{
    [Theory]
    [InlineData("a\r\nb\rc\n", "a\nb\nc")]
    [InlineData("  Re\u0301vision  ", "Révision")]
    [InlineData("\u200B\uFEFFTitre\u00A0\u2060", "Titre")]
    [InlineData("col1\tcol2", "col1\tcol2")]
    public void A_text_is_given_one_spelling(string sent, string stored) => Assert.Equal(stored, new BilingualText(sent, null).Fr);

    [Theory]
    [InlineData("   ")]
    [InlineData("\u00A0\u200B\u200C\u200D\u2060\uFEFF")]
    [InlineData("\r\n\t")]
    public void A_text_of_only_blank_or_invisible_characters_is_absent(string sent) => Assert.True(new BilingualText(sent, sent).IsEmpty);

    [Fact]
    public void The_same_words_with_crlf_or_decomposed_accents_are_equal() =>
        Assert.Equal(new BilingualText("É\ntape", "x"), new BilingualText("E\u0301\r\ntape\r\n", "x "));

    [Theory]
    [InlineData("a\u0000b", TextFaultKind.Control, 1)]
    [InlineData("ab\u001B", TextFaultKind.Control, 2)]
    [InlineData("a\u0085", TextFaultKind.Control, 1)]
    [InlineData("a\u202Eb", TextFaultKind.BidiControl, 1)]
    [InlineData("\u2066a", TextFaultKind.BidiControl, 0)]
    public void Control_bidi_and_broken_characters_are_found_where_they_stand(string text, TextFaultKind kind, int index)
    {
        var fault = UserText.FaultIn(text);

        Assert.Equal((kind, index), (fault!.Kind, fault.Index));
    }

    [Fact]
    public void A_lone_surrogate_is_refused_and_left_as_it_is_by_the_normaliser()
    {
        // Built at run time: a lone surrogate does not survive a test attribute's metadata.
        var text = "a" + (char)0xD800 + "b";

        Assert.Equal((TextFaultKind.NotACharacter, 1), (UserText.FaultIn(text)!.Kind, UserText.FaultIn(text)!.Index));
        Assert.Equal(text, UserText.Normalize(text));
    }

    [Theory]
    [InlineData("Arabic \u0627\u0644\u0639\u0631\u0628\u064A\u0629 and an emoji \U0001F600, a tab\t, a mark \u200F")]
    public void Ordinary_text_in_any_script_is_accepted(string text) => Assert.Null(UserText.FaultIn(text));

    [Fact]
    public void An_activity_refuses_a_title_with_a_control_character_naming_the_field_and_the_language()
    {
        var refused = Assert.Throws<DomainException>(() =>
            new ActivityVersion(Guid.NewGuid(), new ActivityContent { Title = new BilingualText("Titre", "Title\u0000") }));

        Assert.Equal("The title (in English) contains a control character (U+0000) at position 6: remove it.", refused.MessageFor(Language.En));
        Assert.StartsWith("L’intitulé (en anglais) contient un caractère de contrôle", refused.MessageFor(Language.Fr), StringComparison.Ordinal);
    }

    [Fact]
    public void An_activity_refuses_a_title_over_its_limit_and_says_the_limit()
    {
        var refused = Assert.Throws<DomainException>(() =>
            new ActivityVersion(Guid.NewGuid(), new ActivityContent { Title = new BilingualText(new string('x', TextRule.ActivityTitle.MaxLength + 1), null) }));

        Assert.Contains($"at most {TextRule.ActivityTitle.MaxLength} characters", refused.MessageFor(Language.En), StringComparison.Ordinal);
    }
}
