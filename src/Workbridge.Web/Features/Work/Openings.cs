using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Common;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;
using Workbridge.Core.Training;
using Workbridge.Core.Work;
using Workbridge.Data;

namespace Workbridge.Web.Features.Work;

public sealed record EmployerInput(string? LegalName, string? TaxId, string? RegionCode, EmployerSector? Sector);

public sealed record TermsInput(string? Title, string? Duties, long? HourlyWageMinor, int? HoursPerWeek, DateOnly? Start, DateOnly? End);

/// <summary>A new job order. <see cref="FacilityId"/> names the workshop for in-facility work; <see cref="ServedRegions"/> the regions for off-site and remote work.</summary>
public sealed record OrderInput(Guid? EmployerId, Guid? FacilityId, WorkMode? Mode, string? IscoCode, TermsInput? Terms, int? Seats, IReadOnlyList<string>? ServedRegions, IReadOnlyList<AccessNeed>? AccessNeeds, bool? Hazardous, string? Supervision, Guid? ProductionContractId);

public sealed record ContractItemInput(string? Description, string? Unit, int? Quantity);

public sealed record ContractInput(Guid? ProducerFacilityId, string? Number, string? Customer, Guid? CustomerFacilityId, DateOnly? Deadline, IReadOnlyList<ContractItemInput>? Items);

public sealed record DeliveryInput(int? Line, int? Quantity);

public sealed record CourseInput(string? IscoCode, string? Title, int? Hours, string? Syllabus);

public sealed record CohortInput(Guid? CourseId, Guid? FacilityId, int? Seats, DateOnly? Start, DateOnly? End, int? HoursPerWeek);

public sealed record SecurityRuleInput(OffenceCategory? Category, AccessNeed? Need, string? Reason);

/// <summary>
/// Employers, job orders, production contracts, courses, cohorts and rule tables: the handlers behind their endpoints,
/// pages and commands. Each returns null when the record is outside the actor's sight, and refuses what the actor may
/// not change with a rule violation naming why.
/// </summary>
public sealed class Openings(UnitOfWork unitOfWork, WorkReader reader)
{
    private WorkbridgeDb Db => unitOfWork.Db;

    public async Task<Employer> CreateEmployerAsync(Actor actor, EmployerInput input, CancellationToken cancellationToken)
    {
        var region = await RegionAsync(Required(input.RegionCode, "regionCode"), cancellationToken);
        var employer = new Employer(input.LegalName ?? "", input.TaxId ?? "", region.Code, input.Sector ?? throw Missing("sector", $"one of {EnumText.Choices<EmployerSector>()}"));
        if (await Db.Employers.AnyAsync(e => e.TaxId == employer.TaxId, cancellationToken))
        {
            throw new RuleViolation("employer.duplicate", $"An employer with tax id {employer.TaxId} is already registered.", "taxId");
        }

        return await unitOfWork.RunAsync(actor, db =>
        {
            db.Employers.Add(employer);
            return Task.FromResult(employer);
        }, cancellationToken);
    }

    public async Task<Employer?> VerifyEmployerAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        var employer = await Db.Employers.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (employer is null)
        {
            return null;
        }

