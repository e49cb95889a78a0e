using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WorkProgramme.Application.Data;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: the database answers and holds every migration,
/// so a proxy or orchestrator sends traffic only to an instance that can serve it. Both anonymous.
/// </summary>
public static class Health
{
    private const string Ready = "ready";

    public static IServiceCollection AddWebHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<WorkProgrammeDb>("database", tags: [Ready])
            .AddCheck<MigrationsApplied>("migrations", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) })
            .AllowAnonymous().DisableRateLimiting();
        return endpoints;
    }

    private sealed class MigrationsApplied(WorkProgrammeDb db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}");
        }
    }
}
