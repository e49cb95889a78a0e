using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using WorkProgramme.Application;
using WorkProgramme.Application.Data;

namespace WorkProgramme.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for SQLite without starting a host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<WorkProgrammeDb>
{
    public WorkProgrammeDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<WorkProgrammeDb>();
        ApplicationServices.Configure(options, new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
        return new WorkProgrammeDb(options.Options);
    }
}
