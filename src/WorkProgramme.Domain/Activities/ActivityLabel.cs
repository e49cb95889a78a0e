using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace WorkProgramme.Domain.Activities;

/// <summary>
/// "I.12": how the document names an activity, by its section (I time-bound, II permanent) and its number there. The
/// French and English documents number their sections alike, so a label reads the same in both languages.
/// </summary>
public readonly record struct ActivityLabel(Section Section, int? Number)
{
    /// <summary>What stands for the number of a row that has none (a retired one).</summary>
    public const string Unnumbered = "—";

    /// <summary>"I" for the time-bound section, "II" for the permanent one, as the document heads them.</summary>
    public static string SectionMark(Section section) => section == Section.TimeBound ? "I" : "II";

    public static ActivityLabel Of(ActivityVersion row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new ActivityLabel(row.Section, row.Number);
    }

    /// <summary>"I.12", or "I.—" for a row without a number.</summary>
    public override string ToString() => Format(Unnumbered);

    /// <summary>The label with <paramref name="unnumbered"/> in place of a missing number (e.g. "+" for a row to add).</summary>
    public string Format(string unnumbered) =>
        $"{SectionMark(Section)}.{Number?.ToString(CultureInfo.InvariantCulture) ?? unnumbered}";

    /// <summary>Reads "I.12" or "II.3"; anything else (another section, no number, spaces) is not a label.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ActivityLabel label)
    {
        label = default;
        var dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot < 0)
        {
            return false;
        }

        Section? section = text![..dot] switch { "I" => Section.TimeBound, "II" => Section.Permanent, _ => null };
        if (section is not { } s
            || !int.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number < 1)
        {
            return false;
        }

        label = new ActivityLabel(s, number);
        return true;
    }
}
