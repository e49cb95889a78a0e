using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;

namespace WorkProgramme.Application.Features.Activities;

/// <summary>
/// References as the edit forms show and take them: "[[I.12]]", the section and number of the activity, instead of
/// the stored "[[activity:GUID]]" token (decision 0007). A form remembers which activity each label it showed named,
/// so that a reference keeps its activity when another editor renumbers the section before the form is saved.
/// </summary>
public static class EditableReferences
{
    /// <summary>
    /// Writes <paramref name="row"/>'s references as labels (a retired activity keeps its token) and says which activity
    /// each label names. Only on an untracked copy: the row's texts are rewritten in place.
    /// </summary>
    public static IReadOnlyDictionary<string, Guid> Show(ActivityVersion row, ProgrammeVersion version)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(version);
        var shown = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var references = new VersionReferences(version);
        row.RenderReferences((id, _) =>
        {
            if (references.LabelOf(id) is not { } label)
            {
                return ActivityReferences.Token(id);
            }

            shown[label] = id;
            return ActivityReferences.EditableToken(label);
        });
        return shown;
    }

    /// <summary>
    /// The content with every label turned back into a reference: to the activity the form showed under that label when
    /// it is still in the version, else to the activity the label names now; null content and the problem when a label
    /// names no activity.
    /// </summary>
    public static (ActivityContent? Content, BilingualText? Problem) Resolve(ActivityContent content, ProgrammeVersion version,
        IReadOnlyDictionary<string, Guid>? shown)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(version);
        var unknown = new List<string>();
        Guid? Target(string label) =>
            shown is not null && shown.TryGetValue(label, out var id) && version.Activities.Any(a => a.ActivityId == id)
                ? id
                : new VersionReferences(version).ActivityLabelled(label);
        var resolved = ActivityReferences.FromEditable(content, Target, unknown);
        if (unknown.Count == 0)
        {
            return (resolved, null);
        }

        return (null, Unknown(unknown));
    }

    /// <summary>What is said of labels that name no activity of the version.</summary>
    public static BilingualText Unknown(IEnumerable<string> labels)
    {
        var listed = string.Join(", ", labels.Distinct(StringComparer.Ordinal));
        return new BilingualText(
            $"Renvoi à une activité qui n’existe pas dans la version : {listed}. Écrivez [[I.n]] ou [[II.n]] avec le numéro d’une activité de la section.",
            $"Reference to an activity that is not in the version: {listed}. Write [[I.n]] or [[II.n]] with the number of an activity of the section.");
    }
}
