using System.Globalization;
using System.Text;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Documents.Tables;

/// <summary>The template's columns, in the document's order, plus the stable id the spreadsheet adds at the end.</summary>
public enum TableColumn
{
    Number,
    Priority,
    Link,
    Activity,
    StrategicPlan,
    TaskType,
    Body,
    Resources,
    Kpi,
    Deadline,
    Status,
    ExecutionLevel,
    Id,
}

/// <summary>
/// The programme table as files carry it (Excel sheets, Word tables): headers in French and English, the words the
/// cells use, and one row read from a file. Exports write these words; imports read them back, in either language.
/// </summary>
public static partial class ProgrammeTable
{
    public static readonly IReadOnlyDictionary<TableColumn, BilingualText> Headers = new Dictionary<TableColumn, BilingualText>
    {
        [TableColumn.Number] = new("N°", "No."),
        [TableColumn.Priority] = new("Niveau de priorité", "Priority"),
        [TableColumn.Link] = new("Lien avec le Plan stratégique", "Link with the Strategic Plan"),
        [TableColumn.Activity] = new("Activités", "Activities"),
        [TableColumn.StrategicPlan] = new("Plan stratégique de l’OMD", "WCO Strategic Plan"),
        [TableColumn.TaskType] = new("Type de tâches associées", "Type of associated tasks"),
        [TableColumn.Body] = new("Organe responsable", "Responsible body"),
        [TableColumn.Resources] = new("Ressources", "Resources"),
        [TableColumn.Kpi] = new("Indicateurs de performance clés", "Key performance indicators"),
        [TableColumn.Deadline] = new("Délai", "Deadline"),
        [TableColumn.Status] = new("Etat d’avancement", "Status"),
        [TableColumn.ExecutionLevel] = new("Niveau d’exécution", "Execution level"),
        [TableColumn.Id] = new("Identifiant (ne pas modifier)", "Id (do not change)"),
    };

    /// <summary>Other ways documents head a column (the seed's own spellings, short forms).</summary>
    private static readonly (TableColumn Column, Language Language, string Text)[] Aliases =
    [
        (TableColumn.Number, Language.En, "No"), (TableColumn.Number, Language.Fr, "Numéro"), (TableColumn.Number, Language.En, "Number"),
        (TableColumn.Priority, Language.Fr, "Priorité"), (TableColumn.Priority, Language.En, "Priority level"), (TableColumn.Priority, Language.En, "Level of priority"),
        (TableColumn.Link, Language.Fr, "Lien avec le Plan"), (TableColumn.Link, Language.En, "Link with Strategic Plan"), (TableColumn.Link, Language.En, "Link to the Strategic Plan"),
        (TableColumn.Activity, Language.Fr, "Activité"), (TableColumn.Activity, Language.En, "Activity"),
        (TableColumn.StrategicPlan, Language.Fr, "Plan stratégique de l'OMD"), (TableColumn.StrategicPlan, Language.Fr, "Plan stratégique"), (TableColumn.StrategicPlan, Language.En, "Strategic Plan"),
        (TableColumn.TaskType, Language.Fr, "Type de tâche"), (TableColumn.TaskType, Language.En, "Type of tasks"), (TableColumn.TaskType, Language.En, "Task type"),
        (TableColumn.Body, Language.Fr, "Organe"), (TableColumn.Body, Language.Fr, "Organes responsables"), (TableColumn.Body, Language.En, "Body"), (TableColumn.Body, Language.En, "Responsible bodies"),
        (TableColumn.Kpi, Language.Fr, "Indicateurs"), (TableColumn.Kpi, Language.Fr, "Indicateurs clés de performance"), (TableColumn.Kpi, Language.En, "KPI"), (TableColumn.Kpi, Language.En, "Key performance indicator"),
        (TableColumn.Deadline, Language.Fr, "Délais"), (TableColumn.Deadline, Language.Fr, "Échéance"), (TableColumn.Deadline, Language.En, "Timeline"), (TableColumn.Deadline, Language.En, "Time frame"),
        (TableColumn.Status, Language.Fr, "État d’avancement"), (TableColumn.Status, Language.En, "Progress"), (TableColumn.Status, Language.En, "Status report"),
        (TableColumn.ExecutionLevel, Language.En, "Level of execution"), (TableColumn.ExecutionLevel, Language.En, "Level of implementation"),
        (TableColumn.Id, Language.Fr, "Identifiant"), (TableColumn.Id, Language.En, "Id"), (TableColumn.Id, Language.En, "Activity id"),
    ];

    private static readonly Dictionary<string, (TableColumn Column, Language Language)> ByHeader = BuildHeaderIndex();

    public static BilingualText SectionTitle(Section section) => section == Section.TimeBound
        ? new("I. Activités entreprises dans un délai spécifique", "I. Time-bound activities")
        : new("II. Activités permanentes", "II. Permanent activities");

    /// <summary>The columns of a section: permanent activities have no execution level (the template's section II).</summary>
    public static IReadOnlyList<TableColumn> ColumnsOf(Section section) =>
        Enum.GetValues<TableColumn>().Where(c => section == Section.TimeBound || c != TableColumn.ExecutionLevel).ToArray();

