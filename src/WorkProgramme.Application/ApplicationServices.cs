using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Features.Snapshots;
using WorkProgramme.Application.Identity;
using WorkProgramme.Application.Writes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Activities;
using WorkProgramme.Application.Features.Assignments;
using WorkProgramme.Application.Features.Checks;
using WorkProgramme.Application.Features.Decisions;
using WorkProgramme.Application.Features.Comments;
using WorkProgramme.Application.Features.Documents;
using WorkProgramme.Application.Features.Insight;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Programmes;
using WorkProgramme.Application.Features.Revisions;
using WorkProgramme.Application.Features.Rounds;
using WorkProgramme.Application.Features.ScaleData;
using WorkProgramme.Application.Features.Search;
using WorkProgramme.Application.Features.Sessions;
using WorkProgramme.Application.Features.Users;

namespace WorkProgramme.Application;

public static class ApplicationServices
{
    public const string SqliteMigrationsAssembly = "WorkProgramme.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "WorkProgramme.Migrations.Postgres";

    /// <summary>
    /// The database and every handler: what the web app, the CLI and the tests share. The database settings are read
    /// from <see cref="IConfiguration"/> when first needed, so every configuration source (tests' included) counts.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddSingleton(provider => DatabaseOptions.From(provider.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ICurrentActor, OperatorActor>();
        services.AddScoped<AuditInterceptor>();
        services.AddSingleton<ArchivedProgrammeGuard>();
        services.AddSingleton<LatestChange.Stamp>();
        services.AddSingleton<LatestChange.Signal>();
        services.AddSingleton<ReadModelCache>();
        services.AddScoped<RecordState>();
        services.AddDbContext<WorkProgrammeDb>((provider, options) =>
        {
            Configure(options, provider.GetRequiredService<DatabaseOptions>());
            options.AddInterceptors(provider.GetRequiredService<ArchivedProgrammeGuard>(), provider.GetRequiredService<AuditInterceptor>(), provider.GetRequiredService<LatestChange.Signal>());
        });
        services.AddIdentityCore<AppUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<WorkProgrammeDb>();

        services.AddScoped<RecordNames>();
        services.AddScoped<SchemaMigration>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<ImportProgramme.Handler>();
        services.AddScoped<ExportProgramme.Handler>();
        services.AddScoped<Features.Translation.ExportTranslation.Handler>();
        services.AddScoped<Features.Translation.ImportTranslation.Handler>();
        services.AddScoped<Features.Translation.TranslationMemory.Handler>();
        services.AddScoped<Features.Translation.ImportMemory.Handler>();
        services.AddScoped<Features.Translation.ReportSuggestions.Handler>();
        services.AddScoped<ListProgrammes.Handler>();
        services.AddScoped<CreateProgramme.Handler>();
        services.AddScoped<Features.Archive.ImportArchive.Handler>();
        services.AddScoped<SearchRecord.Handler>();
        services.AddScoped<RebuildSearchIndex.Handler>();
        services.AddScoped<WorkProgramme.Application.Features.Bodies.BodyDirectory>();
        services.AddScoped<WorkProgramme.Application.Features.Bodies.EditBody.Handler>();
        services.AddScoped<WorkProgramme.Application.Features.Bodies.AddBody.Handler>();
        services.AddScoped<WorkProgramme.Application.Features.StrategicPlans.PlanDirectory>();
        services.AddScoped<WorkProgramme.Application.Features.StrategicPlans.PlanEdits.Handler>();
        services.AddScoped<WorkProgramme.Application.Features.TaskTypes.TaskTypeDirectory>();
        services.AddScoped<WorkProgramme.Application.Features.TaskTypes.TaskTypeEdits.Handler>();
        services.AddScoped<ViewProgramme.Handler>();
        services.AddScoped<ViewActivity.Handler>();
        services.AddScoped<CheckProgramme.Handler>();
        services.AddScoped<WritePipeline>();
        services.AddScoped<EditActivity.Handler>();
        services.AddScoped<ActivityChoices.Handler>();
        services.AddScoped<RetireActivity.Handler>();
        services.AddScoped<MoveActivity.Handler>();
        services.AddScoped<ConfirmTranslation.Handler>();
        services.AddScoped<CreateActivity.Handler>();
        services.AddScoped<OpenRound.Handler>();
        services.AddScoped<WriteReport.Handler>();
        services.AddScoped<PublishRound.Handler>();
        services.AddScoped<RoundStatus.Handler>();
        services.AddScoped<ReportForm.Handler>();
        services.AddScoped<SessionChanges.Handler>();
        services.AddScoped<Comments.Handler>();
        services.AddScoped<AddSession.Handler>();
        services.AddScoped<SessionDecisions.Handler>();
        services.AddScoped<Assignments.Handler>();
        services.AddScoped<MyReports.Handler>();
        services.AddScoped<RescheduleSession.Handler>();
        services.AddScoped<SessionCalendar.Handler>();
        services.AddScoped<UserDirectory.Handler>();
        services.AddScoped<EditUser.Handler>();
        services.AddScoped<UserPreferences.Handler>();
        services.AddScoped<AddUser.Handler>();
        services.AddScoped<SignInExternally.Handler>();
        services.AddSingleton(provider => Features.Mail.MailSettings.Read(provider.GetRequiredService<IConfiguration>()));
        services.AddScoped<InviteUser.Handler>();
        services.AddScoped<AccountLinks.Handler>();
        services.AddScoped<RequestPasswordReset.Handler>();
        services.AddScoped<Features.Mail.DeliverOutbox.Handler>();
        services.AddSingleton(provider => Features.Notices.ReminderSettings.Read(provider.GetRequiredService<IConfiguration>()));
        services.AddScoped<Features.Notices.SendReminders.Handler>();
        services.AddScoped<Features.Mail.MailStatus.Handler>();
        services.AddScoped<ApiTokens.Handler>();
        services.AddScoped<AuditTrail.Handler>();
        services.AddScoped<LatestChange.Handler>();
        services.AddScoped<Features.Backup.DatabaseBackup.Handler>();
        services.AddScoped<Features.Backup.DatabaseArchive.Handler>();
        services.AddSingleton<PdfConverter>();
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<PdfQueue>();
        services.AddSingleton<DocumentWarming>();
        services.AddScoped<CachedDocuments.Handler>();
        services.AddScoped<ExportAnnex.Handler>();
        services.AddScoped<ExportRedline.Handler>();
        services.AddScoped<Features.OfficeTables.ExportSpreadsheet.Handler>();
        services.AddScoped<Features.OfficeTables.ImportTable.Handler>();
        services.AddScoped<ProgrammeVersions.Handler>();
        services.AddScoped<CompareVersions.Handler>();
        services.AddScoped<Dashboard.Handler>();
        services.AddScoped<ProgrammeCalendar.Handler>();
        services.AddScoped<Workload.Handler>();
        services.AddScoped<DeadlineSlippage.Handler>();
        services.AddScoped<OrganisationOverview.Handler>();
        services.AddScoped<GenerateScaleData.Handler>();
        return services;
    }

    /// <summary>Password and lockout rules, the same for the web sign-in and <c>wp user add</c>.</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 12;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireDigit = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(database.ConnectionString, sqlite => sqlite
                        .MigrationsAssembly(SqliteMigrationsAssembly)
                        .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                    .AddInterceptors(new SqliteDurability());
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(database.ConnectionString, postgres => postgres
                    .MigrationsAssembly(PostgresMigrationsAssembly)
                    .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                break;
            default:
                throw new InvalidOperationException($"Unsupported provider {database.Provider}.");
        }
    }
}
