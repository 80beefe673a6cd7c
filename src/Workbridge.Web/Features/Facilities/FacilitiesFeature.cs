using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Common;
using Workbridge.Core.Registry;
using Workbridge.Data;

namespace Workbridge.Web.Features.Facilities;

public sealed record FacilityInput(string? Code, string? Name, FacilityKind? Kind, string? RegionCode, int? Capacity, int? RemoteWorkstations);

/// <summary>A facility with its current occupancy (people in custody or temporarily out, against capacity).</summary>
public sealed record FacilityView(Guid Id, string Code, string Name, FacilityKind Kind, string RegionCode, string RegionNameEn, string RegionNameRu, int Capacity, int RemoteWorkstations, int Held);

public sealed class FacilitiesFeature(UnitOfWork unitOfWork)
{
    private WorkbridgeDb Db => unitOfWork.Db;

    /// <summary>Facilities for a drop-down: code, name and region, without counting anyone.</summary>
    public async Task<IReadOnlyList<FacilityView>> ChoicesAsync(CancellationToken cancellationToken) =>
        [.. (await Db.Facilities.AsNoTracking().Join(Db.Regions, f => f.RegionCode, r => r.Code, (f, r) => new { f, r.NameEn, r.NameRu }).ToListAsync(cancellationToken))
            .Select(x => View(x.f, x.NameEn, x.NameRu, held: 0))
            .OrderBy(f => f.Code, StringComparer.Ordinal)];

    public async Task<IReadOnlyList<FacilityView>> ListAsync(string? region, CancellationToken cancellationToken)
    {
        var facilities = Db.Facilities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(region))
        {
            var code = region.Trim().ToUpperInvariant();
            facilities = facilities.Where(f => f.RegionCode == code);
        }

        var held = await Db.People.Where(p => p.Status != CustodyStatus.Released).GroupBy(p => p.FacilityId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. (await facilities.Join(Db.Regions, f => f.RegionCode, r => r.Code, (f, r) => new { f, r.NameEn, r.NameRu }).ToListAsync(cancellationToken))
            .Select(x => View(x.f, x.NameEn, x.NameRu, held.GetValueOrDefault(x.f.Id)))
            .OrderBy(f => f.RegionCode, StringComparer.Ordinal).ThenBy(f => f.Code, StringComparer.Ordinal)];
    }

    public async Task<FacilityView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var facility = await Db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (facility is null)
        {
            return null;
        }

        var region = await Db.Regions.AsNoTracking().SingleAsync(r => r.Code == facility.RegionCode, cancellationToken);
        var held = await Db.People.CountAsync(p => p.FacilityId == id && p.Status != CustodyStatus.Released, cancellationToken);
        return View(facility, region.NameEn, region.NameRu, held);
    }

    public async Task<Guid> CreateAsync(Actor actor, FacilityInput input, CancellationToken cancellationToken)
    {
        var region = (input.RegionCode ?? throw Missing("regionCode")).Trim().ToUpperInvariant();
        if (!await Db.Regions.AnyAsync(r => r.Code == region, cancellationToken))
        {
            throw new RuleViolation("facility.region", $"There is no region {region}; regions are ISO 3166-2 codes such as RU-MOW.", "regionCode");
        }

        var code = (input.Code ?? throw Missing("code")).Trim();
        if (await Db.Facilities.AnyAsync(f => f.Code == code, cancellationToken))
        {
            throw new RuleViolation("facility.code-taken", $"Facility code {code} is already used.", "code");
        }

        var facility = new Facility(code, input.Name ?? throw Missing("name"), input.Kind ?? throw Missing("kind"), region, input.Capacity ?? throw Missing("capacity"), input.RemoteWorkstations ?? 0);
        return await unitOfWork.RunAsync(actor, db =>
        {
            db.Facilities.Add(facility);
            return Task.FromResult(facility.Id);
        }, cancellationToken);
    }

    /// <summary>Changes name, kind, capacity and workstations; the code and region of a facility never change.</summary>
    public async Task<bool> UpdateAsync(Actor actor, Guid id, FacilityInput input, CancellationToken cancellationToken)
    {
        var facility = await Db.Facilities.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (facility is null)
        {
            return false;
        }

        if ((input.Code is not null && input.Code.Trim() != facility.Code) || (input.RegionCode is not null && input.RegionCode.Trim().ToUpperInvariant() != facility.RegionCode))
        {
            throw new RuleViolation("facility.immutable", "A facility's code and region cannot change; record a new facility instead.", input.Code is not null && input.Code.Trim() != facility.Code ? "code" : "regionCode");
        }

        await unitOfWork.RunAsync(actor, async d =>
        {
            facility.Update(input.Name ?? facility.Name, input.Kind ?? facility.Kind, input.Capacity ?? facility.Capacity, input.RemoteWorkstations ?? facility.RemoteWorkstations);
            // Without workstations remote work stops, and a new kind can close a work mode.
            await Work.Placements.SuspendWhereRulesFailAsync(d, p => p.FacilityId == id, unitOfWork.Now, cancellationToken);
            return true;
        }, cancellationToken);
        return true;
    }

    private static FacilityView View(Facility f, string regionEn, string regionRu, int held) =>
        new(f.Id, f.Code, f.Name, f.Kind, f.RegionCode, regionEn, regionRu, f.Capacity, f.RemoteWorkstations, held);

    private static RuleViolation Missing(string field) => new("request.missing", $"{field} is required.", field);
}
