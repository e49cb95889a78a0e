using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using WorkProgramme.Application;
using WorkProgramme.Application.Data;

namespace WorkProgramme.Migrations.Postgres;

/// <summary>
/// Lets <c>dotnet ef</c> build the model for PostgreSQL without starting a host. Adding a migration and checking for
/// pending model changes never connect, so the connection string only has to be well formed.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<WorkProgrammeDb>
{
    public WorkProgrammeDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<WorkProgrammeDb>();
        ApplicationServices.Configure(options, new DatabaseOptions(DatabaseProvider.Postgres, "Host=localhost;Database=workprogramme_design"));
        return new WorkProgrammeDb(options.Options);
    }
}
