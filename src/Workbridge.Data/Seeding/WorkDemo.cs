using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Pay;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;
using Workbridge.Core.Training;
using Workbridge.Core.Work;
using Workbridge.Data.Reference;

namespace Workbridge.Data.Seeding;

/// <summary>
/// Work and training for the demo population, built only through Core's rules so that the demo never shows what the
/// rules would refuse: employers, workshop, off-site and remote orders, a production contract, courses and cohorts,
/// placements that people applied and consented to, a month and a half of timesheets, and last month's pay.
/// </summary>
public static class WorkDemo
{
    public sealed record Result(int Orders, int Cohorts, int Placements, int TimesheetEntries, int PayStatements);

    private static readonly (string Isco, string Title, string Duties)[] _workshops =
    [
        ("8153", "Sewing machine operator", "Sew work clothes and bedding on industrial machines to the workshop's patterns; check seams; keep the machine clean."),
        ("7522", "Cabinet-maker", "Cut, join and finish wooden furniture parts in the joinery workshop; follow the safety rules for saws and routers."),
        ("7212", "Welder", "Weld steel frames and fences in the metal workshop under the foreman's supervision, with protective equipment provided."),
        ("9321", "Hand packer", "Pack and label finished goods by hand in the warehouse of the facility's workshop."),
    ];

    private static readonly (string Isco, string Title, int Hours, string Syllabus)[] _courses =
    [
        ("7212", "Welder", 480, "Manual arc and gas welding, reading drawings, weld inspection and safety; a qualification exam at the end."),
        ("5120", "Cook", 320, "Food hygiene, cold and hot dishes, costing and kitchen safety; practice in the facility's kitchen."),
        ("7411", "Electrician", 400, "Wiring, switchboards, measuring instruments and electrical safety (group II); practice on training boards."),
        ("7533", "Seamstress", 280, "Machine and hand sewing, pattern cutting and garment finishing; practice in the sewing workshop."),
        ("7115", "Carpenter", 360, "Timber, joints, hand and power tools, and safety; a practical test making a window frame."),
        ("4132", "Computer operator", 240, "Keyboard skills, office software, data entry and checking, and working safely with personal data."),
    ];

    public static async Task<Result> SeedAsync(WorkbridgeDb db, DateTime now, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var today = DateOnly.FromDateTime(now);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, cancellationToken);
        var facilities = await db.Facilities.AsNoTracking().OrderBy(f => f.Code).ToListAsync(cancellationToken);
        var people = await db.People.Where(p => p.Status == CustodyStatus.InCustody).OrderBy(p => p.ReferenceNumber).ToListAsync(cancellationToken);
        var rules = await ReferenceData.RulesAsync(db, cancellationToken);
        var home = facilities[0].RegionCode;

        var volgaSoft = Verified(new Employer("ООО «ВолгаСофт»", Inn("165500001"), home, EmployerSector.Private), now);
        var stroy = Verified(new Employer("ООО «СтройДеталь»", Inn("165500002"), home, EmployerSector.Private), now);
        var kedr = Verified(new Employer("ООО «Мебельная фабрика „Кедр“»", Inn("165500003"), home, EmployerSector.Private), now);
        var promservis = Verified(new Employer("ФГУП «Промсервис»", Inn("770100004"), home, EmployerSector.Public), now);
        var unverified = new Employer("ООО «Новые горизонты»", Inn("770100005"), home, EmployerSector.Private);
        db.Employers.AddRange(volgaSoft, stroy, kedr, promservis, unverified);

        var start = today.AddDays(-120);
        var orders = new List<(JobOrder Order, string Offeror)>();
        Terms TermsFor(string title, string duties, Region region, int hours, int percentAbove) =>
            Terms.Validated(title, duties, MinimumPay.HourlyMinimum(region, today) * (100 + percentAbove) / 100 / 100 * 100, hours, start, today.AddDays(240), region.WorkingTime.WeeklyHours);

        foreach (var (facility, index) in facilities.Select((f, i) => (f, i)))
        {
            var region = regions[facility.RegionCode];
            var pick = facility.Kind == FacilityKind.PreTrialDetentionCentre ? [_workshops[3]] : new[] { _workshops[index % 3], _workshops[(index + 1) % 3] };
            foreach (var (isco, title, duties) in pick)
            {
                var order = JobOrder.Create(null, facility, WorkMode.InFacility, isco, TermsFor(title, duties, region, facility.Kind == FacilityKind.JuvenileColony ? 24 : 40, random.Next(5, 40)), random.Next(4, 9), [], AccessNeed.None, isco == "7212", "", null, region, now);
                orders.Add((order, facility.Code));
            }
        }

