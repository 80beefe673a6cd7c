using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Workbridge.Core.Common;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;

namespace Workbridge.Core.Tests;

public sealed class PersonTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Facility Colony = new("IK-1-TA", "ИК-1", FacilityKind.GeneralRegimeColony, "RU-TA", 900, 10);
    private static readonly Facility Other = new("IK-2-TA", "ИК-2", FacilityKind.StrictRegimeColony, "RU-TA", 900, 0);
    private static readonly Facility Centre = new("SIZO-1-TA", "СИЗО-1", FacilityKind.PreTrialDetentionCentre, "RU-TA", 900, 0);

    private static PersonDetails Details(LegalStatus status = LegalStatus.Convicted, Sentence? sentence = null, DateOnly? birth = null) => new(
        "PF-1",
        new PersonIdentity("Семёнов", "Пётр", "Ильич", birth ?? new DateOnly(1990, 4, 12), Sex.Male),
        status,
        sentence ?? new Sentence(SentenceKind.Imprisonment, new DateOnly(2024, 1, 15), new DateOnly(2029, 1, 14), new DateOnly(2029, 1, 14)),
        IscedLevel.UpperSecondary,
        [new PersonOffence("RU-UK", "158", "2", "а", OffenceCategory.Property)],
        [new PersonOccupation("7522", Proficiency.Competent, SkillEvidence.Certificate)],
        ["ru", "TT"],
        WantsWork: true,
        WantsTraining: false);

    private static Person Admitted(PersonDetails? details = null) =>
        Person.Admit(details ?? Details(), Colony, Now.AddDays(-100), "Admitted", "clerk", Now).Person;

    [Fact]
    public void Admit_CreatesTheFirstMovement_AndPlacesThePerson()
    {
        var (person, admission) = Person.Admit(Details(), Colony, Now.AddDays(-100), "Admitted", "clerk", Now);

        admission.Sequence.ShouldBe(1);
        admission.Kind.ShouldBe(MovementKind.Admission);
        admission.ToFacilityId.ShouldBe(Colony.Id);
        person.FacilityId.ShouldBe(Colony.Id);
        person.Status.ShouldBe(CustodyStatus.InCustody);
        person.SearchName.ShouldBe("семенов петр ильич");
        person.Languages.ShouldBe(["ru", "tt"]);
        person.HasProfession.ShouldBeTrue();
    }

    [Fact]
    public void Transfer_ToTheSameFacility_IsRefused() =>
        Should.Throw<RuleViolation>(() => Admitted().Transfer(Colony, Now, "no", "clerk", Now)).Code.ShouldBe("movement.same-facility");

    [Fact]
    public void Transfer_RecordsBothEnds()
    {
        var person = Admitted();
        var transfer = person.Transfer(Other, Now, "Closer to family", "clerk", Now);
        (transfer.FromFacilityId, transfer.ToFacilityId, transfer.Sequence).ShouldBe((Colony.Id, Other.Id, 2));
        person.FacilityId.ShouldBe(Other.Id);
    }

    [Fact]
    public void Movement_DatedBeforeTheLatestOrInTheFuture_IsRefused()
    {
        var person = Admitted();
        Should.Throw<RuleViolation>(() => person.Release(Now.AddDays(-200), "Served", "clerk", Now)).Code.ShouldBe("movement.out-of-order");
        Should.Throw<RuleViolation>(() => person.Release(Now.AddHours(1), "Served", "clerk", Now)).Code.ShouldBe("movement.in-future");
        Should.Throw<RuleViolation>(() => person.Release(Now, " ", "clerk", Now)).Field.ShouldBe("reason");
    }

    [Fact]
    public void TemporaryRelease_KeepsTheFacility_AndOnlyAReturnOrReleaseFollows()
    {
        var person = Admitted();
        person.ReleaseTemporarily(DateOnly.FromDateTime(Now).AddDays(3), Now.AddDays(-1), "Work release", "clerk", Now);
        person.Status.ShouldBe(CustodyStatus.TemporarilyReleased);
        person.FacilityId.ShouldBe(Colony.Id);
        person.PossibleMovements.ShouldBe([MovementKind.ReturnFromTemporaryRelease, MovementKind.Release, MovementKind.ReleaseRescheduled]);
        Should.Throw<RuleViolation>(() => person.Transfer(Other, Now, "x", "clerk", Now)).Code.ShouldBe("movement.status");
        person.ReturnFromTemporaryRelease(Now, "Back", "clerk", Now);
        person.Status.ShouldBe(CustodyStatus.InCustody);
    }

    [Fact]
    public void RescheduleRelease_KeepsThePreviousDate()
    {
        var person = Admitted();
        var movement = person.RescheduleRelease(new DateOnly(2027, 6, 1), Now, "Parole granted", "clerk", Now);
        (movement.PreviousDate, movement.Date).ShouldBe((new DateOnly(2029, 1, 14), new DateOnly(2027, 6, 1)));
        person.Sentence.ExpectedRelease.ShouldBe(new DateOnly(2027, 6, 1));
        Should.Throw<RuleViolation>(() => person.RescheduleRelease(new DateOnly(2020, 1, 1), Now, "x", "clerk", Now)).Code.ShouldBe("movement.release-before-start");
    }

    [Fact]
    public void RescheduleRelease_PreTrialOrAfterTheSentenceEnds_IsRefused()
    {
        var pretrial = Person.Admit(Details(LegalStatus.PreTrial, Sentence.None), Centre, Now.AddDays(-10), "x", "clerk", Now).Person;
        Should.Throw<RuleViolation>(() => pretrial.RescheduleRelease(new DateOnly(2027, 1, 1), Now, "x", "clerk", Now)).Code.ShouldBe("movement.release-pre-trial");
        Should.Throw<RuleViolation>(() => Admitted().RescheduleRelease(new DateOnly(2030, 1, 1), Now, "x", "clerk", Now)).Code.ShouldBe("movement.release-after-end");
    }

    [Fact]
    public void UpdateDetails_CannotChangeTheReleaseDate_OnlyAMovementCan()
    {
        var person = Admitted();
        var changed = Details(sentence: new Sentence(SentenceKind.Imprisonment, new DateOnly(2024, 1, 15), new DateOnly(2029, 1, 14), new DateOnly(2027, 1, 1)));
        Should.Throw<RuleViolation>(() => person.UpdateDetails(changed, Now)).Field.ShouldBe("sentence.expectedRelease");
    }

    [Theory]
    [InlineData(LegalStatus.PreTrial, SentenceKind.Imprisonment, "sentence.kind")]
    [InlineData(LegalStatus.Convicted, SentenceKind.None, "sentence.kind")]
    public void Admit_SentenceThatContradictsTheLegalStatus_IsRefused(LegalStatus status, SentenceKind kind, string field)
    {
        var details = Details(status, new Sentence(kind, new DateOnly(2024, 1, 1), new DateOnly(2026, 1, 1), null));
        Should.Throw<RuleViolation>(() => Person.Admit(details, Centre, Now, "x", "clerk", Now)).Field.ShouldBe(field);
    }

    [Fact]
    public void Admit_ChildUnder14_IsRefused() =>
        Should.Throw<RuleViolation>(() => Admitted(Details(birth: new DateOnly(2015, 1, 1)))).Field.ShouldBe("birthDate");

    [Fact]
    public void Admit_PreTrial_HasNoSentence()
    {
        var person = Admitted(Details(LegalStatus.PreTrial, Sentence.None));
        person.Sentence.ShouldBe(Sentence.None);
    }

    private sealed record Command(int Kind, int Facility, int Minutes);

    /// <summary>
    /// Whatever sequence of movements staff try, the person is always where the accepted movements say, those are
    /// numbered 1..n without gaps and in time order, and a refused movement changes nothing.
    /// </summary>
    [Fact]
    public void Movements_AnySequence_KeepTheRecordConsistent()
    {
        var facilities = new[] { Colony, Other, Centre };
        var command = from kind in Gen.Choose(0, 5)
                      from facility in Gen.Choose(0, 2)
                      from minutes in Gen.Choose(-120, 2000)
                      select new Command(kind, facility, minutes);
        Prop.ForAll(command.ListOf().ToArbitrary(), commands =>
        {
            var (person, first) = Person.Admit(Details(), Colony, Now.AddDays(-365), "Admitted", "clerk", Now);
            var accepted = new List<Movement> { first };
            var clock = Now.AddDays(-365);
            foreach (var c in commands)
            {
                clock = clock.AddMinutes(c.Minutes);
                var before = (person.FacilityId, person.Status, person.MovementCount, person.Sentence, person.LastMovementAt);
                try
                {
                    accepted.Add(c.Kind switch
                    {
                        0 => person.Readmit(facilities[c.Facility], clock, "r", "clerk", Now),
                        1 => person.Transfer(facilities[c.Facility], clock, "t", "clerk", Now),
                        2 => person.ReleaseTemporarily(null, clock, "tr", "clerk", Now),
                        3 => person.ReturnFromTemporaryRelease(clock, "back", "clerk", Now),
                        4 => person.Release(clock, "rel", "clerk", Now),
                        _ => person.RescheduleRelease(new DateOnly(2026, 1, 1).AddDays(c.Minutes), clock, "res", "clerk", Now),
                    });
                }
                catch (RuleViolation)
                {
                    (person.FacilityId, person.Status, person.MovementCount, person.Sentence, person.LastMovementAt).ShouldBe(before);
                }
            }

            accepted.Select(m => m.Sequence).ShouldBe(Enumerable.Range(1, accepted.Count));
            accepted.Select(m => m.OccurredAt).ShouldBeInOrder();
            person.MovementCount.ShouldBe(accepted.Count);
            accepted.Last(m => m.ToFacilityId is not null).ToFacilityId.ShouldBe(person.FacilityId);
            var replayed = accepted.Aggregate(CustodyStatus.Released, (status, m) => m.Kind switch
            {
                MovementKind.Admission or MovementKind.ReturnFromTemporaryRelease => CustodyStatus.InCustody,
                MovementKind.TemporaryRelease => CustodyStatus.TemporarilyReleased,
                MovementKind.Release => CustodyStatus.Released,
                _ => status,
            });
            replayed.ShouldBe(person.Status);
            accepted.Where(m => m.OccurredAt > Now + Person.ClockTolerance).ShouldBeEmpty();
        }).QuickCheckThrowOnFailure();
    }
}
