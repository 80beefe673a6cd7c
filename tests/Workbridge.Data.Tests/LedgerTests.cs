using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Workbridge.Core.Ledger;
using Workbridge.Core.Registry;
using Workbridge.Data.Ledger;
using Workbridge.Data.Seeding;

namespace Workbridge.Data.Tests;

/// <summary>
/// Tampering as an administrator with direct database access could: every case is made after a checkpoint and must be
/// found by verification against it, on SQLite and on PostgreSQL.
/// </summary>
public sealed class LedgerTests
{
    public enum Tamper
    {
        None,
        EditEntry,
        DeleteEntry,
        DeleteTail,
        Reorder,
        Insert,
        EditBusinessRow,
        EditBusinessRowAndRecomputeLaterHashes,
        DeleteBusinessRow,
    }

    public static TheoryData<string, Tamper> Cases()
    {
        var cases = new TheoryData<string, Tamper>();
        foreach (var provider in new[] { TestDatabase.Sqlite, TestDatabase.Postgres })
        {
            foreach (var tamper in Enum.GetValues<Tamper>())
            {
                cases.Add(provider, tamper);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Verify_AgainstACheckpoint_FindsEveryKindOfTampering(string provider, Tamper tamper)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.Open();
        await Seeder.SeedAsync(test.UnitOfWork(db), TestDatabase.Clerk, new Seeder.Options(40, 2, Seed: 13), null, default);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var checkpoint = await Checkpoints.CreateAsync(test.UnitOfWork(db), key, default);
        var size = checkpoint.Size;
        size.ShouldBeGreaterThan(100);

        var target = size - 20;
        var expected = await TamperAsync(db, tamper, target, size);

        await using var fresh = test.Open();
        var result = await LedgerVerifier.VerifyAsync(fresh, checkpoint, checkpoint.KeyFingerprint, null, default);
        if (tamper == Tamper.None)
        {
            result.Ok.ShouldBeTrue(result.Problem);
            result.Entries.ShouldBe(size);
            result.EntitiesChecked.ShouldBeGreaterThan(40);
            return;
        }

        result.Ok.ShouldBeFalse();
        result.Problem.ShouldNotBeNull().ShouldContain(expected);
    }

    private static async Task<string> TamperAsync(WorkbridgeDb db, Tamper tamper, long target, long size)
    {
        switch (tamper)
        {
            case Tamper.None:
                return "";
            case Tamper.EditEntry:
                await db.Database.ExecuteSqlAsync($"""UPDATE "LedgerEntries" SET "ActorId" = 'someone-else' WHERE "Sequence" = {target}""");
                return $"entry {target} has been altered";
            case Tamper.DeleteEntry:
                await db.Database.ExecuteSqlAsync($"""DELETE FROM "LedgerEntries" WHERE "Sequence" = {target}""");
                return $"entry {target} is missing";
            case Tamper.DeleteTail:
                await db.Database.ExecuteSqlAsync($"""DELETE FROM "LedgerEntries" WHERE "Sequence" > {target}""");
                return $"ends at entry {target} but the checkpoint covers {size}";
            case Tamper.Reorder:
                await db.Database.ExecuteSqlAsync($"""UPDATE "LedgerEntries" SET "Sequence" = -1 WHERE "Sequence" = {target}""");
                await db.Database.ExecuteSqlAsync($"""UPDATE "LedgerEntries" SET "Sequence" = {target} WHERE "Sequence" = {target + 1}""");
                await db.Database.ExecuteSqlAsync($"""UPDATE "LedgerEntries" SET "Sequence" = {target + 1} WHERE "Sequence" = -1""");
                return $"entry {target} does not follow";
            case Tamper.Insert:
            {
                // A well-formed entry slipped in after the target, later entries shifted up by one.
                var before = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Sequence == target);
                var forged = new LedgerEntry(target + 1, before.At, "forger", "update", "Person", Guid.NewGuid().ToString(), null, LedgerHash.Deleted, before.Hash);
                for (var sequence = size; sequence > target; sequence--)
                {
                    await db.Database.ExecuteSqlAsync($"""UPDATE "LedgerEntries" SET "Sequence" = {sequence + 1} WHERE "Sequence" = {sequence}""");
                }

                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "LedgerEntries" ("Sequence", "At", "ActorId", "Action", "EntityType", "EntityId", "FacilityId", "PayloadHash", "PreviousHash", "Hash")
                    VALUES ({forged.Sequence}, {forged.At}, {forged.ActorId}, {forged.Action}, {forged.EntityType}, {forged.EntityId}, {forged.FacilityId}, {forged.PayloadHash}, {forged.PreviousHash}, {forged.Hash})
                    """);
                return $"entry {target + 2} does not follow";
            }

            case Tamper.EditBusinessRow:
            {
                var person = await db.People.AsNoTracking().OrderBy(p => p.ReferenceNumber).FirstAsync();
                await db.Database.ExecuteSqlAsync($"""UPDATE "People" SET "Surname" = 'Подменный' WHERE "Id" = {person.Id}""");
                return $"Person {person.Id} differs from its last ledger entry";
            }

            case Tamper.DeleteBusinessRow:
            {
                var movement = await db.Movements.AsNoTracking().OrderByDescending(m => m.OccurredAt).FirstAsync();
                await db.Database.ExecuteSqlAsync($"""DELETE FROM "Movements" WHERE "Id" = {movement.Id}""");
                return $"Movement {movement.Id} was deleted without a ledger entry";
            }

            case Tamper.EditBusinessRowAndRecomputeLaterHashes:
            {
                // The most careful forger: changes a person's facility, gives the person's last entry the matching
                // payload hash and recomputes every later hash, so the chain and the data agree again.
                var person = await db.People.AsNoTracking().OrderBy(p => p.ReferenceNumber).FirstAsync();
                var other = await db.Facilities.AsNoTracking().FirstAsync(f => f.Id != person.FacilityId);
                await db.Database.ExecuteSqlAsync($"""UPDATE "People" SET "FacilityId" = {other.Id} WHERE "Id" = {person.Id}""");
                db.ChangeTracker.Clear();
                var changed = await db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id);
                var payload = EntitySnapshot.Hash(db.Model.FindEntityType(typeof(Person))!, changed);
                var entries = await db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
                var last = entries.Last(e => e.EntityType == "Person" && e.EntityId == person.Id.ToString());
                var previous = entries.Single(e => e.Sequence == last.Sequence - 1).Hash;
                foreach (var entry in entries.Where(e => e.Sequence >= last.Sequence))
                {
                    var rewritten = new LedgerEntry(entry.Sequence, entry.At, entry.ActorId, entry.Action, entry.EntityType, entry.EntityId, entry.FacilityId, entry.Sequence == last.Sequence ? payload : entry.PayloadHash, previous);
                    await db.Database.ExecuteSqlAsync($"""UPDATE "LedgerEntries" SET "PayloadHash" = {rewritten.PayloadHash}, "PreviousHash" = {rewritten.PreviousHash}, "Hash" = {rewritten.Hash} WHERE "Sequence" = {entry.Sequence}""");
                    previous = rewritten.Hash;
                }

                return "differs from the checkpoint";
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(tamper));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryWrite_AppendsOneEntryPerEntity_AndEveryMovementAnOutboxEvent(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.Open();
        var before = await db.LedgerEntries.CountAsync();
        before.ShouldBe(619 + 83 + await db.Offences.CountAsync() + await db.SecurityRules.CountAsync() + await db.WorkModeRules.CountAsync());

        await Seeder.SeedAsync(test.UnitOfWork(db), TestDatabase.Clerk, new Seeder.Options(30, 2, Seed: 2), null, default);

        var entities = await db.People.CountAsync() + await db.Facilities.CountAsync() + await db.Movements.CountAsync();
        (await db.LedgerEntries.CountAsync()).ShouldBe(before + entities);
        (await db.Outbox.CountAsync()).ShouldBe(await db.Movements.CountAsync());
        var received = await db.Outbox.AsNoTracking().Where(o => o.EventType == "person.received").CountAsync();
        received.ShouldBe(30);
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.EntityType == "Person").ToListAsync();
        entries.ShouldAllBe(e => e.ActorId == TestDatabase.Clerk.Id);
        // Only ids and hashes: no name of any person appears in the ledger.
        var surnames = await db.People.Select(p => p.Identity.Surname).ToListAsync();
        var ledgerText = string.Join('|', (await db.LedgerEntries.AsNoTracking().ToListAsync()).Select(e => $"{e.ActorId}{e.Action}{e.EntityType}{e.EntityId}"));
        surnames.ShouldAllBe(s => !ledgerText.Contains(s, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnitOfWork_FailureAfterSaving_LeavesNoStateNoEntryNoEvent(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.Open();
        await Seeder.SeedAsync(test.UnitOfWork(db), TestDatabase.Clerk, new Seeder.Options(5, 2, Seed: 2), null, default);
        var (entries, events) = (await db.LedgerEntries.CountAsync(), await db.Outbox.CountAsync());
        var person = await db.People.FirstAsync(p => p.Status == CustodyStatus.InCustody);
        var target = await db.Facilities.FirstAsync(f => f.Id != person.FacilityId);
        var uow = test.UnitOfWork(db);

        await Should.ThrowAsync<InvalidOperationException>(() => uow.RunAsync<int>(TestDatabase.Clerk, async d =>
        {
            d.Movements.Add(person.Transfer(target, uow.Now, "moved", "test", uow.Now));
            await d.SaveChangesAsync();
            throw new InvalidOperationException("the change failed after its first save");
        }, default));

        await using var fresh = test.Open();
        (await fresh.LedgerEntries.CountAsync()).ShouldBe(entries);
        (await fresh.Outbox.CountAsync()).ShouldBe(events);
        (await fresh.People.SingleAsync(p => p.Id == person.Id)).FacilityId.ShouldNotBe(target.Id);
        (await LedgerVerifier.VerifyAsync(fresh, null, null, null, default)).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task SaveOutsideAUnitOfWork_IsRefused()
    {
        await using var test = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var db = test.Open();
        db.Facilities.Add(new Facility("IK-9-X", "x", FacilityKind.Prison, "RU-MOW", 10, 0));
        (await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync())).Message.ShouldContain("UnitOfWork");
    }

    [Fact]
    public void Checkpoint_AlteredOrSignedByAnotherKey_IsRefused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var checkpoint = Checkpoint.Sign(120, LedgerHash.Genesis, new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc), key);

        checkpoint.HasValidSignature().ShouldBeTrue();
        checkpoint.HasValidSignature(checkpoint.KeyFingerprint).ShouldBeTrue();
        (checkpoint with { Size = 119 }).HasValidSignature().ShouldBeFalse();
        (checkpoint with { HeadHash = LedgerHash.Deleted }).HasValidSignature().ShouldBeFalse();
        var forged = Checkpoint.Sign(119, LedgerHash.Genesis, checkpoint.At, other);
        forged.HasValidSignature(checkpoint.KeyFingerprint).ShouldBeFalse();
    }
}