        var colony = facilities.First(f => f.Kind is not (FacilityKind.PreTrialDetentionCentre or FacilityKind.JuvenileColony or FacilityKind.CorrectionalCentre));
        var homeRegion = regions[home];
        orders.Add((JobOrder.Create(kedr, colony, WorkMode.InFacility, "7522", TermsFor("Furniture assembler", "Assemble cabinets and chairs on the company's line in the colony's industrial zone; quality check of each piece.", homeRegion, 40, 25), 10, [], AccessNeed.None, false, "The company's foreman and the colony's production officer are on the line every shift.", null, homeRegion, now), kedr.LegalName));
        orders.Add((JobOrder.Create(promservis, colony, WorkMode.InFacility, "7233", TermsFor("Machinery repairer", "Repair and service agricultural machinery brought to the colony's repair shop.", homeRegion, 40, 30), 6, [], AccessNeed.None, true, "", null, homeRegion, now), promservis.LegalName));
        orders.Add((JobOrder.Create(volgaSoft, null, WorkMode.Remote, "2519", TermsFor("Software tester", "Test the company's accounting web application against written test cases and report defects in the tracker.", homeRegion, 40, 60), 12, [], AccessNeed.None, false, "Supervised workstation rooms; the company sees only the test environment; an officer is present at all times.", null, homeRegion, now), volgaSoft.LegalName));
        orders.Add((JobOrder.Create(volgaSoft, null, WorkMode.Remote, "2522", TermsFor("Junior system administrator", "Maintain the company's build servers: updates, backups and monitoring, with a senior engineer approving every change.", homeRegion, 40, 80), 3, [], AccessNeed.PrivilegedSystems, false, "Administrator access through a recorded jump host; a senior engineer approves every session.", null, homeRegion, now), volgaSoft.LegalName));
        orders.Add((JobOrder.Create(volgaSoft, null, WorkMode.Remote, "3512", TermsFor("Support operator", "Answer customers' written questions about the company's software from a knowledge base; no access to payment data.", homeRegion, 30, 40), 8, [], AccessNeed.PersonalData, false, "Tickets are shown with customers' names masked; supervisors read every reply before it is sent.", null, homeRegion, now), volgaSoft.LegalName));
        if (facilities.FirstOrDefault(f => f.Kind is FacilityKind.CorrectionalCentre or FacilityKind.SettlementColony) is { } centre)
        {
            var centreRegion = regions[centre.RegionCode];
            orders.Add((JobOrder.Create(stroy, null, WorkMode.OffSite, "9313", TermsFor("Construction labourer", "Prepare the site, carry materials and mix mortar on the company's building sites in the region; the company provides transport and protective clothing.", centreRegion, 40, 35), 10, [centre.RegionCode], AccessNeed.None, true, "A site foreman signs residents in and out; the centre is told of any absence at once.", null, centreRegion, now), stroy.LegalName));
        }

        var workshopOrder = orders.First(o => o.Order.FacilityId == colony.Id && o.Order.IscoCode == "7522" && o.Order.EmployerId is null).Order;
        var hospital = new ProductionContract(colony.Id, "ПК-2026/014", "ГБУЗ «Городская больница № 2»", null, today.AddDays(75), [("Window unit, PVC, 1300×1400", "pcs", 120), ("Window sill, 1500 mm", "pcs", 120)], now);
        var otherColony = facilities.FirstOrDefault(f => f.Id != colony.Id && f.Kind != FacilityKind.PreTrialDetentionCentre);
        var windows = new ProductionContract(colony.Id, "ПК-2026/015", otherColony is null ? "ФКУ ИК (заказчик)" : $"ФКУ {otherColony.Name}", otherColony?.Id, today.AddDays(40), [("Window unit, wooden, 900×1200", "pcs", 60)], now);
        hospital.RecordDelivery(1, 45);
        hospital.RecordDelivery(2, 30);
        windows.RecordDelivery(1, 12);
        db.ProductionContracts.AddRange(hospital, windows);
        await db.SaveChangesAsync(cancellationToken);
        // The joinery workshop's order serves the hospital contract.
        orders.Remove(orders.First(o => o.Order == workshopOrder));
        var served = JobOrder.Create(null, colony, WorkMode.InFacility, workshopOrder.IscoCode, workshopOrder.Terms, workshopOrder.Seats, [], AccessNeed.None, false, "", hospital.Id, regions[colony.RegionCode], now);
        orders.Add((served, colony.Code));
        db.JobOrders.AddRange(orders.Select(o => o.Order));

