using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Workbridge.Core.Common;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;
using Workbridge.Core.Work;
using static Workbridge.Core.Tests.Work.WorkFixture;

namespace Workbridge.Core.Tests.Work;

public sealed class PlacementTests
{
    [Fact]
    public void Activate_WithoutConsent_IsRefused()
    {
        var person = Person();
        var order = Order();
        var placement = Placement.Propose(person, order, "staff", Now);

        Should.Throw<RuleViolation>(() => placement.Accept(Now)).Code.ShouldBe("placement.status");
        Should.Throw<RuleViolation>(() => placement.Activate(person, order, Now)).Code.ShouldBe("placement.status");
        placement.Status.ShouldBe(PlacementStatus.Proposed);
    }

    [Fact]
    public void Activate_AfterTermsChanged_NeedsANewConsent()
    {
        var person = Person();
        var order = Order();
        var (placement, consent) = Placement.ApplyNew(person, order, "snapshot", ConsentChannel.SelfService, "person", null, Now);
        consent.TermsHash.ShouldBe(order.Terms.Hash);
        placement.Accept(Now);
        order.ChangeTerms(Terms(wage: 31_000), Tatarstan, [placement], Now);

        Should.Throw<RuleViolation>(() => placement.Activate(person, order, Now)).Code.ShouldBe("safeguard.consent");
        placement.RenewConsent(person, order, "snapshot 2", ConsentChannel.SelfService, "person", null, Now);
        placement.Activate(person, order, Now);
        placement.Status.ShouldBe(PlacementStatus.Active);
    }

    [Fact]
    public void ChangeTerms_SuspendsActivePlacements_UntilTheyConsentAgain()
    {
        var person = Person();
        var order = Order();
        var placement = Active(person, order);

        var suspended = order.ChangeTerms(Terms(hours: 36), Tatarstan, [placement], Now);

        suspended.ShouldBe([placement]);
        placement.Status.ShouldBe(PlacementStatus.Accepted);
        placement.SuspendedAt.ShouldBe(Now);
        // The day of the change is still covered by the consent then in force; the next day is not.
        placement.PeriodCovering(Today).ConsentId.ShouldBe(placement.ConsentId!.Value);
        Should.Throw<RuleViolation>(() => placement.PeriodCovering(Today.AddDays(1))).Code.ShouldBe("timesheet.not-active");
    }

    [Fact]
    public void ChangeTerms_BelowTheMinimum_IsRefusedAndChangesNothing()
    {
        var order = Order();
        var placement = Active(Person(), order);
        var before = order.Terms;

        Should.Throw<RuleViolation>(() => order.ChangeTerms(Terms(wage: 10_000), Tatarstan, [placement], Now)).Code.ShouldBe("pay.below-minimum");

        order.Terms.ShouldBe(before);
        placement.Status.ShouldBe(PlacementStatus.Active);
    }

    [Fact]
    public void Apply_PreTrialToPrivateEmployer_IsRefused()
    {
        var person = Person(Remand, LegalStatus.PreTrial);
        var privateWorkshop = JobOrder.Create(VerifiedEmployer(), Remand, WorkMode.InFacility, "9329", Terms(), 3, [], AccessNeed.None, false, "", null, Tatarstan, Now);

        var refused = Should.Throw<RuleViolation>(() => Placement.ApplyNew(person, privateWorkshop, "s", ConsentChannel.SelfService, "person", null, Now));
        refused.Code.ShouldBe("safeguard.pre-trial-private");

        var ownWorkshop = JobOrder.Create(null, Remand, WorkMode.InFacility, "9329", Terms(), 3, [], AccessNeed.None, false, "", null, Tatarstan, Now);
        Placement.ApplyNew(person, ownWorkshop, "s", ConsentChannel.SelfService, "person", null, Now).Placement.Status.ShouldBe(PlacementStatus.Applied);
    }

    [Fact]
    public void Apply_WrittenApplicationWithoutItsNumber_IsRefused() =>
        Should.Throw<RuleViolation>(() => Placement.ApplyNew(Person(), Order(), "s", ConsentChannel.WrittenApplication, "staff", " ", Now)).Code.ShouldBe("consent.written-reference");

    [Fact]
    public void Create_UnverifiedEmployer_IsRefused()
    {
        var employer = new Employer("ООО «Новая»", "7736050003", "RU-TA", EmployerSector.Private);
        Should.Throw<RuleViolation>(() => Order(WorkMode.Remote, employer)).Code.ShouldBe("order.employer-unverified");
    }

    [Fact]
    public void Withdraw_EndsThePlacementAndTheConsent_AndNothingElse()
    {
        var person = Person();
        var order = Order();
        var (placement, consent) = Placement.ApplyNew(person, order, "s", ConsentChannel.SelfService, "person", null, Now);
        placement.Accept(Now);
        placement.Activate(person, order, Now);
        var (facility, status, sentence, version) = (person.FacilityId, person.Status, person.Sentence, person.Version);

        placement.Withdraw(consent, Now.AddDays(1));

        placement.Status.ShouldBe(PlacementStatus.Ended);
        placement.EndReason.ShouldBe(EndReason.WithdrawnByPerson);
        consent.WithdrawnAt.ShouldBe(Now.AddDays(1));
        (person.FacilityId, person.Status, person.Sentence, person.Version).ShouldBe((facility, status, sentence, version));
    }

