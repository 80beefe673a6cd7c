using Microsoft.EntityFrameworkCore;
using Shouldly;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;
using Workbridge.Data.Ledger;
using Workbridge.Data.People;
using Workbridge.Data.Privacy;

namespace Workbridge.Data.Tests;

public sealed class RetentionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Run_RemovesNamesOfPeopleReleasedLongAgo_Only(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.Open();
        var uow = test.UnitOfWork(db);
        var facility = new Facility("IK-1-RT", "ИК-1", FacilityKind.GeneralRegimeColony, "RU-TA", 100, 0);
        Person Released(string reference, DateTime releasedAt, List<Movement> movements)
        {
            var details = new PersonDetails(reference, new PersonIdentity("Давнишний", "Олег", "Петрович", new DateOnly(1970, 3, 15), Sex.Male), LegalStatus.Convicted,
                new Sentence(SentenceKind.Imprisonment, DateOnly.FromDateTime(releasedAt).AddYears(-3), DateOnly.FromDateTime(releasedAt), null), IscedLevel.UpperSecondary,
                [new PersonOffence("RU-UK", "158", "2", null, OffenceCategory.Property)], [], ["ru"], false, false);
            var (person, admission) = Person.Admit(details, facility, releasedAt.AddYears(-3), "test", "test", uow.Now);
            movements.Add(admission);
            movements.Add(person.Release(releasedAt, "served", "test", uow.Now));
            return person;
        }

        var movements = new List<Movement>();
        var old = Released("OLD-1", uow.Now.AddYears(-11), movements);
        var recent = Released("NEW-1", uow.Now.AddYears(-1), movements);
        await uow.RunAsync(TestDatabase.Clerk, d =>
        {
            d.Facilities.Add(facility);
            d.People.AddRange(old, recent);
            d.Movements.AddRange(movements);
            return Task.FromResult(0);
        }, default);

        (await Retention.RunAsync(uow, 10, default)).ShouldBe(1);
        (await Retention.RunAsync(uow, 10, default)).ShouldBe(0);

        await using var fresh = test.Open();
        var erased = await fresh.People.AsNoTracking().SingleAsync(p => p.Id == old.Id);
        erased.ReferenceNumber.ShouldStartWith("R-");
        erased.ReferenceNumber.Length.ShouldBe(32);
        erased.IdentityRemoved.ShouldBeTrue();
        (erased.Identity.Surname, erased.Identity.GivenName, erased.Identity.Patronymic, erased.Identity.BirthDate).ShouldBe(("—", "—", (string?)null, new DateOnly(1970, 7, 1)));
        erased.Offences.ShouldNotBeEmpty();
        (await fresh.People.AsNoTracking().SingleAsync(p => p.ReferenceNumber == "NEW-1")).Identity.Surname.ShouldBe("Давнишний");
        (await PeopleQueries.SearchAsync(fresh, TestDatabase.Clerk, new PeopleFilter(Text: "давнишний"), default)).Total.ShouldBe(1);
        (await LedgerVerifier.VerifyAsync(fresh, null, null, null, default)).Ok.ShouldBeTrue();
        (await fresh.LedgerEntries.CountAsync(e => e.ActorId == "system:retention" && e.EntityId == erased.Id.ToString())).ShouldBe(1);
        var tracked = await fresh.People.SingleAsync(p => p.Id == old.Id);
        Should.Throw<Core.Common.RuleViolation>(() => tracked.UpdateDetails(new PersonDetails("OLD-1", new PersonIdentity("Давнишний", "Олег", null, new DateOnly(1970, 3, 15), Sex.Male), LegalStatus.Convicted, tracked.Sentence, IscedLevel.UpperSecondary, [], [], ["ru"], false, false), uow.Now)).Code.ShouldBe("person.identity-removed");
    }
}
