using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Workbridge.Data.Migrations;

/// <summary>
/// The registry: reference data (regions, ISCO-08, offence catalogue), facilities, people and movements. Written by
/// hand; column types come from each provider's mapping of the CLR type, so the one migration serves both databases.
/// </summary>
[DbContext(typeof(WorkbridgeDb))]
[Migration("20261122080000_Registry")]
public sealed class Registry : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var byteOrder = migrationBuilder.IsNpgsql() ? "C" : null;

        migrationBuilder.CreateTable(
            name: "Regions",
            columns: table => new
            {
                Code = table.Column<string>(maxLength: 6, nullable: false),
                CountryCode = table.Column<string>(maxLength: 2, nullable: false),
                NameEn = table.Column<string>(maxLength: 120, nullable: false),
                NameRu = table.Column<string>(maxLength: 120, nullable: false),
                Currency = table.Column<string>(maxLength: 3, nullable: false),
                Population = table.Column<long>(nullable: false),
                UtcOffsetHours = table.Column<int>(nullable: false),
                WeeklyHours = table.Column<int>(nullable: false),
                DailyHours = table.Column<int>(nullable: false),
                WeeklyHoursAged16To18 = table.Column<int>(nullable: false),
                WeeklyHoursUnder16 = table.Column<int>(nullable: false),
                DailyHoursAged16To18 = table.Column<int>(nullable: false),
                DailyHoursAged15To16 = table.Column<int>(nullable: false),
                WorkingTimeSource = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Regions", x => x.Code));

        migrationBuilder.CreateTable(
            name: "RegionMinimumWages",
            columns: table => new
            {
                RegionCode = table.Column<string>(maxLength: 6, nullable: false),
                EffectiveFrom = table.Column<DateOnly>(nullable: false),
                MonthlyMinor = table.Column<long>(nullable: false),
                DistrictCoefficientPermille = table.Column<int>(nullable: false),
                Source = table.Column<string>(maxLength: 300, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RegionMinimumWages", x => new { x.RegionCode, x.EffectiveFrom });
                table.ForeignKey("FK_RegionMinimumWages_Regions_RegionCode", x => x.RegionCode, "Regions", "Code", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "IscoGroups",
            columns: table => new
            {
                Code = table.Column<string>(maxLength: 4, nullable: false),
                TitleEn = table.Column<string>(maxLength: 300, nullable: false),
                TitleRu = table.Column<string>(maxLength: 300, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_IscoGroups", x => x.Code));

        migrationBuilder.CreateTable(
            name: "Offences",
            columns: table => new
            {
                Code = table.Column<string>(maxLength: 16, nullable: false),
                Article = table.Column<string>(maxLength: 16, nullable: false),
                TitleEn = table.Column<string>(maxLength: 500, nullable: false),
                TitleRu = table.Column<string>(maxLength: 500, nullable: false),
                Categories = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Offences", x => new { x.Code, x.Article }));

        migrationBuilder.CreateTable(
            name: "Facilities",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 32, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                RegionCode = table.Column<string>(maxLength: 6, nullable: false),
                Capacity = table.Column<int>(nullable: false),
                RemoteWorkstations = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Facilities", x => x.Id);
                table.ForeignKey("FK_Facilities_Regions_RegionCode", x => x.RegionCode, "Regions", "Code", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Facilities_Code", "Facilities", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_Facilities_RegionCode", "Facilities", "RegionCode");

        migrationBuilder.CreateTable(
            name: "People",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ReferenceNumber = table.Column<string>(maxLength: 32, nullable: false, collation: byteOrder),
                Surname = table.Column<string>(maxLength: 100, nullable: false),
                GivenName = table.Column<string>(maxLength: 100, nullable: false),
                Patronymic = table.Column<string>(maxLength: 100, nullable: true),
                BirthDate = table.Column<DateOnly>(nullable: false),
                Sex = table.Column<string>(maxLength: 8, nullable: false),
                SearchName = table.Column<string>(maxLength: 320, nullable: false, collation: byteOrder),
                LegalStatus = table.Column<string>(maxLength: 16, nullable: false),
                SentenceKind = table.Column<string>(maxLength: 40, nullable: false),
                SentenceStart = table.Column<DateOnly>(nullable: true),
                SentenceEnd = table.Column<DateOnly>(nullable: true),
                ExpectedRelease = table.Column<DateOnly>(nullable: true),
                Education = table.Column<string>(maxLength: 32, nullable: false),
                OffenceCategories = table.Column<int>(nullable: false),
                Languages = table.Column<string>(maxLength: 200, nullable: false),
                WantsWork = table.Column<bool>(nullable: false),
                WantsTraining = table.Column<bool>(nullable: false),
                FacilityId = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(maxLength: 24, nullable: false),
                MovementCount = table.Column<int>(nullable: false),
                LastMovementAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_People", x => x.Id);
                table.ForeignKey("FK_People_Facilities_FacilityId", x => x.FacilityId, "Facilities", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_People_ReferenceNumber", "People", "ReferenceNumber", unique: true);
        migrationBuilder.CreateIndex("IX_People_SearchName", "People", "SearchName");
        migrationBuilder.CreateIndex("IX_People_FacilityId_Status", "People", ["FacilityId", "Status"]);
        migrationBuilder.CreateIndex("IX_People_LegalStatus_Status_SearchName", "People", ["LegalStatus", "Status", "SearchName"]);

        migrationBuilder.CreateTable(
            name: "PersonOffences",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                PersonId = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 16, nullable: false),
                Article = table.Column<string>(maxLength: 16, nullable: false),
                Part = table.Column<string>(maxLength: 8, nullable: true),
                Point = table.Column<string>(maxLength: 8, nullable: true),
                Categories = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonOffences", x => x.Id);
                table.ForeignKey("FK_PersonOffences_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_PersonOffences_PersonId", "PersonOffences", "PersonId");
        migrationBuilder.CreateIndex("IX_PersonOffences_Code_Article", "PersonOffences", ["Code", "Article"]);

        migrationBuilder.CreateTable(
            name: "PersonOccupations",
            columns: table => new
            {
                PersonId = table.Column<Guid>(nullable: false),
                IscoCode = table.Column<string>(maxLength: 4, nullable: false),
                Proficiency = table.Column<string>(maxLength: 16, nullable: false),
                Evidence = table.Column<string>(maxLength: 16, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonOccupations", x => new { x.PersonId, x.IscoCode });
                table.ForeignKey("FK_PersonOccupations_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_PersonOccupations_IscoCode_PersonId", "PersonOccupations", ["IscoCode", "PersonId"]);

        migrationBuilder.CreateTable(
            name: "Movements",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                OccurredAt = table.Column<DateTime>(nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                FromFacilityId = table.Column<Guid>(nullable: true),
                ToFacilityId = table.Column<Guid>(nullable: true),
                Date = table.Column<DateOnly>(nullable: true),
                PreviousDate = table.Column<DateOnly>(nullable: true),
                Reason = table.Column<string>(maxLength: 500, nullable: false),
                ActorId = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Movements", x => x.Id);
                table.ForeignKey("FK_Movements_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Movements_Facilities_FromFacilityId", x => x.FromFacilityId, "Facilities", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Movements_Facilities_ToFacilityId", x => x.ToFacilityId, "Facilities", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Movements_PersonId_Sequence", "Movements", ["PersonId", "Sequence"], unique: true);
        migrationBuilder.CreateIndex("IX_Movements_OccurredAt", "Movements", "OccurredAt");
        migrationBuilder.CreateIndex("IX_Movements_FromFacilityId", "Movements", "FromFacilityId");
        migrationBuilder.CreateIndex("IX_Movements_ToFacilityId", "Movements", "ToFacilityId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "Movements", "PersonOccupations", "PersonOffences", "People", "Facilities", "Offences", "IscoGroups", "RegionMinimumWages", "Regions" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