        employer.Verify(unitOfWork.Now);
        return await unitOfWork.RunAsync(actor, _ => Task.FromResult(employer), cancellationToken);
    }

    public async Task<JobOrder> CreateOrderAsync(Actor actor, OrderInput input, CancellationToken cancellationToken)
    {
        var mode = input.Mode ?? throw Missing("mode", $"one of {EnumText.Choices<WorkMode>()}");
        var employerId = actor.Role == Role.Employer ? actor.EmployerId : input.EmployerId;
        if (actor.Role == Role.Employer && input.EmployerId is { } asked && asked != actor.EmployerId)
        {
            throw new RuleViolation("order.employer", "An employer posts orders for itself only.", "employerId");
        }

        var employer = employerId is { } e ? await Db.Employers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == e, cancellationToken) ?? throw new RuleViolation("order.employer", "There is no employer with that id.", "employerId") : null;
        Facility? workshop = null;
        if (mode == WorkMode.InFacility)
        {
            workshop = await Db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == input.FacilityId, cancellationToken) ?? throw new RuleViolation("order.facility", "In-facility work needs the id of the facility whose workshop it is in.", "facilityId");
            if (actor.Role == Role.FacilityStaff && (workshop.Id != actor.FacilityId || employer is not null))
            {
                throw new RuleViolation("order.facility", "Facility staff post orders for their own facility's workshops only.", "facilityId");
            }

            if (actor.Role == Role.Employer)
            {
                throw new RuleViolation("order.mode", "Work inside a facility is agreed with the service: central staff post it for the employer.", "mode");
            }
        }
        else if (actor.Role == Role.FacilityStaff)
        {
            throw new RuleViolation("order.mode", "Facility staff post in-facility workshop orders; employers post off-site and remote work.", "mode");
        }

        var served = input.ServedRegions ?? [];
        var wageRegion = await RegionAsync(mode switch
        {
            WorkMode.InFacility => workshop!.RegionCode,
            WorkMode.OffSite when served.Count == 1 => served[0].Trim().ToUpperInvariant(),
            _ => employer?.RegionCode ?? "",
        }, cancellationToken);
        var terms = ValidTerms(input.Terms, wageRegion);
        await RequireOccupationAsync(input.IscoCode, cancellationToken);
        if (input.ProductionContractId is { } contractId && !await Db.ProductionContracts.AnyAsync(c => c.Id == contractId && c.ProducerFacilityId == input.FacilityId, cancellationToken))
        {
            throw new RuleViolation("order.contract", "The production contract must be one this facility's workshop makes.", "productionContractId");
        }

        var order = JobOrder.Create(employer, workshop, mode, input.IscoCode!, terms, input.Seats ?? throw Missing("seats", "a number of seats"), served, Needs(input.AccessNeeds), input.Hazardous ?? false, input.Supervision ?? "", input.ProductionContractId, wageRegion, unitOfWork.Now);
        return await unitOfWork.RunAsync(actor, db =>
        {
            db.JobOrders.Add(order);
            return Task.FromResult(order);
        }, cancellationToken);
    }

    /// <summary>New terms: every active placement on the order is suspended until its person consents again. Returns how many were.</summary>
    public async Task<int?> ChangeTermsAsync(Actor actor, Guid id, TermsInput input, CancellationToken cancellationToken)
    {
        var order = await ManagedOrderAsync(actor, id, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var region = await WageRegionAsync(order, cancellationToken);
        var terms = ValidTerms(input, region);
        var placements = await Db.Placements.Where(p => p.OpeningId == order.Id && p.Status != PlacementStatus.Ended).ToListAsync(cancellationToken);
        var suspended = order.ChangeTerms(terms, region, placements, unitOfWork.Now);
        return await unitOfWork.RunAsync(actor, _ => Task.FromResult(suspended.Count), cancellationToken);
    }

    public async Task<JobOrder?> CloseOrderAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        var order = await ManagedOrderAsync(actor, id, cancellationToken);
        if (order is null)
        {
            return null;
        }

        order.Close();
        return await unitOfWork.RunAsync(actor, _ => Task.FromResult(order), cancellationToken);
    }

    public async Task<ProductionContract> CreateContractAsync(Actor actor, ContractInput input, CancellationToken cancellationToken)
    {
        var producer = input.ProducerFacilityId ?? throw Missing("producerFacilityId", "the facility whose workshop makes the items");
        if (actor.Role == Role.FacilityStaff && producer != actor.FacilityId)
        {
            throw new RuleViolation("contract.facility", "Facility staff record contracts for their own facility's workshops.", "producerFacilityId");
        }

        if (!await Db.Facilities.AnyAsync(f => f.Id == producer, cancellationToken))
        {
            throw new RuleViolation("contract.facility", "There is no facility with that id.", "producerFacilityId");
        }

        var contract = new ProductionContract(producer, input.Number ?? "", input.Customer ?? "", input.CustomerFacilityId, input.Deadline ?? throw Missing("deadline", "a date (YYYY-MM-DD)"), (input.Items ?? []).Select(i => (i.Description ?? "", i.Unit ?? "", i.Quantity ?? 0)), unitOfWork.Now);
        return await unitOfWork.RunAsync(actor, db =>
        {
            db.ProductionContracts.Add(contract);
            return Task.FromResult(contract);
        }, cancellationToken);
    }

    public async Task<ProductionContract?> RecordDeliveryAsync(Actor actor, Guid id, DeliveryInput input, CancellationToken cancellationToken)
    {
        var contract = await Db.ProductionContracts.FirstOrDefaultAsync(c => c.Id == id && (actor.Role == Role.CentralStaff || c.ProducerFacilityId == actor.FacilityId), cancellationToken);
        if (contract is null)
        {
            return null;
        }

        contract.RecordDelivery(input.Line ?? throw Missing("line", "an item line number"), input.Quantity ?? throw Missing("quantity", "a number of units"));
        return await unitOfWork.RunAsync(actor, _ => Task.FromResult(contract), cancellationToken);
    }

    public async Task<TrainingCourse> CreateCourseAsync(Actor actor, CourseInput input, CancellationToken cancellationToken)
    {
        await RequireOccupationAsync(input.IscoCode, cancellationToken);
        var course = new TrainingCourse(input.IscoCode!, input.Title ?? "", input.Hours ?? 0, input.Syllabus ?? "");
        return await unitOfWork.RunAsync(actor, db =>
        {
            db.TrainingCourses.Add(course);
            return Task.FromResult(course);
        }, cancellationToken);
    }

    public async Task<Cohort> CreateCohortAsync(Actor actor, CohortInput input, CancellationToken cancellationToken)
    {
        var facilityId = actor.Role == Role.FacilityStaff ? actor.FacilityId : input.FacilityId;
        if (actor.Role == Role.FacilityStaff && input.FacilityId is { } asked && asked != actor.FacilityId)
        {
            throw new RuleViolation("cohort.facility", "Facility staff open cohorts in their own facility.", "facilityId");
        }

        var facility = await Db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == facilityId, cancellationToken) ?? throw new RuleViolation("cohort.facility", "There is no facility with that id.", "facilityId");
        var course = await Db.TrainingCourses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == input.CourseId, cancellationToken) ?? throw new RuleViolation("cohort.course", "There is no course with that id.", "courseId");
        var region = await RegionAsync(facility.RegionCode, cancellationToken);
        var cohort = new Cohort(course, facility, input.Seats ?? 0, input.Start ?? throw Missing("start", "a date (YYYY-MM-DD)"), input.End ?? throw Missing("end", "a date (YYYY-MM-DD)"), input.HoursPerWeek ?? 0, region.WorkingTime.WeeklyHours, unitOfWork.Now);
        return await unitOfWork.RunAsync(actor, db =>
        {
            db.Cohorts.Add(cohort);
            return Task.FromResult(cohort);
        }, cancellationToken);
    }

    public async Task<SecurityRule> AddSecurityRuleAsync(Actor actor, SecurityRuleInput input, CancellationToken cancellationToken)
    {
        var rule = SecurityRule.Create(input.Category ?? OffenceCategory.None, input.Need ?? AccessNeed.None, input.Reason ?? "");
        if (await Db.SecurityRules.AnyAsync(r => r.Code == rule.Code, cancellationToken))
        {
            throw new RuleViolation("rule.duplicate", $"The rule {rule.Code} is already in the table.", "category");
        }

        return await unitOfWork.RunAsync(actor, db =>
        {
            db.SecurityRules.Add(rule);
            return Task.FromResult(rule);
        }, cancellationToken);
    }

    public async Task<bool> RemoveSecurityRuleAsync(Actor actor, string code, CancellationToken cancellationToken)
    {
        var rule = await Db.SecurityRules.FirstOrDefaultAsync(r => r.Code == code, cancellationToken);
        if (rule is null)
        {
            return false;
        }

        return await unitOfWork.RunAsync(actor, db =>
        {
            db.SecurityRules.Remove(rule);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    public async Task<Region> WageRegionAsync(JobOrder order, CancellationToken cancellationToken) => await RegionAsync(order.Mode switch
    {
        WorkMode.InFacility => await Db.Facilities.Where(f => f.Id == order.FacilityId).Select(f => f.RegionCode).SingleAsync(cancellationToken),
        WorkMode.OffSite => order.ServedRegions[0],
        _ => await Db.Employers.Where(e => e.Id == order.EmployerId).Select(e => e.RegionCode).SingleAsync(cancellationToken),
    }, cancellationToken);

    private async Task<JobOrder?> ManagedOrderAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        var order = await reader.FindOrderAsync(actor, id, cancellationToken, tracking: true);
        if (order is not null && !WorkReader.CanManage(actor, order))
        {
            throw new RuleViolation("order.not-yours", "Only the employer that posted the order, the staff of the workshop's facility, or central staff change it.", "id");
        }

        return order;
    }

    private async Task<Region> RegionAsync(string code, CancellationToken cancellationToken) =>
        await Db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, cancellationToken) ?? throw new RuleViolation("region.unknown", $"'{code}' is not a region Workbridge knows.", "regionCode");

    private async Task RequireOccupationAsync(string? code, CancellationToken cancellationToken)
    {
        if (!IscoGroup.IsUnitCode(code) || !await Db.IscoGroups.AnyAsync(g => g.Code == code, cancellationToken))
        {
            throw new RuleViolation("occupation.unknown", $"'{code}' is not an ISCO-08 unit group (4 digits, e.g. 7212).", "iscoCode");
        }
    }

    private static Terms ValidTerms(TermsInput? input, Region region) => input is null
        ? throw Missing("terms", "title, duties, hourlyWageMinor, hoursPerWeek, start and end")
        : Terms.Validated(input.Title ?? "", input.Duties ?? "", input.HourlyWageMinor ?? throw Missing("terms.hourlyWageMinor", "kopecks an hour"), input.HoursPerWeek ?? throw Missing("terms.hoursPerWeek", "hours a week"), input.Start ?? throw Missing("terms.start", "a date (YYYY-MM-DD)"), input.End, region.WorkingTime.WeeklyHours);

    private static AccessNeed Needs(IReadOnlyList<AccessNeed>? needs) => (needs ?? []).Aggregate(AccessNeed.None, (all, n) => all | n);

    private static string Required(string? value, string field) => string.IsNullOrWhiteSpace(value) ? throw Missing(field, "a value") : value.Trim();

    internal static RuleViolation Missing(string field, string what) => new("request.missing", $"{field} is required: {what}.", field);
}
