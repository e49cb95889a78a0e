using System.Globalization;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Programmes;

/// <summary>What a reference to an activity shows in one version (docs/decisions/0006).</summary>
public static class ActivityReferenceNumbers
{
    /// <summary>The number in the version; a retired activity keeps its former number, marked; one not in it at all: "?".</summary>
    public static string Text(ProgrammeVersion version, Guid activityId, Language language)
    {
        var row = version.Activities.FirstOrDefault(a => a.ActivityId == activityId);
        return Text(row?.Number, row?.IsDeleted ?? true, row?.PreviousNumber, language);
    }

    public static string Text(int? number, bool retired, int? previousNumber, Language language)
    {
        if (!retired && number is { } n)
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }

        var formerly = previousNumber?.ToString(CultureInfo.InvariantCulture) ?? "?";
        return language == Language.Fr ? $"{formerly} (retirée)" : $"{formerly} (retired)";
    }
}
