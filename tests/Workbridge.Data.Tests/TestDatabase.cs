using Npgsql;
using Workbridge.Core.Access;
using Workbridge.Data.Storage;

namespace Workbridge.Data.Tests;

/// <summary>
/// A fresh, migrated database for one test: an SQLite file in a temporary folder, or a new database on the PostgreSQL
/// server named by WORKBRIDGE_TEST_POSTGRES (default: the local server, user postgres, password postgres). PostgreSQL
/// tests fail, never skip, when the server is missing: .ci/run installs and starts one.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly string? _file;
    private readonly string? _postgresName;

    private TestDatabase(Database database, string? file, string? postgresName)
    {
        Database = database;
        _file = file;
        _postgresName = postgresName;
    }

    public static TheoryData<string> Providers => [Sqlite, Postgres];

    public static Actor Clerk { get; } = new("test:clerk", "Test clerk", Role.CentralStaff);

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("WORKBRIDGE_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres";

    public Database Database { get; }

    public static async Task<TestDatabase> CreateAsync(string provider, bool migrate = true)
    {
        TestDatabase test;
        if (provider == Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), "workbridge-tests", $"{Guid.NewGuid():N}.db");
            test = new TestDatabase(Database.Sqlite(file), file, null);
        }
        else
        {
            var name = $"wb_test_{Guid.NewGuid():N}";
            try
            {
                await using var connection = new NpgsqlConnection(PostgresServer);
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException e)
            {
                throw new InvalidOperationException($"PostgreSQL is needed for these tests and is not reachable at '{new NpgsqlConnectionStringBuilder(PostgresServer) { Password = null }}': {e.Message}. Run .ci/run, or set WORKBRIDGE_TEST_POSTGRES.", e);
            }

            var builder = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = false };
            test = new TestDatabase(Database.FromConnectionString(builder.ToString()), null, name);
        }

        if (migrate)
        {
            await using var db = test.Database.Open();
            await Schema.MigrateAsync(db);
        }

        return test;
    }

    public WorkbridgeDb Open() => Database.Open();

    public UnitOfWork UnitOfWork(WorkbridgeDb db, TimeProvider? clock = null) => new(db, clock ?? TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                File.Delete(path);
            }
        }

        if (_postgresName is not null)
        {
            await using var connection = new NpgsqlConnection(PostgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
