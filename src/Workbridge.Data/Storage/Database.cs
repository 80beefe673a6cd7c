using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Workbridge.Data.Storage;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Where Workbridge keeps its data: the connection string named <c>Workbridge</c>
/// (<c>ConnectionStrings:Workbridge</c>, or <c>ConnectionStrings__Workbridge</c> in the environment).
/// <c>Data Source=FILE</c> is SQLite, <c>Host=…</c> is PostgreSQL; without one, SQLite at <see cref="DefaultSqlitePath"/>.
/// </summary>
public sealed record Database(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionName = "Workbridge";

    /// <summary>~/.local/share/workbridge/workbridge.db on Linux; the web application and the CLI share it.</summary>
    public static string DefaultSqlitePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "workbridge", "workbridge.db");

    public static Database FromConfiguration(IConfiguration configuration) => FromConnectionString(configuration.GetConnectionString(ConnectionName));

    public static Database FromConnectionString(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return Sqlite(DefaultSqlitePath);
        }

        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (builder.ContainsKey("Host") || builder.ContainsKey("Server"))
        {
            return new Database(DatabaseProvider.PostgreSql, connectionString);
        }

        if (builder.ContainsKey("Data Source") || builder.ContainsKey("DataSource") || builder.ContainsKey("Filename"))
        {
            return new Database(DatabaseProvider.Sqlite, connectionString);
        }

        throw new InvalidOperationException("The connection string 'Workbridge' must be 'Data Source=FILE' (SQLite) or 'Host=…;Database=…' (PostgreSQL).");
    }

    public static Database Sqlite(string path) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString());

    /// <summary>A short description for logs and start-up messages, without passwords.</summary>
    public string Describe()
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = ConnectionString };
        return Provider == DatabaseProvider.Sqlite
            ? $"SQLite {builder["Data Source"]}"
            : $"PostgreSQL {(builder.TryGetValue("Host", out var host) ? host : builder["Server"])}/{(builder.TryGetValue("Database", out var db) ? db : "postgres")}";
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            // A person's two owned collections are a handful of rows each: one query beats a round trip per collection.
            options.UseSqlite(ConnectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)).AddInterceptors(SqlitePragmas.Instance);
        }
        else
        {
            options.UseNpgsql(ConnectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
        }

        // The model snapshot belongs to design-time tooling this project cannot use; the migrations are written by hand
        // and Data.Tests prove that the migrated schema serves every entity of the model.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    public WorkbridgeDb Open()
    {
        var options = new DbContextOptionsBuilder<WorkbridgeDb>();
        Configure(options);
        return new WorkbridgeDb(options.Options);
    }

    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        // WAL lets readers run beside the writer; FULL makes a committed transaction survive power loss; the busy timeout
        // lets the CLI and the web application share the file.
        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";
            command.ExecuteNonQuery();
        }
    }
}
