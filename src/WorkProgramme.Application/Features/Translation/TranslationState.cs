using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Translation;

/// <summary>
/// Of the <see cref="Total"/> texts written in the other language, how many have an up-to-date translation into
/// <see cref="Language"/>: "English: 212 of 230 texts". The rest is what an export into that language lists.
/// </summary>
public sealed record TranslationCount(Language Language, int Translated, int Total)
{
    public int Missing => Total - Translated;
}

/// <summary>The counts of a programme version's texts and of its status reports for one session (none when it shows no session).</summary>
public sealed record TranslationProgress(IReadOnlyList<TranslationCount> Programme, string? SessionKey, IReadOnlyList<TranslationCount> Reports);

/// <summary>
/// The one place that says which texts need translating (the export's units) and counts them for the programme page, the
/// checks and the report's page (docs/decisions/0048).
/// </summary>
public static class TranslationState
{
    /// <summary>
    /// The text is written in the other language and its <paramref name="target"/> side is missing or outdated (the drift
    /// mark says it predates the last change of its source): an export into <paramref name="target"/> lists it.
    /// </summary>
    public static bool Needs(TranslationText text, Language target) =>
        text.Text.In(target.Other()) is not null && (text.Text.In(target) is null || text.Outdated == target);

    /// <summary>How many of the texts with a source in the other language are translated into <paramref name="target"/>.</summary>
    public static TranslationCount Count(IEnumerable<TranslationText> texts, Language target)
    {
        var sourced = texts.Where(t => t.Text.In(target.Other()) is not null).ToList();
        return new TranslationCount(target, sourced.Count(t => !Needs(t, target)), sourced.Count);
    }

    /// <summary>English always (the record is French); French too when some text was written in English only.</summary>
    public static IReadOnlyList<TranslationCount> Counts(IReadOnlyCollection<TranslationText> texts)
    {
        var english = Count(texts, Language.En);
        var french = Count(texts, Language.Fr);
        return french.Missing > 0 ? [english, french] : [english];
    }

    /// <summary>The version's activity texts, and the texts of its reports for <paramref name="sessionKey"/> when there is one.</summary>
    public static TranslationProgress Of(ProgrammeVersion version, IReadOnlyDictionary<Guid, StatusReport> reports, string? sessionKey)
    {
        var texts = TranslationTexts.Of(version, reports).ToList();
        return new TranslationProgress(
            Counts(texts.Where(t => !t.IsReport).ToList()),
            sessionKey,
            sessionKey is null ? [] : Counts(texts.Where(t => t.IsReport && t.SessionKey == sessionKey).ToList()));
    }

    /// <summary>One report's texts.</summary>
    public static IReadOnlyList<TranslationCount> Of(StatusReport report) => Counts(TranslationTexts.Of(report, "").ToList());
}
