using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;

namespace WorkProgramme.Domain.Tests.Sessions;

public sealed class SessionFacts
{
    private static Session Autumn2024() => new("ctp-245-246", "CTP", [245, 246], 2024, 10, Season.Autumn);

    [Fact]
    public void Rescheduling_moves_the_session_to_its_new_month()
    {
        var session = Autumn2024();
        var before = session.MonthIndex;

        session.Reschedule(2024, 11, Season.Autumn, new DateOnly(2024, 11, 4), new DateOnly(2024, 11, 8));

        Assert.Equal(before + 1, session.MonthIndex);
        Assert.Equal((new DateOnly(2024, 11, 4), new DateOnly(2024, 11, 8)), (session.StartDate, session.EndDate));
    }

    [Fact]
    public void A_session_cannot_end_before_it_starts()
    {
        var session = Autumn2024();

        var refused = Assert.Throws<DomainException>(() => session.Reschedule(2024, 10, null, new DateOnly(2024, 10, 9), new DateOnly(2024, 10, 7)));

        Assert.Equal("A session cannot end before it starts.", refused.MessageFor(Language.En));
        Assert.Equal(10, session.Month);
        Assert.Null(session.StartDate);
    }

    [Fact]
    public void A_start_date_outside_the_sessions_month_is_refused_in_both_languages()
    {
        var refused = Assert.Throws<DomainException>(() => Autumn2024().Reschedule(2024, 10, null, new DateOnly(2024, 11, 4), null));

        Assert.Equal("La date de début doit tomber dans le mois et l’année de la session.", refused.MessageFor(Language.Fr));
        Assert.Equal("The start date must fall in the session's month and year.", refused.MessageFor(Language.En));
    }

    [Theory]
    [InlineData(2024, 13)]
    [InlineData(1800, 4)]
    public void An_impossible_month_is_refused(int year, int month) =>
        Assert.Throws<DomainException>(() => Autumn2024().Reschedule(year, month, null, null, null));

    [Fact]
    public void Sessions_of_a_body_share_an_ordinal_when_any_number_is_in_both()
    {
        var session = Autumn2024();

        Assert.True(session.SharesOrdinalWith("CTP", [246, 247]));
        Assert.False(session.SharesOrdinalWith("CTP", [247, 248]));
        Assert.False(session.SharesOrdinalWith("CPG", [245]));
    }

    [Fact]
    public void The_place_is_trimmed_and_bounded()
    {
        var session = Autumn2024();

        session.MoveTo("  Bruxelles ");
        Assert.Equal("Bruxelles", session.Place);
        Assert.Throws<DomainException>(() => session.MoveTo(new string('x', Session.PlaceMaxLength + 1)));
        Assert.Equal("Bruxelles", session.Place);
    }

    [Fact]
    public void A_season_that_contradicts_the_month_is_refused_in_words()
    {
        var session = Autumn2024();

        var refused = Assert.Throws<DomainException>(() => session.Reschedule(2024, 10, Season.Summer, null, null));

        Assert.Equal("A session in October is not held in summer: choose the month's season, or none.", refused.MessageFor(Language.En));
        Assert.Equal("Une session en octobre n’a pas lieu en été : choisissez la saison du mois, ou aucune.", refused.MessageFor(Language.Fr));
        Assert.Equal(Season.Autumn, session.Season);
        Assert.Throws<DomainException>(() => new Session("ctp-247-248", "CTP", [247, 248], 2025, 4, Season.Autumn));
    }

    [Theory]
    [InlineData(Season.Spring, 4, true)]
    [InlineData(Season.Summer, 6, true)]
    [InlineData(Season.Spring, 6, true)]
    [InlineData(Season.Autumn, 10, true)]
    [InlineData(Season.Winter, 12, true)]
    [InlineData(Season.Winter, 1, true)]
    [InlineData(Season.Autumn, 12, true)]
    [InlineData(Season.Summer, 10, false)]
    [InlineData(Season.Winter, 6, false)]
    [InlineData(Season.Spring, 10, false)]
    [InlineData(Season.Autumn, 4, false)]
    public void A_season_fits_its_three_months_and_the_month_either_side(Season season, int month, bool fits) =>
        Assert.Equal(fits, Seasons.Fits(season, month));
}
