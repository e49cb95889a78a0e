using Microsoft.EntityFrameworkCore;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Features.Interchange;

/// <summary>Writes one version of a programme (the latest unless named) as a programme file.</summary>
public static class ExportProgramme
{
    public sealed record Query(Viewer Viewer, string Slug, string? VersionLabel = null);

    public sealed class Handler(WorkProgrammeDb db)
    {
        public async Task<ProgrammeFile?> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var snapshot = await ProgrammeSnapshot.LoadAsync(db, query.Slug, query.VersionLabel, query.Viewer, cancellationToken);
            if (snapshot is null)
            {
                return null;
            }


            var (programme, version) = (snapshot.Programme, snapshot.Version);
            var lineage = await db.Activities.AsNoTracking().Where(a => a.ProgrammeId == programme.Id && a.CarriedFromId != null)
                .ToDictionaryAsync(a => a.Id, a => a.CarriedFrom!, cancellationToken);
            return new ProgrammeFile
            {
                Slug = programme.Slug,
                Title = Pair(programme.Title),
                Body = programme.BodyCode,
                Period = new PeriodDto(programme.PeriodStart, programme.PeriodEnd),
                Version = new VersionDto(version.Label, version.DocumentSymbol, Wire.Name(version.State), version.SessionKey),
                Activities = snapshot.Rows.Select(a => ToDto(a, snapshot.Reports.GetValueOrDefault(a.ActivityId)) with
                {
                    CarriedFrom = lineage.TryGetValue(a.ActivityId, out var from) ? new CarriedFromDto(from.Programme, from.Id, from.Label) : null,
                }).ToList(),
                Reference = Reference(snapshot),
            };
        }

        private static ReferenceDto Reference(ProgrammeSnapshot snapshot) => new()
        {
            Bodies = snapshot.Bodies.Values.OrderBy(b => b.Id)
                .Select(b => new BodyDto(b.Code, Pair(b.Abbreviation), Pair(b.Name), Wire.Name(b.Kind), b.ReportsTo)).ToList(),
            Sessions = snapshot.Sessions.Values.OrderBy(s => s.MonthIndex).ThenBy(s => s.Id)
                .Select(s => new SessionDto(s.Key, s.BodyCode, s.Ordinals, s.Year, s.Month, Wire.Name(s.Season), s.StartDate, s.EndDate, s.Place))
                .ToList(),
            StrategicPlan = snapshot.PlanElements.Values.OrderBy(e => e.Order)
                .Select(e => new PlanElementDto(e.Code, Pair(e.DisplayCode), Pair(e.Label), Wire.Name(e.Group))).ToList(),
        };

        public static ActivityDto ToDto(ActivityVersion row, StatusReport? report) => new()
        {
            Id = row.ActivityId,
            Section = Wire.Name(row.Section),
            Number = row.Number,
            PreviousNumber = row.PreviousNumber,
            Revision = Wire.Name(row.Revision),
            Priority = Wire.Name(row.Priority),
            LinkedToStrategicPlan = row.LinkedToStrategicPlan,
            StrategicPlan = row.PlanCodes,
            TaskType = row.TaskType,
            Bodies = row.BodyCodes,
            BodyRoles = row.ChosenRoles.Count == 0 ? null : row.ChosenRoles.ToDictionary(c => c.Body, c => Wire.Name(c.Role)),
            Title = Pair(row.Title),
            Resources = Pair(row.Resources),
            Kpi = Pair(row.Kpi),
            Deadline = new DeadlineDto
            {
                Text = Pair(row.Deadline.Text),
                Continuous = row.Deadline.Continuous,
                Milestones = row.Deadline.Milestones.Select(m => new MilestoneDto
                {
                    Kind = Wire.Name(m.Kind),
                    Year = m.Year,
                    Month = m.Month,
                    Season = Wire.Name(m.Season),
                    Body = m.SessionBody,
                    Ordinals = m.Ordinals.Count == 0 ? null : m.Ordinals,
                    Bodies = m.Bodies,
                }).ToList(),
            },
            Status = report is null ? null : new StatusDto
            {
                Session = report.SessionKey,
                Keyword = Wire.Name(report.Keyword),
                KeywordInferred = report.KeywordInferred,
                ExecutionLevel = Wire.Name(report.ExecutionLevel),
                Text = Pair(report.Narrative),
                NextSteps = Pair(report.NextSteps),
                MilestonesReached = report.MilestonesReached.Select(m => new ReachedMilestoneDto(m.Date, Pair(m.Text))).ToList(),
            },
        };

        private static TextPair Pair(BilingualText text) => new(text.Fr, text.En);
    }
}
