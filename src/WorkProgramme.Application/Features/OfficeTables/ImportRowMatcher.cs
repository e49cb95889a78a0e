using WorkProgramme.Documents.Tables;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Programmes;

namespace WorkProgramme.Application.Features.OfficeTables;

/// <summary>
/// Which activity of the version a row of an imported table updates: the one its id names, or else the one with its
/// number in its section; none for a new activity. Reports a row that names no, a retired, another section's or an
/// already matched activity.
/// </summary>
internal static class ImportRowMatcher
{
    public static ActivityVersion? Match(TableRow row, ProgrammeVersion version, HashSet<Guid> matched,
        Action<TableColumn?, string, string> problem)
    {
        Guid? id = null;
        if (row.Cell(TableColumn.Id) is { } idText)
        {
            if (Guid.TryParse(idText, out var parsed))
            {
                id = parsed;
            }
            else
            {
                problem(TableColumn.Id, $"« {idText} » n’est pas un identifiant valide (laissez la cellule vide pour une nouvelle activité)",
                    $"'{idText}' is not a valid id (leave the cell empty for a new activity)");
            }
        }

        int? number = null;
        if (row.Cell(TableColumn.Number) is { } numberText)
        {
            if (ProgrammeTable.ParseNumber(numberText) is { } parsed)
            {
                number = parsed;
            }
            else
            {
                problem(TableColumn.Number, $"« {numberText} » n’est pas un numéro (un entier positif)", $"'{numberText}' is not a number (a positive whole number)");
            }
        }

        ActivityVersion? existing = null;
        if (id is { } wanted)
        {
            existing = version.Activities.SingleOrDefault(a => a.ActivityId == wanted);
            if (existing is null)
            {
                problem(TableColumn.Id, "aucune activité de ce programme n’a cet identifiant", "no activity of this programme has this id");
            }
            else if (number is not null && existing.Number is not null && number != existing.Number)
            {
                problem(TableColumn.Number, $"cette activité porte le numéro {existing.Number} ; les numéros ne se changent pas par import",
                    $"this activity is number {existing.Number}; numbers are not changed by an import");
            }
        }
        else if (number is { } n)
        {
            existing = version.Activities.SingleOrDefault(a => a.Section == row.Section && a.Number == n && !a.IsDeleted);
        }

        if (existing is not null)
        {
            if (existing.IsDeleted)
            {
                problem(TableColumn.Id, "cette activité est retirée du programme", "this activity is retired from the programme");
            }

            if (existing.Section != row.Section)
            {
                problem(TableColumn.Id, "cette activité appartient à l’autre section du programme", "this activity belongs to the other section of the programme");
            }

            if (!matched.Add(existing.ActivityId))
            {
                problem(null, "cette activité figure deux fois dans le fichier", "this activity appears twice in the file");
            }
        }

        return existing;
    }
}
