using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbridge.Data.Migrations;

/// <summary>Local accounts with a role and its scope, and API tokens (hashed) for integrations.</summary>
[DbContext(typeof(WorkbridgeDb))]
[Migration("20261122100000_Accounts")]
public sealed class Accounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Accounts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserName = table.Column<string>(maxLength: 64, nullable: false),
                DisplayName = table.Column<string>(maxLength: 200, nullable: false),
                Role = table.Column<string>(maxLength: 24, nullable: false),
                FacilityId = table.Column<Guid>(nullable: true),
                RegionCode = table.Column<string>(maxLength: 6, nullable: true),
                EmployerId = table.Column<Guid>(nullable: true),
                PersonId = table.Column<Guid>(nullable: true),
                PasswordHash = table.Column<string>(maxLength: 200, nullable: false),
                SecurityStamp = table.Column<string>(maxLength: 32, nullable: false),
                Disabled = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Accounts", x => x.Id);
                table.ForeignKey("FK_Accounts_Facilities_FacilityId", x => x.FacilityId, "Facilities", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Accounts_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Accounts_UserName", "Accounts", "UserName", unique: true);
        migrationBuilder.CreateIndex("IX_Accounts_FacilityId", "Accounts", "FacilityId");
        migrationBuilder.CreateIndex("IX_Accounts_PersonId", "Accounts", "PersonId");

        migrationBuilder.CreateTable(
            name: "ApiTokens",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AccountId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                SecretHash = table.Column<string>(maxLength: 64, nullable: false),
                AccountStamp = table.Column<string>(maxLength: 32, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                RevokedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApiTokens", x => x.Id);
                table.ForeignKey("FK_ApiTokens_Accounts_AccountId", x => x.AccountId, "Accounts", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ApiTokens_AccountId", "ApiTokens", "AccountId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ApiTokens");
        migrationBuilder.DropTable("Accounts");
    }
}