    /// <summary>A day as every document writes it, one way per language: "15 octobre 2024", "15 October 2024".</summary>
    public static string Date(DateOnly date, Language language) =>
        date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(language == Language.Fr ? "fr-FR" : "en-GB"));

    public static string YesNo(bool value, Language language) => (value, language) switch
    {
        (true, Language.Fr) => "Oui",
        (true, _) => "Yes",
        (false, Language.Fr) => "Non",
        _ => "No",
    };

    /// <summary>Marks a text shown in the other language because this one is missing: "[EN] ...".</summary>
    public static string FallbackMark(Language shown) => $"[{shown.Code().ToUpperInvariant()}] ";

    /// <summary>The column a header names, and the language it is written in; null for an unknown header.</summary>
    public static (TableColumn Column, Language Language)? Recognise(string? header)
    {
        var key = Normalise(header);
        if (key.Length == 0)
        {
            return null;
        }

        if (ByHeader.TryGetValue(key, out var found))
        {
            return found;
        }

        // Word documents put footnote numbers after headers ("Activités2", "Délai8"): try without trailing digits.
        var withoutNotes = key.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ' ');
        return ByHeader.TryGetValue(withoutNotes, out found) ? found : null;
    }

    /// <summary>Case, accents, apostrophes, hyphenation and line breaks do not matter when matching headers and words.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (c is '-' or '\u00AD')
            {
                // "stratégiqu-e", soft hyphens: words broken across lines in narrow header cells join again.
                continue;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The activity number a cell starts with: "12", "12.", "12 (formerly 11)"; null when it does not start with one
    /// (the row of questions, "EXEMPLE").
    /// </summary>
    public static int? ParseNumber(string? text)
    {
        var match = LeadingNumber().Match(text ?? "");
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(\d{1,4})\s*\.?(?:\s|\(|$)")]
    private static partial System.Text.RegularExpressions.Regex LeadingNumber();

    /// <summary>
    /// The code of the task type a cell names, by its code or its French or English words as the table has them now,
    /// accent- and case-insensitive (docs/decisions/0052); null when none matches.
    /// </summary>
    public static string? ParseTaskType(string text, IEnumerable<CodeLabel> taskTypes)
    {
        ArgumentNullException.ThrowIfNull(taskTypes);
        var key = Normalise(text);
        return key.Length == 0 ? null : taskTypes.FirstOrDefault(t => key == Normalise(t.Code) || key == Normalise(t.Name.Fr) || key == Normalise(t.Name.En))?.Code;
    }

    public static ExecutionLevel? ParseLevel(string text) =>
        ParseWord(text, Enum.GetValues<ExecutionLevel>().ToDictionary(level => level, StatusWords.Of));

    public static bool? ParseYesNo(string text) => Normalise(text) switch
    {
        "oui" or "o" or "yes" or "y" or "ouiy" or "youi" or "true" => true,
        "non" or "n" or "no" or "false" or "nonn" => false,
        _ => null,
    };

    private static TValue? ParseWord<TValue>(string text, IReadOnlyDictionary<TValue, BilingualText> words)
        where TValue : struct, Enum
    {
        var key = Normalise(text);
        foreach (var (value, word) in words)
        {
            if (key == Normalise(word.Fr) || key == Normalise(word.En) || key == Normalise(Wire.Name(value)))
            {
                return value;
            }
        }

        return null;
    }

    private static Dictionary<string, (TableColumn, Language)> BuildHeaderIndex()
    {
        var index = new Dictionary<string, (TableColumn, Language)>(StringComparer.Ordinal);
        foreach (var (column, header) in Headers)
        {
            index[Normalise(header.Fr)] = (column, Language.Fr);
            index.TryAdd(Normalise(header.En), (column, Language.En));
        }

        foreach (var (column, language, text) in Aliases)
        {
            index.TryAdd(Normalise(text), (column, language));
        }

        return index;
    }
}

/// <summary>One activity row read from a file: where it stood, and each cell's text by column (blank cells absent).</summary>
public sealed record TableRow(string Sheet, int RowNumber, Domain.Activities.Section Section, IReadOnlyDictionary<TableColumn, string> Cells)
{
    public string? Cell(TableColumn column) => Cells.TryGetValue(column, out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}

/// <summary>The rows of a file, in the language its headers are written in, or the reasons it cannot be read.</summary>
public sealed record TableFile(Language Language, IReadOnlyList<TableRow> Rows, IReadOnlyList<TableProblem> Problems, IReadOnlySet<TableColumn> Columns);

/// <summary>Why a file (or one of its cells) was refused: sheet, row, column and the problem in both languages.</summary>
public sealed record TableProblem(string? Sheet, int? Row, TableColumn? Column, BilingualText Message)
{
    public static TableProblem File(string fr, string en) => new(null, null, null, new BilingualText(fr, en));

    public static TableProblem File(BilingualText message) => new(null, null, null, message);

    public string Describe(Language language)
    {
        var parts = new List<string>();
        if (Sheet is not null)
        {
            parts.Add(Sheet);
        }

        if (Row is { } row)
        {
            parts.Add((language == Language.Fr ? "ligne " : "row ") + row.ToString(CultureInfo.InvariantCulture));
        }

        if (Column is { } column)
        {
            parts.Add(ProgrammeTable.Headers[column].In(language)!);
        }

        var where = parts.Count == 0 ? (language == Language.Fr ? "fichier" : "file") : string.Join(" › ", parts);
        return $"{where} : {Message.For(language).Text}".Replace(" : ", language == Language.Fr ? " : " : ": ", StringComparison.Ordinal);
    }
}
