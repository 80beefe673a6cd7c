using Workbridge.Core.Common;
using Workbridge.Core.Pay;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;

namespace Workbridge.Core.Work;

/// <summary>
/// Work offered to people in custody: by an employer, or by a facility's own workshop (no employer). In-facility orders
/// belong to one facility's workshops; off-site orders serve the facilities of one region; remote orders serve every
/// facility with supervised workstations in the regions they accept (all regions when none are listed). The hourly
/// wage is never below the regional minimum; a change of terms needs every placed person's consent again.
/// </summary>
public sealed class JobOrder : IOpening
{
    private List<string> _servedRegions = [];

    private JobOrder()
    {
        IscoCode = "";
        Terms = null!;
        Supervision = "";
    }

    public Guid Id { get; private set; }

    public PlacementKind Kind => PlacementKind.Work;

    public Guid? EmployerId { get; private set; }

    public bool IsPrivateEmployer { get; private set; }

    /// <summary>The facility whose workshop the work is in (in-facility orders only).</summary>
    public Guid? FacilityId { get; private set; }

    public WorkMode Mode { get; private set; }

    /// <summary>ISO 3166-2 codes of the regions served: exactly one for off-site work, any number (none = all) for remote work.</summary>
    public IReadOnlyList<string> ServedRegions => _servedRegions;

    /// <summary>ISCO-08 unit group of the work.</summary>
    public string IscoCode { get; private set; }

    public Terms Terms { get; private set; }

    public int Seats { get; private set; }

    public AccessNeed AccessNeeds { get; private set; }

    /// <summary>Hazardous work is closed to anyone under 18 (Labour Code art. 265).</summary>
    public bool Hazardous { get; private set; }

    /// <summary>How the work is supervised, in plain words (who, where, how systems access is controlled).</summary>
    public string Supervision { get; private set; }

    /// <summary>The production contract this workshop order serves, if any.</summary>
    public Guid? ProductionContractId { get; private set; }

    public OpeningStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>The region whose minimum wage the order is checked against: the workshop's or the served region, or the employer's for remote work.</summary>
    public static JobOrder Create(
        Employer? employer,
        Facility? workshop,
        WorkMode mode,
        string iscoCode,
        Terms terms,
        int seats,
        IEnumerable<string> servedRegions,
        AccessNeed accessNeeds,
        bool hazardous,
        string supervision,
        Guid? productionContractId,
        Region wageRegion,
        DateTime now)
    {
        if (employer is { Verified: false })
        {
            throw new RuleViolation("order.employer-unverified", "The employer has not been verified by the service yet; orders open once it is.", "employerId");
        }

        var order = new JobOrder
        {
            Id = Ids.New(),
            EmployerId = employer?.Id,
            IsPrivateEmployer = employer is { Sector: EmployerSector.Private },
            Mode = Enum.IsDefined(mode) ? mode : throw new RuleViolation("order.mode", $"mode must be one of {EnumText.Choices<WorkMode>()}.", "mode"),
            IscoCode = Reference.IscoGroup.IsUnitCode(iscoCode) ? iscoCode! : throw new RuleViolation("order.occupation", "The occupation is an ISCO-08 unit group: 4 digits.", "iscoCode"),
            Status = OpeningStatus.Open,
            CreatedAt = now,
            Terms = terms,
            Supervision = "",
        };

        var regions = servedRegions.Select(r => r.Trim().ToUpperInvariant()).Where(r => r.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var region in regions.Where(r => !Region.IsIsoSubdivisionCode(r)))
        {
            throw new RuleViolation("order.region", $"'{region}' is not an ISO 3166-2 region code.", "servedRegions");
        }

        switch (order.Mode)
        {
            case WorkMode.InFacility:
                order.FacilityId = workshop?.Id ?? throw new RuleViolation("order.facility", "In-facility work needs the facility whose workshop it is in.", "facilityId");
                if (regions.Count > 0)
                {
                    throw new RuleViolation("order.region", "In-facility work serves its own facility; leave the regions empty.", "servedRegions");
                }

                break;
            case WorkMode.OffSite:
                if (employer is null)
                {
                    throw new RuleViolation("order.employer", "Off-site work needs an employer.", "employerId");
                }

                if (regions.Count != 1)
                {
                    throw new RuleViolation("order.region", "Off-site work serves exactly one region: the region of the facilities whose residents go to the site.", "servedRegions");
                }

                break;
            default:
                if (employer is null)
                {
                    throw new RuleViolation("order.employer", "Remote work needs an employer.", "employerId");
                }

                break;
        }

        if (productionContractId is not null && order.Mode != WorkMode.InFacility)
        {
            throw new RuleViolation("order.contract", "Only in-facility workshop orders serve a production contract.", "productionContractId");
        }

        order._servedRegions = regions;
        order.ProductionContractId = productionContractId;
        order.Update(seats, accessNeeds, hazardous, supervision);
        MinimumPay.RequireAtLeastMinimum(wageRegion, terms.HourlyWageMinor, Later(terms.Start, now));
        return order;
    }

    /// <summary>Changes what does not need a new consent: seats, access needs, hazard and supervision arrangements.</summary>
    public void Update(int seats, AccessNeed accessNeeds, bool hazardous, string supervision)
    {
        Seats = seats is >= 1 and <= 100_000 ? seats : throw new RuleViolation("order.seats", "Seats must be 1 to 100000.", "seats");
        AccessNeeds = (accessNeeds & ~(AccessNeed.PrivilegedSystems | AccessNeed.FinancialData | AccessNeed.PersonalData | AccessNeed.MinorsOrVulnerable)) == 0
            ? accessNeeds
            : throw new RuleViolation("order.access", "Unknown access need.", "accessNeeds");
        Hazardous = hazardous;
        var text = supervision?.Trim() ?? "";
        if ((Mode == WorkMode.Remote || accessNeeds != AccessNeed.None) && text.Length < 10)
        {
            throw new RuleViolation("order.supervision", "Remote work and work with access to systems or data need the supervision arrangements described (who supervises, where, how access is controlled).", "supervision");
        }

        Supervision = text.Length <= 2000 ? text : throw new RuleViolation("order.supervision", "Supervision is described in at most 2000 characters.", "supervision");
        Version++;
    }

    /// <summary>
    /// New wage, hours, duties or dates. Every placement on the order then needs the person's consent to the new terms:
    /// pass them all so active ones are suspended in the same change. Returns those suspended.
    /// </summary>
    public IReadOnlyList<Placement> ChangeTerms(Terms terms, Region wageRegion, IEnumerable<Placement> placements, DateTime now)
    {
        MinimumPay.RequireAtLeastMinimum(wageRegion, terms.HourlyWageMinor, Later(terms.Start, now));
        Terms = terms;
        Version++;
        return [.. placements.Where(p => p.OnTermsChanged(this, now))];
    }

    public void Close() => (Status, Version) = (OpeningStatus.Closed, Version + 1);

    // The minimum in force when the work starts, or now for work already running: never an older, lower one.
    private static DateOnly Later(DateOnly start, DateTime now) => start > DateOnly.FromDateTime(now) ? start : DateOnly.FromDateTime(now);

    /// <summary>Whether the order's region rule lets a person held in <paramref name="facility"/> take it.</summary>
    public bool Serves(Facility facility) => Mode switch
    {
        WorkMode.InFacility => FacilityId == facility.Id,
        WorkMode.OffSite => _servedRegions.Contains(facility.RegionCode),
        _ => _servedRegions.Count == 0 || _servedRegions.Contains(facility.RegionCode),
    };
}
