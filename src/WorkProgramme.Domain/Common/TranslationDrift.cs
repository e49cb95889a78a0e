namespace WorkProgramme.Domain.Common;

/// <summary>The texts of a row that come in French and English.</summary>
public enum TextField
{
    Title,
    Resources,
    Kpi,
    Deadline,
}

/// <summary>One side of a FR/EN pair written before the other side last changed: its translation must be updated.</summary>
public sealed record OutdatedTranslation(TextField Field, Language Outdated);

public static class TranslationDrift
{
    /// <summary>
    /// The side outdated after an edit of a pair. Changing one language leaves the other outdated (when it has text: a
    /// missing side is a missing translation, not an outdated one); changing both, or the outdated side, brings the pair
    /// back in step; an edit that leaves the pair as it was keeps its state.
    /// </summary>
    public static Language? After(BilingualText before, BilingualText after, Language? outdated)
    {
        var frChanged = before.Fr != after.Fr;
        var enChanged = before.En != after.En;
        if (!frChanged && !enChanged)
        {
            return outdated;
        }

        if (frChanged && enChanged)
        {
            return null;
        }

        var stale = frChanged ? Language.En : Language.Fr;
        // Writing a translation where there was none is translating, not a change the other side must follow.
        if (outdated == stale.Other() || after.In(stale) is null || after.In(stale.Other()) is null || before.In(stale.Other()) is null)
        {
            return null;
        }

        return stale;
    }
}
