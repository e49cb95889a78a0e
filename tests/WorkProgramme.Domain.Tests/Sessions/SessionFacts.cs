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
}
