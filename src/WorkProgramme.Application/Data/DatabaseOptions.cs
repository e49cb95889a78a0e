using Microsoft.Extensions.Configuration;

namespace WorkProgramme.Application.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database to use: <c>Database:Provider</c> and <c>ConnectionStrings:WorkProgramme</c>.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionStringName = "WorkProgramme";

    /// <summary>Where the SQLite file lives when no connection string is configured (the README names it).</summary>
    public static string DefaultSqlitePath => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "WorkProgramme", "workprogramme.db");

    public static DatabaseOptions From(IConfiguration configuration)
    {
        var providerName = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{providerName}' is not supported; use one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            // A server database has no sensible default: starting against the wrong one is worse than not starting.
            connectionString = provider == DatabaseProvider.Sqlite
                ? $"Data Source={DefaultSqlitePath}"
                : throw new InvalidOperationException(
                    $"Database:Provider is {provider}: set ConnectionStrings:{ConnectionStringName} (environment variable ConnectionStrings__{ConnectionStringName}).");
        }

        return new DatabaseOptions(provider, connectionString);
    }
}