        var courses = _courses.Select(c => new TrainingCourse(c.Isco, c.Title, c.Hours, c.Syllabus)).ToList();
        db.TrainingCourses.AddRange(courses);
        var cohorts = new List<Cohort>();
        foreach (var (facility, index) in facilities.Where(f => f.Kind != FacilityKind.PreTrialDetentionCentre).Take(8).Select((f, i) => (f, i)))
        {
            for (var k = 0; k < 2; k++)
            {
                var course = courses[(index * 2 + k) % courses.Count];
                var begins = today.AddDays(k == 0 ? -random.Next(20, 50) : random.Next(10, 40));
                cohorts.Add(new Cohort(course, facility, random.Next(10, 18), begins, begins.AddDays(course.Hours / 20 * 7), 20, regions[facility.RegionCode].WorkingTime.WeeklyHours, now));
            }
        }

        db.Cohorts.AddRange(cohorts);

        var byFacility = facilities.ToDictionary(f => f.Id);
        var placements = new List<Placement>();
        var hoursPerWeek = new Dictionary<Guid, int>();
        var activeSince = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var activatedAt = activeSince.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        var applications = 0;

        bool TryPlace(Person person, IOpening opening, string offeror, WorkMode? mode, bool activate, Func<Eligibility> eligibility)
        {
            if (!eligibility().IsEligible)
            {
                return false;
            }

            var snapshot = ConsentSnapshot.For(opening, offeror, mode, [], today).ToJson();
            var written = random.Next(3) == 0;
            var (placement, consent) = Placement.ApplyNew(
                person,
                opening,
                snapshot,
                written ? ConsentChannel.WrittenApplication : ConsentChannel.SelfService,
                written ? "demo-clerk" : $"person:{person.Id}",
                written ? $"ЗАЯВ-{++applications:D5}" : null,
                activate ? activatedAt.AddDays(-3) : now.AddDays(-random.Next(1, 10)));

            if (activate)
            {
                placement.Accept(activatedAt.AddDays(-1));
                placement.Activate(person, opening, activatedAt);
                hoursPerWeek[person.Id] = hoursPerWeek.GetValueOrDefault(person.Id) + opening.Terms.HoursPerWeek;
            }

            db.Placements.Add(placement);
            db.Consents.Add(consent);
            placements.Add(placement);
            return true;
        }

        EligibilityContext Context(Person person, IOpening opening) =>
            new(byFacility[person.FacilityId], regions[byFacility[person.FacilityId].RegionCode], today, hoursPerWeek.GetValueOrDefault(person.Id), placements.Any(p => p.PersonId == person.Id && p.OpeningId == opening.Id), rules);

        var candidates = people.Where(p => p.Identity.AgeOn(activeSince) >= 18).ToList();
        foreach (var (order, offeror) in orders)
        {
            var pool = order.Mode == WorkMode.InFacility ? candidates.Where(p => p.FacilityId == order.FacilityId) : candidates.Where(p => order.Serves(byFacility[p.FacilityId]));
            var filled = 0;
            foreach (var person in pool.Where(p => !hoursPerWeek.ContainsKey(p.Id)).Take(order.Seats * 4))
            {
                var activate = filled < order.Seats - 2;
                if (TryPlace(person, order, offeror, order.Mode, activate, () => Eligibility.For(person, order, Context(person, order))))
                {
                    filled++;
                }

                if (filled >= order.Seats)
                {
                    break;
                }
            }
        }