    [Fact]
    public void End_Completed_OnlyFromActive()
    {
        var placement = Placement.Propose(Person(), Order(), "staff", Now);
        Should.Throw<RuleViolation>(() => placement.End(EndReason.Completed, null, Now)).Code.ShouldBe("placement.not-active");
    }

    /// <summary>
    /// DESIGN.md section 2 over random sequences of operations by the person, the employer and staff on two orders (a
    /// private employer's and a facility workshop), for a convicted and a pre-trial person: no placement is ever active
    /// without consent to the current terms, never a pre-trial detainee with a private employer, a refused operation
    /// changes nothing, and a withdrawal leaves the person's facility, status, sentence and recorded hours untouched.
    /// </summary>
    [Fact]
    public void Operations_AnySequence_KeepTheSafeguards()
    {
        var step = from op in Gen.Choose(0, 8)
                   from who in Gen.Choose(0, 1)
                   from which in Gen.Choose(0, 1)
                   from value in Gen.Choose(0, 3)
                   select (Op: op, Who: who, Which: which, Value: value);
        Prop.ForAll(step.ListOf().ToArbitrary(), steps =>
        {
            Person[] people = [Person(), Person(Colony, LegalStatus.PreTrial)];
            JobOrder[] orders =
            [
                JobOrder.Create(VerifiedEmployer(), Colony, WorkMode.InFacility, "7125", Terms(), 5, [], AccessNeed.None, false, "", null, Tatarstan, Now),
                JobOrder.Create(null, Colony, WorkMode.InFacility, "7125", Terms(), 5, [], AccessNeed.None, false, "", null, Tatarstan, Now),
            ];
            var placements = new List<Placement>();
            var consents = new Dictionary<Guid, Consent>();
            var hours = new List<TimesheetEntry>();
            var clock = Now;
            foreach (var (op, who, which, value) in steps)
            {
                clock = clock.AddMinutes(1);
                var person = people[who];
                var order = orders[which];
                var placement = placements.LastOrDefault(p => p.PersonId == person.Id && p.OpeningId == order.Id && p.IsOpen);
                var before = placement is null ? default : (placement.Status, placement.ConsentTermsHash, placement.Version);
                var personBefore = (person.FacilityId, person.Status, person.Sentence);
                var hoursBefore = hours.Select(h => (h.Id, h.Minutes, h.Date)).ToList();
                try
                {
                    switch (op)
                    {
                        case 0 when placement is null:
                            var (created, consent) = Placement.ApplyNew(person, order, "s", ConsentChannel.SelfService, "p", null, clock);
                            placements.Add(created);
                            consents[consent.Id] = consent;
                            break;
                        case 1 when placement is not null:
                            placement.Accept(clock);
                            break;
                        case 2 when placement is not null:
                            placement.Activate(person, order, clock);
                            break;
                        case 3:
                            order.ChangeTerms(Terms(wage: 30_000 + value * 1000, hours: 36 + value), Tatarstan, placements, clock);
                            break;
                        case 4 when placement is not null:
                            var renewed = placement.RenewConsent(person, order, "s", ConsentChannel.SelfService, "p", null, clock);
                            consents[renewed.Id] = renewed;
                            break;
                        case 5 when placement is not null:
                            placement.Withdraw(placement.ConsentId is { } id ? consents[id] : null, clock);
                            (person.FacilityId, person.Status, person.Sentence).ShouldBe(personBefore);
                            hours.Select(h => (h.Id, h.Minutes, h.Date)).ShouldBe(hoursBefore);
                            break;
                        case 6 when placement is not null:
                            placement.End(EndReason.EndedByEmployer, null, clock);
                            break;
                        case 7 when placement is not null:
                            hours.Add(TimesheetEntry.Record(placement, order, person, WorkingTimeRules.RussianLabourCode, Today.AddDays(-value), 60 * (value + 1), hours, "staff", DateOnly.FromDateTime(clock), clock));
                            break;
                        case 8 when placement is null:
                            placements.Add(Placement.Propose(person, order, "staff", clock));
                            break;
                    }
                }
                catch (RuleViolation)
                {
                    var after = placement is null ? default : (placement.Status, placement.ConsentTermsHash, placement.Version);
                    after.ShouldBe(before);
                }

                foreach (var p in placements.Where(p => p.Status == PlacementStatus.Active))
                {
                    var o = orders.Single(x => x.Id == p.OpeningId);
                    p.HasConsentTo(o.Terms).ShouldBeTrue();
                    consents[p.ConsentId!.Value].WithdrawnAt.ShouldBeNull();
                    (people.Single(x => x.Id == p.PersonId).LegalStatus == LegalStatus.PreTrial && o.IsPrivateEmployer).ShouldBeFalse();
                }

                foreach (var entry in hours)
                {
                    // Hours were only ever recorded under a consent in force that day, at the rate it agreed.
                    placements.Single(p => p.Id == entry.PlacementId).Periods
                        .Any(p => p.ConsentId == entry.ConsentId && p.HourlyRateMinor == entry.RateMinor && DateOnly.FromDateTime(p.From) <= entry.Date && (p.To is null || entry.Date <= DateOnly.FromDateTime(p.To.Value)))
                        .ShouldBeTrue();
                }

                foreach (var p in placements.Where(p => p.Status != PlacementStatus.Active))
                {
                    // Only an active placement has an open period of work.
                    p.Periods.ShouldAllBe(x => x.To != null);
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }
}
