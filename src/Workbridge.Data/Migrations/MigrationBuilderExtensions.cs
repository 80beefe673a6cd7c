using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbridge.Data.Migrations;

internal static class MigrationBuilderExtensions
{
    public static bool IsNpgsql(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
}
