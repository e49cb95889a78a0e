using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Domain.Tests;

/// <summary>Valid rows and reports by default; each test changes only what it is about.</summary>
internal static class Build
{
    public static ActivityContent Content(Section section = Section.TimeBound, int? number = 1) => new()
    {
        Section = section,
        Number = number,
        PreviousNumber = number,
        Revision = RevisionKind.Unchanged,
        Priority = Priority.A,
        LinkedToStrategicPlan = true,
        PlanCodes = ["PS1"],
        TaskType = "development",
        BodyCodes = ["CTP", "Conseil"],
        Title = new BilingualText("Élaborer des orientations", "Develop guidance"),
        Resources = new BilingualText("Un agent", "One officer"),
        Kpi = new BilingualText("Orientations adoptées", "Guidance adopted"),
        Deadline = section == Section.Permanent
            ? Deadline.ContinuousWork(new BilingualText("Travail continu", "Continuous work"))
            : new Deadline(new BilingualText("Printemps 2025 (CTP)", "Spring 2025 (PTC)"), false,
                [new DeadlineMilestone { Kind = MilestoneKind.Season, Season = Season.Spring, Year = 2025, Bodies = ["CTP"] }]),
    };

    public static ActivityVersion Row(ActivityContent? content = null) => new(Guid.NewGuid(), content ?? Content());

    public static StatusReport Report(Guid activityId, StatusKeyword? keyword = StatusKeyword.Ongoing, ExecutionLevel? level = null)
    {
        var report = new StatusReport(activityId, "ctp-243-244");
        report.Record(keyword, false, new BilingualText("Travaux en cours.", "Work under way."),
            new BilingualText("Présentation en avril.", "Presentation in April."), [], level);
        return report;
    }
}
