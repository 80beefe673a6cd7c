using Microsoft.EntityFrameworkCore;
using Shouldly;
using Workbridge.Core.Registry;
using Workbridge.Data.Csv;
using Workbridge.Data.People;
using Workbridge.Data.Seeding;

namespace Workbridge.Data.Tests;

public sealed class PeopleCsvTests
{
    private const string Header = "reference_number,surname,given_name,patronymic,birth_date,sex,legal_status,sentence_kind,sentence_start,sentence_end,expected_release,education_isced,offences,occupations,languages,wants_work,wants_training,facility,admitted_at,status,released_at";

    private static string Row(string reference, string birth = "1990-04-12", string facility = "IK-1-TEST", string occupations = "7522:competent:certificate; 9313", string offences = "RU-UK 158 ч.2 п.«а»; RU-UK 228.1 ч.4", string status = "", string releasedAt = "") =>
        $"{reference},Семёнов,Пётр,Ильич,{birth},male,convicted,imprisonment,2024-01-15,2029-01-14,2029-01-14,3,\"{offences}\",\"{occupations}\",ru;tt,yes,no,{facility},2024-02-01,{status},{releasedAt}";

    private static Task AddFacilityAsync(WorkbridgeDb db) =>
        new UnitOfWork(db, TimeProvider.System).RunAsync(TestDatabase.Clerk, d =>
        {
            d.Facilities.Add(new Facility("IK-1-TEST", "ИК-1 — test", FacilityKind.GeneralRegimeColony, "RU-TA", 800, 10));
            return Task.FromResult(0);
        }, default);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_GoodFile_AddsEveryPersonWithAnAdmission(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.Open();
        await AddFacilityAsync(db);
        var csv = string.Join('\n', Header, Row("A-1"), Row("A-2", occupations: ""), Row("A-3", offences: "RU-UK 127.2 ч.1"), Row("A-4", status: "released", releasedAt: "2025-06-30T12:00:00Z"));

        var added = await PeopleCsv.ImportAsync(test.UnitOfWork(db), TestDatabase.Clerk, new StringReader(csv), "people.csv", null, default);

        added.ShouldBe(4);
        var released = await db.People.AsNoTracking().SingleAsync(p => p.ReferenceNumber == "A-4");
        (released.Status, released.MovementCount, released.LastMovementAt).ShouldBe((CustodyStatus.Released, 2, new DateTime(2025, 6, 30, 12, 0, 0, DateTimeKind.Utc)));
        var person = await db.People.AsNoTracking().SingleAsync(p => p.ReferenceNumber == "A-1");
        person.Identity.FullName.ShouldBe("Семёнов Пётр Ильич");
        person.SearchName.ShouldBe("семенов петр ильич");
        person.Offences.Select(o => o.Reference.ToString()).ShouldBe(["RU-UK 158 ч.2 п.«а»", "RU-UK 228.1 ч.4"]);
        person.OffenceCategories.HasFlag(Core.Reference.OffenceCategory.Drugs).ShouldBeTrue();
        person.Occupations.Select(o => o.IscoCode).ShouldBe(["7522", "9313"], ignoreOrder: true);
        person.Languages.ShouldBe(["ru", "tt"]);
        (await db.People.AsNoTracking().SingleAsync(p => p.ReferenceNumber == "A-3")).Offences.Single().Article.ShouldBe("127.2");
        (await db.Movements.CountAsync(m => m.Kind == MovementKind.Admission)).ShouldBe(4);
    }

