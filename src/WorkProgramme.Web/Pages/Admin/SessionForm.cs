using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;

namespace WorkProgramme.Web.Pages.Admin;

/// <summary>The calendar fields the add and reschedule forms share, and their shape checks.</summary>
public sealed class SessionForm
{
    public int? Year { get; set; }

    public int? Month { get; set; }

    public string? Season { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public string? Place { get; set; }

    public Season? ChosenSeason => Wire.TryParse<Season>(Season, out var season) ? season : null;

    /// <summary>A problem to show (in both languages), or null when year and month are given.</summary>
    public BilingualText? ShapeProblem() => Year is null || Month is null
        ? new BilingualText("Indiquez l’année et le mois de la session.", "Give the session's year and month.")
        : null;

    public static SessionForm From(Application.Features.Sessions.SessionCalendar.Row row) => new()
    {
        Year = row.Year,
        Month = row.Month,
        Season = Wire.Name(row.Season),
        StartDate = row.StartDate,
        EndDate = row.EndDate,
        Place = row.Place,
    };
}
