using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Sessions;

public enum Season
{
    Spring,
    Summer,
    Autumn,
    Winter,
}

/// <summary>A meeting of a body, e.g. the PTC's 243rd/244th sessions in April 2024.</summary>
public sealed class Session
{
    private Session()
    {
        Key = null!;
        BodyCode = null!;
    }

    public Session(string key, string bodyCode, IEnumerable<int> ordinals, int year, int month, Season? season = null,
        DateOnly? startDate = null, DateOnly? endDate = null, string? place = null)
    {
        Key = Guard.Code(key, nameof(key));
        BodyCode = Guard.Code(bodyCode, nameof(bodyCode));
        Ordinals = ordinals.ToArray();
        if (Ordinals.Count == 0 || Ordinals.Any(o => o <= 0))
        {
            throw new DomainException("Une session a au moins un numéro d’ordre positif.", "A session has at least one positive ordinal.");
        }

        Reschedule(year, month, season, startDate, endDate);
        MoveTo(place);
    }

    public const int PlaceMaxLength = 200;

    public int Id { get; private set; }

    /// <summary>Stable key used in URLs and exports, e.g. <c>ctp-243-244</c>.</summary>
    public string Key { get; private set; }

    public string BodyCode { get; private set; }

    public IReadOnlyList<int> Ordinals { get; private set; } = [];

    public int Year { get; private set; }

    public int Month { get; private set; }

    public Season? Season { get; private set; }

    public DateOnly? StartDate { get; private set; }

    public DateOnly? EndDate { get; private set; }

    public string? Place { get; private set; }

    /// <summary>Sortable position in time: sessions are compared by year and month.</summary>
    public int MonthIndex => (Year * 12) + Month - 1;

    public void Reschedule(int year, int month, Season? season, DateOnly? startDate, DateOnly? endDate)
    {
        if (year is < 1900 or > 2200 || month is < 1 or > 12)
        {
            throw new DomainException("Année ou mois de session invalide.", "Invalid session year or month.");
        }

        if (startDate is not null && endDate is not null && endDate < startDate)
        {
            throw new DomainException("La session ne peut pas finir avant de commencer.", "A session cannot end before it starts.");
        }

        // Deadlines and lateness reason in months: a start date in another month would contradict the calendar.
        if (startDate is { } start && (start.Year != year || start.Month != month))
        {
            throw new DomainException(
                "La date de début doit tomber dans le mois et l’année de la session.",
                "The start date must fall in the session's month and year.");
        }

        Year = year;
        Month = month;
        Season = season;
        StartDate = startDate;
        EndDate = endDate;
    }

    public void MoveTo(string? place)
    {
        Place = TextRule.Place.Check(UserText.Normalize(place));
    }

    /// <summary>True when the two sessions share a number: a body numbers each of its sessions once.</summary>
    public bool SharesOrdinalWith(string bodyCode, IEnumerable<int> ordinals) =>
        BodyCode == bodyCode && Ordinals.Intersect(ordinals).Any();

    /// <summary>"243rd/244th" in English, "243ème/244ème" in French.</summary>
    public string OrdinalLabel(Language language) => OrdinalLabel(Ordinals, language);

    /// <summary>The same for session numbers without a session, e.g. a session not yet in the calendar.</summary>
    public static string OrdinalLabel(IEnumerable<int> ordinals, Language language) =>
        string.Join("/", ordinals.Select(o => language == Language.Fr ? $"{o}ème" : $"{o}{EnglishSuffix(o)}"));

    private static string EnglishSuffix(int n) => (n % 100) switch
    {
        11 or 12 or 13 => "th",
        _ => (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" },
    };
}
