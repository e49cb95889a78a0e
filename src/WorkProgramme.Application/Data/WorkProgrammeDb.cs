using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.Rounds;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Domain.StrategicPlans;

namespace WorkProgramme.Application.Data;

/// <summary>
/// The one unit of work; handlers use it directly (docs/decisions/0001). Users and roles live here too, and the
/// ASP.NET Data Protection keys, so that every app instance can read the cookies and forms another one issued.
/// </summary>
public sealed class WorkProgrammeDb(DbContextOptions<WorkProgrammeDb> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Body> Bodies => Set<Body>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<StrategicPlan> StrategicPlans => Set<StrategicPlan>();

    public DbSet<StrategicPlanElement> PlanElements => Set<StrategicPlanElement>();

    public DbSet<TaskType> TaskTypes => Set<TaskType>();

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<ProgrammeVersion> ProgrammeVersions => Set<ProgrammeVersion>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<ActivityVersion> ActivityVersions => Set<ActivityVersion>();

    public DbSet<StatusReport> StatusReports => Set<StatusReport>();

    public DbSet<ReportingRound> Rounds => Set<ReportingRound>();

    public DbSet<SessionDecision> Decisions => Set<SessionDecision>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Features.Mail.OutboxMessage> OutboxMessages => Set<Features.Mail.OutboxMessage>();

    public DbSet<Features.Users.AccountLink> AccountLinks => Set<Features.Users.AccountLink>();

    public DbSet<Features.Translation.TranslationMemoryImport> TranslationMemoryImports => Set<Features.Translation.TranslationMemoryImport>();

    public DbSet<Features.Translation.TranslationMemoryUnit> TranslationMemoryUnits => Set<Features.Translation.TranslationMemoryUnit>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WorkProgrammeDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type: store instants as sortable integers so the audit trail can be ordered in SQL.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
