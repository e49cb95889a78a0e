using WorkProgramme.Application.Data;

namespace WorkProgramme.Web.Infrastructure;

public static class DatabaseStartup
{
    /// <summary>Migrations run at start; an empty database receives the shipped programmes.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
    }
}
