using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbridge.Data.Migrations;

/// <summary>The hash-chained ledger, its signed checkpoints, and the outbox of events.</summary>
[DbContext(typeof(WorkbridgeDb))]
[Migration("20261122090000_LedgerAndOutbox")]
public sealed class LedgerAndOutbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "LedgerEntries",
            columns: table => new
            {
                Sequence = table.Column<long>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                ActorId = table.Column<string>(maxLength: 100, nullable: false),
                Action = table.Column<string>(maxLength: 16, nullable: false),
                EntityType = table.Column<string>(maxLength: 64, nullable: false),
                EntityId = table.Column<string>(maxLength: 100, nullable: false),
                FacilityId = table.Column<Guid>(nullable: true),
                PayloadHash = table.Column<string>(maxLength: 64, nullable: false),
                PreviousHash = table.Column<string>(maxLength: 64, nullable: false),
                Hash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_LedgerEntries", x => x.Sequence));
        migrationBuilder.CreateIndex("IX_LedgerEntries_EntityType_EntityId", "LedgerEntries", ["EntityType", "EntityId"]);

        migrationBuilder.CreateTable(
            name: "LedgerCheckpoints",
            columns: table => new
            {
                Size = table.Column<long>(nullable: false),
                HeadHash = table.Column<string>(maxLength: 64, nullable: false),
                At = table.Column<DateTime>(nullable: false),
                PublicKey = table.Column<string>(maxLength: 200, nullable: false),
                Signature = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_LedgerCheckpoints", x => x.Size));

        migrationBuilder.CreateTable(
            name: "Outbox",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EventType = table.Column<string>(maxLength: 64, nullable: false),
                OccurredAt = table.Column<DateTime>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                PersonId = table.Column<Guid>(nullable: true),
                PersonSequence = table.Column<int>(nullable: true),
                FacilityId = table.Column<Guid>(nullable: true),
                SubjectId = table.Column<Guid>(nullable: true),
                DispatchedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Outbox", x => x.Id));
        migrationBuilder.CreateIndex("IX_Outbox_DispatchedAt", "Outbox", "DispatchedAt");
        migrationBuilder.CreateIndex("IX_Outbox_PersonId_PersonSequence", "Outbox", ["PersonId", "PersonSequence"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Outbox");
        migrationBuilder.DropTable("LedgerCheckpoints");
        migrationBuilder.DropTable("LedgerEntries");
    }
}
