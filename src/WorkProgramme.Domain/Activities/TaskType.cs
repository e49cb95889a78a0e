using System.Text.RegularExpressions;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Activities;

/// <summary>
/// A type of associated tasks (footnote 4 of the template): fine-tuning ("Mise au point"), updating ("Mise à jour"),
/// development ("Développement"), and the maintenance ("Suivi") the rows use in practice; administrators add others
/// (docs/decisions/0052). An activity names its type by <see cref="Code"/>, the wire name of the API, the programme file
/// and the column <c>ActivityVersions.TaskType</c>: kept for good, so a rename changes the words only, and a type an
/// activity uses is never deleted.
/// </summary>
public sealed partial class TaskType
{
    public const int CodeMaxLength = 20;

    private TaskType()
    {
        Code = null!;
        Name = BilingualText.Empty;
    }

    public TaskType(string? code, BilingualText name, int order)
    {
        Code = CheckCode(code);
        Name = CheckName(name);
        Order = order;
    }

    /// <summary>"fine-tuning": the key activities hold, never changed.</summary>
    public string Code { get; private set; }

    /// <summary>The type's words in both languages ("Mise au point" / "Fine-tuning"), as the annex and the workbook write them.</summary>
    public BilingualText Name { get; private set; }

    /// <summary>Place in lists: the edit form, the workbook's choices, the dashboard.</summary>
    public int Order { get; private set; }

    /// <summary>The types and words the template gives, in its order: what the migration <c>TaskTypesAsData</c> stores.</summary>
    public static IReadOnlyList<TaskType> Shipped =>
    [
        new("fine-tuning", new("Mise au point", "Fine-tuning"), 1),
        new("updating", new("Mise à jour", "Updating"), 2),
        new("development", new("Développement", "Development"), 3),
        new("maintenance", new("Suivi", "Maintenance"), 4),
    ];

    public static readonly BilingualText CodeWords = new(
        $"Le code du type de tâches : des minuscules sans accent et des chiffres, en mots joints par un tiret, {CodeMaxLength} caractères au plus (par exemple mise-a-niveau).",
        $"The task type's code: lower-case letters without accents and digits, in words joined by a hyphen, at most {CodeMaxLength} characters (for example upgrade).");

    /// <summary>New words for the type; the code stays.</summary>
    public void Rename(BilingualText name) => Name = CheckName(name);

    public void MoveTo(int order) => Order = order;

    /// <summary>A type is deleted only when no activity version, history included, names it.</summary>
    public static void CheckUnused(string code, int activities)
    {
        if (activities > 0)
        {
            throw new DomainException(
                $"Le type de tâches « {code} » est utilisé par une activité : il peut être renommé, pas supprimé.",
                $"The task type '{code}' is used by an activity: it can be renamed, not deleted.");
        }
    }

    /// <summary>
    /// The one rule for an activity's task type, whatever brings it (form, API, programme file, workbook): none, or a
    /// code the table holds. Null when it holds; else the words of the refusal, naming the codes expected.
    /// </summary>
    public static BilingualText? ProblemWith(string? code, IReadOnlyCollection<string> codesInTable)
    {
        ArgumentNullException.ThrowIfNull(codesInTable);
        if (code is null || codesInTable.Contains(code, StringComparer.Ordinal))
        {
            return null;
        }

        var expected = string.Join(", ", codesInTable);
        return new BilingualText($"Type de tâches inconnu « {code} » (attendu : {expected}).", $"Unknown task type '{code}' (expected: {expected}).");
    }

    public static string CheckCode(string? code)
    {
        var text = UserText.Normalize(code);
        if (text is null || text.Length > CodeMaxLength || !CodeShape().IsMatch(text))
        {
            throw new DomainException(CodeWords);
        }

        return text;
    }

    private static BilingualText CheckName(BilingualText name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var checkedName = TextRule.Name.Check(new BilingualText(UserText.Normalize(name.Fr), UserText.Normalize(name.En)));
        if (checkedName.Fr is null || checkedName.En is null)
        {
            // The annex and the workbook are written in each language: a type has its words in both.
            throw new DomainException("Le type de tâches a un nom en français et en anglais.", "The task type needs a name in French and in English.");
        }

        return checkedName;
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex CodeShape();
}
