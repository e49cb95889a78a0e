using Microsoft.AspNetCore.DataProtection;
using WorkProgramme.Application.Data;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// Several app instances behind one proxy share one database and nothing else: the keys that protect sign-in cookies
/// and antiforgery tokens live in the database, so a request may land on any instance.
/// </summary>
public static class Instances
{
    public const string ApplicationName = "WorkProgramme";

    public static IServiceCollection AddWebInstances(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<WorkProgrammeDb>();
        return services;
    }
}
