using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkProgramme.Application.Features.Interchange;

namespace WorkProgramme.Application.Data;

/// <summary>Brings the database to the current schema and, when it holds no programme, loads the shipped ones.</summary>
public sealed class DatabaseInitializer(WorkProgrammeDb db, SchemaMigration schema, ImportProgramme.Handler import, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        EnsureSqliteFolder();
        await schema.MigrateAsync(cancellationToken);
        if (await db.Programmes.AnyAsync(cancellationToken))
        {
            return;
        }

        var files = new List<(string Name, ProgrammeFile File)>();
        foreach (var (name, open) in SeedFiles())
        {
            await using var stream = open();
            var (file, problems) = await ProgrammeJson.ReadAsync(stream, cancellationToken);
            files.Add((name, file ?? throw Invalid(name, problems)));
        }

        // One transaction for every file: a start killed while seeding leaves an empty database, seeded again next time,
        // never half the shipped programmes (which the check above would then take for a seeded database).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // A programme file holds one version; a programme's versions are loaded oldest first (labels are dates, e.g.
        // 2023-10 then 2024-04), since each import adds the next version.
        foreach (var (name, file) in files.OrderBy(f => f.File.Slug, StringComparer.Ordinal).ThenBy(f => f.File.Version?.Label, StringComparer.Ordinal))
        {
            var outcome = await import.HandleAsync(new(file), cancellationToken);
            if (!outcome.Succeeded)
            {
                throw Invalid(name, outcome.Problems);
            }

            logger.LogInformation("Loaded {Programme} {Version} ({Activities} activities) from {Resource}", outcome.Slug, file.Version?.Label,
                outcome.Activities, name);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The shipped data is part of the product: a problem in it is a bug, not a user error.</summary>
    private static InvalidOperationException Invalid(string name, IEnumerable<ImportProblem> problems) =>
        new($"Shipped data {name} is invalid: {string.Join("; ", problems.Select(p => p.Describe(Domain.Common.Language.En)))}");

    /// <summary>The programme files embedded in this assembly from the repository's data/ folder.</summary>
    public static IEnumerable<(string Name, Func<Stream> Open)> SeedFiles()
    {
        var assembly = typeof(DatabaseInitializer).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("SeedData.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n, (Func<Stream>)(() => Open(assembly, n))));
    }

    private static Stream Open(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing resource {name}");

    private void EnsureSqliteFolder()
    {
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var path = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(path) && path != ":memory:" && folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
