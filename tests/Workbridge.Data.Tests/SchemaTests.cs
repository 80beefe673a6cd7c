using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Shouldly;
using Workbridge.Data.Storage;

namespace Workbridge.Data.Tests;

public sealed class SchemaTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_EmptyDatabase_LoadsEveryReferenceTable(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.Open();

        (await db.IscoGroups.CountAsync()).ShouldBe(619);
        (await db.IscoGroups.CountAsync(g => g.Code.Length == 4)).ShouldBe(436);
        (await db.Regions.CountAsync(r => r.CountryCode == "RU")).ShouldBe(83);
        (await db.Offences.CountAsync()).ShouldBeGreaterThan(60);
        var moscow = await db.Regions.SingleAsync(r => r.Code == "RU-MOW");
        moscow.MinimumWageOn(new DateOnly(2026, 6, 1)).ShouldNotBeNull().MonthlyMinor.ShouldBeGreaterThanOrEqualTo(2709300);
        (await db.Offences.SingleAsync(o => o.Article == "127.2")).TitleRu.ShouldBe("Использование рабского труда");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_Twice_IsHarmless(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.Open();
        await Schema.MigrateAsync(db);
        (await db.IscoGroups.CountAsync()).ShouldBe(619);
    }

    /// <summary>The hand-written migrations must create exactly the columns the model maps, with the same nullability.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrations_MatchTheModel_ColumnForColumn(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.Open();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var problems = new List<string>();
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            var actual = await ColumnsAsync(connection, provider, table.Name);
            if (actual.Count == 0)
            {
                problems.Add($"table {table.Name} is missing");
                continue;
            }

            foreach (var column in table.Columns)
            {
                if (!actual.TryGetValue(column.Name, out var nullable))
                {
                    problems.Add($"{table.Name}.{column.Name} is missing");
                }
                else if (nullable != column.IsNullable)
                {
                    problems.Add($"{table.Name}.{column.Name} is {(nullable ? "nullable" : "not null")} in the database, {(column.IsNullable ? "nullable" : "not null")} in the model");
                }
            }

            problems.AddRange(actual.Keys.Except(table.Columns.Select(c => c.Name)).Select(extra => $"{table.Name}.{extra} is not in the model"));
            var indexes = await IndexesAsync(connection, provider, table.Name);
            problems.AddRange(table.Indexes.Select(i => i.Name).Except(indexes).Select(missing => $"index {missing} is missing"));
        }

        problems.ShouldBeEmpty();
    }

    private static async Task<HashSet<string>> IndexesAsync(DbConnection connection, string provider, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = provider == TestDatabase.Sqlite
            ? $"SELECT name FROM pragma_index_list('{table}')"
            : $"SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = '{table}'";
        var names = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<Dictionary<string, bool>> ColumnsAsync(DbConnection connection, string provider, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = provider == TestDatabase.Sqlite
            ? $"SELECT name, \"notnull\" = 0 FROM pragma_table_info('{table}')"
            : $"SELECT column_name, is_nullable = 'YES' FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}'";
        var columns = new Dictionary<string, bool>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns[reader.GetString(0)] = Convert.ToBoolean(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return columns;
    }
}
