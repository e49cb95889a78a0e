namespace WorkProgramme.Domain.Common;

/// <summary>
/// Text a user writes, in French and English. Either side may be missing while a translation is pending;
/// readers get the other side with <see cref="LocalizedText.IsFallback"/> set, never a silent substitute.
/// </summary>
public sealed record BilingualText
{
    public static readonly BilingualText Empty = new(null, null);

    public BilingualText(string? fr, string? en)
    {
        Fr = Normalize(fr);
        En = Normalize(en);
    }

    public string? Fr { get; }

    public string? En { get; }

    public bool IsEmpty => Fr is null && En is null;

    /// <summary>True when one language has text and the other does not.</summary>
    public bool IsPartlyTranslated => (Fr is null) != (En is null);

    public string? In(Language language) => language == Language.Fr ? Fr : En;

    public LocalizedText For(Language language)
    {
        var wanted = In(language);
        if (wanted is not null)
        {
            return new LocalizedText(wanted, language, IsFallback: false);
        }

        var other = In(language.Other());
        return other is null
            ? new LocalizedText(null, language, IsFallback: false)
            : new LocalizedText(other, language.Other(), IsFallback: true);
    }

    public static BilingualText French(string? fr) => new(fr, null);

    public override string ToString() => Fr ?? En ?? string.Empty;

    // One spelling per text (UserText's policy): equal words compare equal whichever client sent them.
    private static string? Normalize(string? text) => UserText.Normalize(text);
}

/// <summary>What a reader sees of a <see cref="BilingualText"/> in one language.</summary>
public sealed record LocalizedText(string? Text, Language Language, bool IsFallback)
{
    public bool IsMissing => Text is null;
}
