using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbridge.Data.Migrations;

/// <summary>
/// Work and training: employers, job orders, production contracts, courses, cohorts and certificates, placements
/// with their consents, timesheets, deduction orders, pay statements, and the eligibility rule tables.
/// </summary>
[DbContext(typeof(WorkbridgeDb))]
[Migration("20261122110000_Work")]
public sealed class Work : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Employers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                LegalName = table.Column<string>(maxLength: 300, nullable: false),
                TaxId = table.Column<string>(maxLength: 20, nullable: false),
                RegionCode = table.Column<string>(maxLength: 6, nullable: false),
                Sector = table.Column<string>(maxLength: 16, nullable: false),
                Verified = table.Column<bool>(nullable: false),
                VerifiedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Employers", x => x.Id);
                table.ForeignKey("FK_Employers_Regions_RegionCode", x => x.RegionCode, "Regions", "Code", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Employers_TaxId", "Employers", "TaxId", unique: true);
        migrationBuilder.CreateIndex("IX_Employers_RegionCode", "Employers", "RegionCode");

        migrationBuilder.CreateTable(
            name: "ProductionContracts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProducerFacilityId = table.Column<Guid>(nullable: false),
                Number = table.Column<string>(maxLength: 64, nullable: false),
                Customer = table.Column<string>(maxLength: 300, nullable: false),
                CustomerFacilityId = table.Column<Guid>(nullable: true),
                Deadline = table.Column<DateOnly>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProductionContracts", x => x.Id);
                table.ForeignKey("FK_ProductionContracts_Facilities_ProducerFacilityId", x => x.ProducerFacilityId, "Facilities", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ProductionContracts_Facilities_CustomerFacilityId", x => x.CustomerFacilityId, "Facilities", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ProductionContracts_ProducerFacilityId", "ProductionContracts", "ProducerFacilityId");
        migrationBuilder.CreateIndex("IX_ProductionContracts_CustomerFacilityId", "ProductionContracts", "CustomerFacilityId");

        migrationBuilder.CreateTable(
            name: "ProductionContractItems",
            columns: table => new
            {
                ContractId = table.Column<Guid>(nullable: false),
                Line = table.Column<int>(nullable: false),
                Description = table.Column<string>(maxLength: 300, nullable: false),
                Unit = table.Column<string>(maxLength: 16, nullable: false),
                Quantity = table.Column<int>(nullable: false),
                Delivered = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProductionContractItems", x => new { x.ContractId, x.Line });
                table.ForeignKey("FK_ProductionContractItems_ProductionContracts_ContractId", x => x.ContractId, "ProductionContracts", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "JobOrders",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EmployerId = table.Column<Guid>(nullable: true),
                IsPrivateEmployer = table.Column<bool>(nullable: false),
                FacilityId = table.Column<Guid>(nullable: true),
                Mode = table.Column<string>(maxLength: 16, nullable: false),
                ServedRegions = table.Column<string>(maxLength: 2000, nullable: false),
                IscoCode = table.Column<string>(maxLength: 4, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Duties = table.Column<string>(maxLength: 4000, nullable: false),
                HourlyWageMinor = table.Column<long>(nullable: false),
                HoursPerWeek = table.Column<int>(nullable: false),
                StartDate = table.Column<DateOnly>(nullable: false),
                EndDate = table.Column<DateOnly>(nullable: true),
                Seats = table.Column<int>(nullable: false),
                AccessNeeds = table.Column<int>(nullable: false),
                Hazardous = table.Column<bool>(nullable: false),
                Supervision = table.Column<string>(maxLength: 2000, nullable: false),
                ProductionContractId = table.Column<Guid>(nullable: true),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_JobOrders", x => x.Id);
                table.ForeignKey("FK_JobOrders_Employers_EmployerId", x => x.EmployerId, "Employers", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_JobOrders_Facilities_FacilityId", x => x.FacilityId, "Facilities", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_JobOrders_ProductionContracts_ProductionContractId", x => x.ProductionContractId, "ProductionContracts", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_JobOrders_EmployerId", "JobOrders", "EmployerId");
        migrationBuilder.CreateIndex("IX_JobOrders_FacilityId", "JobOrders", "FacilityId");
        migrationBuilder.CreateIndex("IX_JobOrders_ProductionContractId", "JobOrders", "ProductionContractId");
        migrationBuilder.CreateIndex("IX_JobOrders_Status_IscoCode", "JobOrders", ["Status", "IscoCode"]);

        migrationBuilder.CreateTable(
            name: "TrainingCourses",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                IscoCode = table.Column<string>(maxLength: 4, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Hours = table.Column<int>(nullable: false),
                Syllabus = table.Column<string>(maxLength: 4000, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_TrainingCourses", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Cohorts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CourseId = table.Column<Guid>(nullable: false),
                FacilityId = table.Column<Guid>(nullable: false),
                IscoCode = table.Column<string>(maxLength: 4, nullable: false),
                Seats = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Duties = table.Column<string>(maxLength: 4000, nullable: false),
                HourlyWageMinor = table.Column<long>(nullable: false),
                HoursPerWeek = table.Column<int>(nullable: false),
                StartDate = table.Column<DateOnly>(nullable: false),
                EndDate = table.Column<DateOnly>(nullable: true),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Cohorts", x => x.Id);
                table.ForeignKey("FK_Cohorts_TrainingCourses_CourseId", x => x.CourseId, "TrainingCourses", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Cohorts_Facilities_FacilityId", x => x.FacilityId, "Facilities", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Cohorts_CourseId", "Cohorts", "CourseId");
        migrationBuilder.CreateIndex("IX_Cohorts_FacilityId", "Cohorts", "FacilityId");

        migrationBuilder.CreateTable(
            name: "Placements",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                OpeningId = table.Column<Guid>(nullable: false),
                EmployerId = table.Column<Guid>(nullable: true),
                FacilityId = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                EndReason = table.Column<string>(maxLength: 24, nullable: true),
                EndNote = table.Column<string>(maxLength: 500, nullable: true),
                ProposedBy = table.Column<string>(maxLength: 100, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                AppliedAt = table.Column<DateTime>(nullable: true),
                AcceptedAt = table.Column<DateTime>(nullable: true),
                ActivatedAt = table.Column<DateTime>(nullable: true),
                EndedAt = table.Column<DateTime>(nullable: true),
                ConsentId = table.Column<Guid>(nullable: true),
                ConsentTermsHash = table.Column<string>(maxLength: 64, nullable: true),
                SuspendedAt = table.Column<DateTime>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Placements", x => x.Id);
                table.ForeignKey("FK_Placements_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Placements_Facilities_FacilityId", x => x.FacilityId, "Facilities", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Placements_PersonId_Status", "Placements", ["PersonId", "Status"]);
        migrationBuilder.CreateIndex("IX_Placements_OpeningId_Status", "Placements", ["OpeningId", "Status"]);
        migrationBuilder.CreateIndex("IX_Placements_EmployerId_Status", "Placements", ["EmployerId", "Status"]);
        migrationBuilder.CreateIndex("IX_Placements_FacilityId_Status", "Placements", ["FacilityId", "Status"]);

        migrationBuilder.CreateTable(
            name: "PlacementPeriods",
            columns: table => new
            {
                PlacementId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                From = table.Column<DateTime>(nullable: false),
                To = table.Column<DateTime>(nullable: true),
                ConsentId = table.Column<Guid>(nullable: false),
                HourlyRateMinor = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlacementPeriods", x => new { x.PlacementId, x.Number });
                table.ForeignKey("FK_PlacementPeriods_Placements_PlacementId", x => x.PlacementId, "Placements", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Consents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PlacementId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                TermsHash = table.Column<string>(maxLength: 64, nullable: false),
                Snapshot = table.Column<string>(maxLength: 8000, nullable: false),
                Channel = table.Column<string>(maxLength: 24, nullable: false),
                RecordedBy = table.Column<string>(maxLength: 100, nullable: false),
                WrittenReference = table.Column<string>(maxLength: 64, nullable: true),
                GivenAt = table.Column<DateTime>(nullable: false),
                WithdrawnAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Consents", x => x.Id);
                table.ForeignKey("FK_Consents_Placements_PlacementId", x => x.PlacementId, "Placements", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Consents_PlacementId", "Consents", "PlacementId");
        migrationBuilder.CreateIndex("IX_Consents_PersonId", "Consents", "PersonId");

        migrationBuilder.CreateTable(
            name: "Certificates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                PlacementId = table.Column<Guid>(nullable: false),
                CohortId = table.Column<Guid>(nullable: false),
                CourseId = table.Column<Guid>(nullable: false),
                IscoCode = table.Column<string>(maxLength: 4, nullable: false),
                Number = table.Column<string>(maxLength: 64, nullable: false),
                IssuedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Certificates", x => x.Id);
                table.ForeignKey("FK_Certificates_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Certificates_Cohorts_CohortId", x => x.CohortId, "Cohorts", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Certificates_PlacementId", "Certificates", "PlacementId", unique: true);
        migrationBuilder.CreateIndex("IX_Certificates_PersonId", "Certificates", "PersonId");
        migrationBuilder.CreateIndex("IX_Certificates_CohortId", "Certificates", "CohortId");

        migrationBuilder.CreateTable(
            name: "PayStatements",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                FacilityId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Month = table.Column<int>(nullable: false),
                GrossMinor = table.Column<long>(nullable: false),
                DeductionsMinor = table.Column<long>(nullable: false),
                NetMinor = table.Column<long>(nullable: false),
                GuaranteedMinor = table.Column<long>(nullable: false),
                GuaranteedPermille = table.Column<int>(nullable: false),
                DisputedEntries = table.Column<int>(nullable: false),
                IssuedBy = table.Column<string>(maxLength: 100, nullable: false),
                IssuedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PayStatements", x => x.Id);
                table.ForeignKey("FK_PayStatements_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PayStatements_PersonId_Year_Month_FacilityId", "PayStatements", ["PersonId", "Year", "Month", "FacilityId"], unique: true);
        migrationBuilder.CreateIndex("IX_PayStatements_FacilityId_Year_Month", "PayStatements", ["FacilityId", "Year", "Month"]);

        migrationBuilder.CreateTable(
            name: "PayStatementLines",
            columns: table => new
            {
                PayStatementId = table.Column<Guid>(nullable: false),
                Order = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                Description = table.Column<string>(maxLength: 300, nullable: false),
                AmountMinor = table.Column<long>(nullable: false),
                PlacementId = table.Column<Guid>(nullable: true),
                DeductionOrderId = table.Column<Guid>(nullable: true),
                Minutes = table.Column<long>(nullable: true),
                RateMinor = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PayStatementLines", x => new { x.PayStatementId, x.Order });
                table.ForeignKey("FK_PayStatementLines_PayStatements_PayStatementId", x => x.PayStatementId, "PayStatements", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TimesheetEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PlacementId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Minutes = table.Column<int>(nullable: false),
                ConsentId = table.Column<Guid>(nullable: false),
                RateMinor = table.Column<long>(nullable: false),
                EnteredBy = table.Column<string>(maxLength: 100, nullable: false),
                EnteredAt = table.Column<DateTime>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                DisputeNote = table.Column<string>(maxLength: 500, nullable: true),
                PayStatementId = table.Column<Guid>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TimesheetEntries", x => x.Id);
                table.ForeignKey("FK_TimesheetEntries_Placements_PlacementId", x => x.PlacementId, "Placements", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_TimesheetEntries_PlacementId_Date", "TimesheetEntries", ["PlacementId", "Date"], unique: true);
        migrationBuilder.CreateIndex("IX_TimesheetEntries_PersonId_Date", "TimesheetEntries", ["PersonId", "Date"]);

        migrationBuilder.CreateTable(
            name: "DeductionOrders",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                Permille = table.Column<int>(nullable: true),
                MonthlyMinor = table.Column<long>(nullable: true),
                OutstandingMinor = table.Column<long>(nullable: true),
                Reference = table.Column<string>(maxLength: 200, nullable: false),
                From = table.Column<DateOnly>(nullable: false),
                To = table.Column<DateOnly>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DeductionOrders", x => x.Id);
                table.ForeignKey("FK_DeductionOrders_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_DeductionOrders_PersonId", "DeductionOrders", "PersonId");

        migrationBuilder.CreateTable(
            name: "PayProtections",
            columns: table => new
            {
                PersonId = table.Column<Guid>(nullable: false),
                Reason = table.Column<string>(maxLength: 32, nullable: false),
                RecordedBy = table.Column<string>(maxLength: 100, nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PayProtections", x => x.PersonId);
                table.ForeignKey("FK_PayProtections_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "SecurityRules",
            columns: table => new
            {
                Code = table.Column<string>(maxLength: 100, nullable: false),
                Category = table.Column<string>(maxLength: 32, nullable: false),
                Need = table.Column<string>(maxLength: 32, nullable: false),
                Reason = table.Column<string>(maxLength: 300, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SecurityRules", x => x.Code));

        migrationBuilder.CreateTable(
            name: "WorkModeRules",
            columns: table => new
            {
                FacilityKind = table.Column<string>(maxLength: 40, nullable: false),
                Mode = table.Column<string>(maxLength: 16, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_WorkModeRules", x => new { x.FacilityKind, x.Mode }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "WorkModeRules", "SecurityRules", "PayProtections", "DeductionOrders", "TimesheetEntries", "PayStatementLines", "PayStatements", "Certificates", "Consents", "PlacementPeriods", "Placements", "Cohorts", "TrainingCourses", "JobOrders", "ProductionContractItems", "ProductionContracts", "Employers" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
