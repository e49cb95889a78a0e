using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkProgramme.Application.Data;
using WorkProgramme.Application.Features.Checks;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Programmes;

namespace WorkProgramme.Application;

public static class ApplicationServices
{
    public const string SqliteMigrationsAssembly = "WorkProgramme.Migrations.Sqlite";

    /// <summary>The database and every handler: what the web app, the CLI and the tests share.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseOptions.From(configuration);
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<WorkProgrammeDb>(options => Configure(options, database));

        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<ImportProgramme.Handler>();
        services.AddScoped<ExportProgramme.Handler>();
        services.AddScoped<ListProgrammes.Handler>();
        services.AddScoped<ViewProgramme.Handler>();
        services.AddScoped<ViewActivity.Handler>();
        services.AddScoped<CheckProgramme.Handler>();
        return services;
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
            default:
                throw new InvalidOperationException($"Unsupported provider {database.Provider}.");
        }
    }
}