    public static TheoryData<string, string, int, string, string> BadLines => new()
    {
        { TestDatabase.Sqlite, Row("B-2", birth: "1990-13-01"), 3, "birth_date", "1990-13-01" },
        { TestDatabase.Postgres, Row("B-2", birth: "1990-13-01"), 3, "birth_date", "1990-13-01" },
        { TestDatabase.Sqlite, Row("B-2", facility: "IK-99-NONE"), 3, "facility", "IK-99-NONE" },
        { TestDatabase.Postgres, Row("B-2", occupations: "9999"), 3, "occupations", "9999" },
        { TestDatabase.Sqlite, Row("B-2", occupations: "7522:wizard"), 3, "occupations", "wizard" },
        { TestDatabase.Sqlite, Row("B-2", offences: "RU-UK 999 ч.1"), 3, "offences", "999" },
        { TestDatabase.Postgres, Row("B-1"), 3, "reference_number", "line 2" },
        { TestDatabase.Sqlite, Row("B-2", birth: "2020-01-01"), 3, "birth_date", "age" },
        { TestDatabase.Sqlite, "B-2,Иванов,Иван", 3, "", "3 fields" },
        { TestDatabase.Sqlite, Row("B-2").Replace("Семёнов", "Сем\"ёнов", StringComparison.Ordinal), 3, "", "quote" },
        { TestDatabase.Postgres, Row("B-2", status: "released"), 3, "released_at", "needs the time" },
        { TestDatabase.Sqlite, Row("B-2", status: "released", releasedAt: "2020-01-01"), 3, "released_at", "before the latest" },
        { TestDatabase.Sqlite, Row("B-2", status: "jailed"), 3, "status", "jailed" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public async Task Import_BadLine_NamesLineAndField_AndStoresNothing(string provider, string badRow, int line, string field, string mentions)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.Open();
        await AddFacilityAsync(db);
        var csv = string.Join('\n', Header, Row("B-1"), badRow, Row("B-3"));

        var error = await Should.ThrowAsync<ImportError>(() => PeopleCsv.ImportAsync(test.UnitOfWork(db), TestDatabase.Clerk, new StringReader(csv), "people.csv", null, default));

        error.Line.ShouldBe(line);
        error.Field.ShouldBe(field.Length == 0 ? null : field);
        error.Message.ShouldContain(mentions);
        error.Message.ShouldStartWith("people.csv line 3");
        await using var fresh = test.Open();
        (await fresh.People.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Import_LineStartingWithHashAfterTheHeader_IsData_NeverSkipped()
    {
        await using var test = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var db = test.Open();
        await AddFacilityAsync(db);
        var csv = string.Join('\n', "# people of IK-1", Header, Row("H-1"), "#" + Row("H-2"));

        (await PeopleCsv.ImportAsync(test.UnitOfWork(db), TestDatabase.Clerk, new StringReader(csv), "people.csv", null, default)).ShouldBe(2);
        (await db.People.AnyAsync(p => p.ReferenceNumber == "#H-2")).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_ReferenceAlreadyInRegistry_IsRefusedWithItsLine(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.Open();
        await AddFacilityAsync(db);
        await PeopleCsv.ImportAsync(test.UnitOfWork(db), TestDatabase.Clerk, new StringReader(Header + "\n" + Row("C-1")), "first.csv", null, default);

        var error = await Should.ThrowAsync<ImportError>(() => PeopleCsv.ImportAsync(test.UnitOfWork(db), TestDatabase.Clerk, new StringReader(string.Join('\n', Header, Row("C-2"), Row("C-1"))), "second.csv", null, default));

        error.Line.ShouldBe(3);
        error.Field.ShouldBe("reference_number");
        (await db.People.CountAsync()).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_ThenImportIntoAnotherDatabase_RoundTripsEveryoneWithTheirStatus(string provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await using var sourceDb = source.Open();
        await Seeder.SeedAsync(source.UnitOfWork(sourceDb), TestDatabase.Clerk, new Seeder.Options(150, 4, Seed: 21), null, default);
        var writer = new StringWriter();
        var exported = await PeopleCsv.ExportAsync(sourceDb, TestDatabase.Clerk, writer, null, default);
        exported.ShouldBe(150);

        await using var target = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var targetDb = target.Open();
        var facilities = await sourceDb.Facilities.AsNoTracking().ToListAsync();
        await target.UnitOfWork(targetDb).RunAsync(TestDatabase.Clerk, d =>
        {
            d.Facilities.AddRange(facilities.Select(f => new Facility(f.Code, f.Name, f.Kind, f.RegionCode, f.Capacity, f.RemoteWorkstations)));
            return Task.FromResult(0);
        }, default);
        var imported = await PeopleCsv.ImportAsync(target.UnitOfWork(targetDb), TestDatabase.Clerk, new StringReader(writer.ToString()), "export.csv", null, default);

        imported.ShouldBe(150);
        (await sourceDb.People.CountAsync(p => p.Status != CustodyStatus.InCustody)).ShouldBeGreaterThan(0);
        var before = (await sourceDb.People.AsNoTracking().ToListAsync()).ToDictionary(p => p.ReferenceNumber);
        foreach (var after in await targetDb.People.AsNoTracking().ToListAsync())
        {
            var original = before[after.ReferenceNumber];
            after.Identity.ShouldBe(original.Identity);
            after.Sentence.ShouldBe(original.Sentence);
            after.Offences.ShouldBe(original.Offences, ignoreOrder: true);
            after.Occupations.ShouldBe(original.Occupations, ignoreOrder: true);
            after.Languages.ShouldBe(original.Languages);
            (after.WantsWork, after.WantsTraining, after.Education).ShouldBe((original.WantsWork, original.WantsTraining, original.Education));
            (after.Status, after.LastMovementAt).ShouldBe((original.Status, original.LastMovementAt));
        }
    }
}