        foreach (var cohort in cohorts)
        {
            var started = cohort.Terms.Start <= today;
            var pool = Cohort.Priority(people.Where(p => p.FacilityId == cohort.FacilityId && p.WantsTraining), p => p.HasProfession, p => p.LastMovementAt, p => p.Id);
            var taken = 0;
            foreach (var person in pool.Take(cohort.Seats * 3))
            {
                if (taken < cohort.Seats && TryPlace(person, cohort, "Training", null, started && taken < cohort.Seats - 1, () => Eligibility.For(person, cohort, Context(person, cohort))))
                {
                    taken++;
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        // Timesheets: every working day since activation, the order's daily share of its weekly hours.
        var openings = orders.Select(o => (IOpening)o.Order).Concat(cohorts).ToDictionary(o => o.Id);
        var peopleById = people.ToDictionary(p => p.Id);
        var entries = new List<TimesheetEntry>();
        foreach (var placement in placements.Where(p => p.Status == PlacementStatus.Active && p.Kind == PlacementKind.Work))
        {
            var opening = openings[placement.OpeningId];
            var person = peopleById[placement.PersonId];
            var daily = Math.Min(8 * 60, opening.Terms.HoursPerWeek * 60 / 5);
            var mine = new List<TimesheetEntry>();
            for (var day = activeSince; day < today; day = day.AddDays(1))
            {
                if (WorkingCalendar.IsWorkingDay(day) && random.Next(20) != 0)
                {
                    mine.Add(TimesheetEntry.Record(placement, opening, person, regions[byFacility[person.FacilityId].RegionCode].WorkingTime, day, daily, mine, "demo-foreman", day, day.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc)));
                }
            }

            foreach (var entry in mine.Where(e => e.Date < today.AddDays(-7)))
            {
                if (random.Next(40) == 0)
                {
                    entry.Dispute("The foreman counted fewer hours than I worked that day.");
                }
                else if (random.Next(3) != 0)
                {
                    entry.Confirm();
                }
            }

            entries.AddRange(mine);
        }

        db.TimesheetEntries.AddRange(entries);

        // Standing deductions for some workers, then last month's pay for everyone who worked.
        var workers = placements.Where(p => p.Status == PlacementStatus.Active && p.Kind == PlacementKind.Work).Select(p => p.PersonId).Distinct().ToList();
        var deductions = new List<DeductionOrder>();
        foreach (var personId in workers)
        {
            var person = peopleById[personId];
            var from = activeSince;
            if (person.Sentence.Kind == SentenceKind.CorrectionalCentreWork)
            {
                deductions.Add(new DeductionOrder(personId, DeductionKind.StateShare, random.Next(5, 21) * 10, null, null, "Приговор суда, ст. 53.1 УК РФ", from, null, now));
            }
            else if (random.Next(2) == 0)
            {
                deductions.Add(new DeductionOrder(personId, DeductionKind.Upkeep, null, 350_000, null, "Стоимость питания и коммунально-бытовых услуг, ст. 99 УИК РФ", from, null, now));
            }

            if (random.Next(8) == 0)
            {
                deductions.Add(new DeductionOrder(personId, DeductionKind.Maintenance, 250, null, null, $"Исполнительный лист ФС № {random.Next(100000, 999999)}", from, null, now));
            }

            if (random.Next(12) == 0)
            {
                deductions.Add(new DeductionOrder(personId, DeductionKind.VictimClaim, null, 500_000, 10_000_000, $"Исполнительный лист ФС № {random.Next(100000, 999999)} (возмещение вреда потерпевшему)", from, null, now));
            }
        }

        db.DeductionOrders.AddRange(deductions);
        var statements = 0;
        var (year, month) = (activeSince.Year, activeSince.Month);
        foreach (var personId in workers)
        {
            var person = peopleById[personId];
            var mine = entries.Where(e => e.PersonId == personId && e.Date.Year == year && e.Date.Month == month).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            var earnings = mine.GroupBy(e => (e.PlacementId, e.RateMinor)).Select(g =>
                new Earning(g.Key.PlacementId, openings[placements.First(p => p.Id == g.Key.PlacementId).OpeningId].Terms.Title, year, month, g.Sum(e => (long)e.Minutes), g.Key.RateMinor, byFacility[person.FacilityId].RegionCode)).ToList();
            var own = deductions.Where(d => d.PersonId == personId).ToList();
            var calculation = PayCalculator.Compute(year, month, earnings, regions, own, PayCalculator.IsProtected(person.Identity.AgeOn(today), person.Identity.Sex, false));
            db.PayStatements.Add(PayStatement.Issue(personId, person.FacilityId, year, month, calculation, mine, own, "demo-accountant", activeSince.AddMonths(1).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc)));
            statements++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Result(orders.Count, cohorts.Count, placements.Count, entries.Count, statements);
    }

    private static Employer Verified(Employer employer, DateTime now)
    {
        employer.Verify(now);
        return employer;
    }

    /// <summary>A ten-digit ИНН from nine digits and the check digit they call for.</summary>
    private static string Inn(string nine)
    {
        int[] weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        var sum = nine.Select((c, i) => (c - '0') * weights[i]).Sum();
        return nine + (sum % 11 % 10);
    }
}
