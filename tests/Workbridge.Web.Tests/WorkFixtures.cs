using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbridge.Core.Access;
using Workbridge.Core.Pay;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;
using Workbridge.Core.Training;
using Workbridge.Core.Work;
using Workbridge.Data;

namespace Workbridge.Web.Tests;

/// <summary>
/// Fresh work records for one request of the authorization matrix, built through Core's rules: a person, an order, a
/// placement in the state the step needs, a timesheet entry, a pay statement, a contract. "Own" records sit in the
/// staff account's facility and belong to the employer account (and to the person account when that role asks);
/// "other" records sit in another facility with another employer.
/// </summary>
internal sealed class WorkFixtures(TestSite site)
{
    private static int _counter;

    public sealed record Targets(Guid PersonId, Guid OrderId, string TermsHash, Guid? PlacementId, Guid? EntryId, Guid? StatementId, Guid? ContractId, Guid FacilityId);

    public async Task<Targets> PrepareAsync(string route, bool own, bool personRole)
    {
        using var scope = site.App.Services.CreateScope();
        var uow = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var db = uow.Db;
        var actor = Actor.System("matrix");
        var now = uow.Now;
        var today = DateOnly.FromDateTime(now);
        var facility = own ? await db.Facilities.SingleAsync(f => f.Id == site.StaffFacilityId) : await db.Facilities.Where(f => f.Id != site.StaffFacilityId && f.Kind != FacilityKind.PreTrialDetentionCentre).OrderBy(f => f.Code).FirstAsync();
        var region = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == facility.RegionCode);
        var employer = own ? await db.Employers.AsNoTracking().SingleAsync(e => e.Id == site.EmployerId) : await OtherEmployerAsync(uow);
        var n = Interlocked.Increment(ref _counter);

        var person = personRole && own ? await db.People.SingleAsync(p => p.Id == site.PersonId) : await FreshPersonAsync(uow, facility, n);
        // Earlier rows of the matrix move the person's release date about; work needs them held past the order's start.
        if (person.Sentence.ExpectedRelease is { } release && release <= today.AddDays(30) && person.Sentence.End is { } end && end > today.AddDays(30))
        {
            db.Movements.Add(person.RescheduleRelease(end, now, "Matrix test: release back at the sentence end", "matrix", now));
        }

        if (!person.WantsWork || !person.WantsTraining)
        {
            var d = Details(person, person.ReferenceNumber);
            person.UpdateDetails(d with { WantsWork = true, WantsTraining = true }, now);
        }

        var terms = Terms.Validated($"Matrix order {n}", "Sort and pack parts for the matrix test.", MinimumPay.HourlyMinimum(region, today) * 2, 1, today.AddDays(-1), today.AddDays(100), 40);
        var order = JobOrder.Create(employer, facility, WorkMode.InFacility, "9321", terms, 1000, [], AccessNeed.None, false, "", null, region, now);
        if (!own && (route.StartsWith("/api/v1/orders/{orderId}", StringComparison.Ordinal) || route.StartsWith("/work/orders/{orderId}", StringComparison.Ordinal) || route.StartsWith("/work/apply/", StringComparison.Ordinal)) && !route.Contains("eligibility", StringComparison.Ordinal))
        {
            // Closed, so that an employment service of the same region does not see it as an open vacancy.
            order.Close();
        }

