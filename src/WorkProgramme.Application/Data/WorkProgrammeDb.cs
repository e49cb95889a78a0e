using Microsoft.EntityFrameworkCore;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Domain.StrategicPlans;

namespace WorkProgramme.Application.Data;

/// <summary>The one unit of work; handlers use it directly (docs/decisions/0001).</summary>
public sealed class WorkProgrammeDb(DbContextOptions<WorkProgrammeDb> options) : DbContext(options)
{
    public DbSet<Body> Bodies => Set<Body>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<StrategicPlanElement> PlanElements => Set<StrategicPlanElement>();

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<ProgrammeVersion> ProgrammeVersions => Set<ProgrammeVersion>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<ActivityVersion> ActivityVersions => Set<ActivityVersion>();

    public DbSet<StatusReport> StatusReports => Set<StatusReport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkProgrammeDb).Assembly);
}