        db.JobOrders.Add(order);
        Placement? placement = null;
        Consent? consent = null;
        TimesheetEntry? entry = null;
        PayStatement? statement = null;
        ProductionContract? contract = null;
        if (route.Contains("{placementId}", StringComparison.Ordinal) || route.Contains("{entryId}", StringComparison.Ordinal))
        {
            IOpening opening = order;
            if (route.EndsWith("/completion", StringComparison.Ordinal))
            {
                var course = new TrainingCourse("9321", $"Matrix course {n}", 40, "Packing, labelling and safety at work.");
                var cohort = new Cohort(course, facility, 100, today.AddDays(-1), today.AddDays(60), 1, 40, now);
                db.TrainingCourses.Add(course);
                db.Cohorts.Add(cohort);
                opening = cohort;
            }

            (placement, consent) = Placement.ApplyNew(person, opening, "{}", ConsentChannel.SelfService, "matrix", null, now);
            db.Consents.Add(consent);
            db.Placements.Add(placement);
            if (route.EndsWith("/consent", StringComparison.Ordinal))
            {
                order.ChangeTerms(terms with { HourlyWageMinor = terms.HourlyWageMinor + 100 }, region, [placement], now);
            }
            else if (route.EndsWith("/activation", StringComparison.Ordinal))
            {
                placement.Accept(now);
            }
            else if (route.Contains("timesheet", StringComparison.Ordinal) || route.EndsWith("/completion", StringComparison.Ordinal))
            {
                placement.Accept(now);
                placement.Activate(person, opening, now);
                if (route.Contains("{entryId}", StringComparison.Ordinal))
                {
                    var existing = await db.TimesheetEntries.Where(e => e.PersonId == person.Id).ToListAsync();
                    entry = TimesheetEntry.Record(placement, opening, person, region.WorkingTime, today, 30, existing, "matrix", today, now);
                    db.TimesheetEntries.Add(entry);
                }
            }
        }

        if (route.Contains("{statementId}", StringComparison.Ordinal))
        {
            var month = today.AddMonths(-1);
            statement = await db.PayStatements.FirstOrDefaultAsync(s => s.PersonId == person.Id)
                ?? PayStatement.Issue(person.Id, facility.Id, month.Year, month.Month, PayCalculator.Compute(month.Year, month.Month, [], new Dictionary<string, Region>(), [], false), [], [], "matrix", now);
            if (db.Entry(statement).State == EntityState.Detached)
            {
                db.PayStatements.Add(statement);
            }
        }

        if (route.Contains("{contractId}", StringComparison.Ordinal))
        {
            contract = new ProductionContract(facility.Id, $"MX-{n}", "Matrix customer", null, today.AddDays(30), [("Crate", "pcs", 1000)], now);
            db.ProductionContracts.Add(contract);
        }

        if (route.Contains("/rules/security/", StringComparison.Ordinal) && !await db.SecurityRules.AnyAsync(r => r.Code == "security.weapons.privileged-systems"))
        {
            db.SecurityRules.Add(SecurityRule.Create(OffenceCategory.Weapons, AccessNeed.PrivilegedSystems, "Matrix rule to remove."));
        }

        await uow.RunAsync(actor, _ => Task.FromResult(0), default);
        return new Targets(person.Id, order.Id, order.Terms.Hash, placement?.Id, entry?.Id, statement?.Id, contract?.Id, facility.Id);
    }

    private static async Task<Person> FreshPersonAsync(UnitOfWork uow, Facility facility, int n)
    {
        var template = await uow.Db.People.AsNoTracking().Where(p => p.LegalStatus == LegalStatus.Convicted && p.Sentence.ExpectedRelease != null).OrderBy(p => p.ReferenceNumber).FirstAsync();
        var details = Details(template, $"MX-P-{n}") with { WantsWork = true, WantsTraining = true, Sentence = new Sentence(SentenceKind.Imprisonment, new DateOnly(2024, 1, 1), new DateOnly(2034, 1, 1), new DateOnly(2034, 1, 1)), Identity = template.Identity with { BirthDate = new DateOnly(1990, 1, 1) } };
        var (person, admission) = Person.Admit(details, facility, uow.Now.AddDays(-1), "Matrix test", "matrix", uow.Now);
        uow.Db.People.Add(person);
        uow.Db.Movements.Add(admission);
        return person;
    }

    private static PersonDetails Details(Person p, string reference) =>
        new(reference, p.Identity, p.LegalStatus, p.Sentence, p.Education, p.Offences, p.Occupations, p.Languages, p.WantsWork, p.WantsTraining);

    private static async Task<Employer> OtherEmployerAsync(UnitOfWork uow)
    {
        var other = await uow.Db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.TaxId == "7736050003");
        if (other is null)
        {
            other = new Employer("ООО «Другой работодатель»", "7736050003", (await uow.Db.Facilities.FirstAsync()).RegionCode, EmployerSector.Private);
            other.Verify(uow.Now);
            await uow.RunAsync(Actor.System("matrix"), db =>
            {
                db.Employers.Add(other);
                return Task.FromResult(0);
            }, default);
        }

        return other;
    }
}
