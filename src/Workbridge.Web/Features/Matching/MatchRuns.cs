using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Common;
using Workbridge.Core.Matching;
using Workbridge.Core.Registry;
using Workbridge.Core.Training;
using Workbridge.Core.Work;
using Workbridge.Data;
using Workbridge.Data.Reference;
using Workbridge.Web.Features.Work;

namespace Workbridge.Web.Features.Matching;

/// <summary>Which people a run considers: one facility, one region, or the whole service.</summary>
public sealed record MatchRunInput(Guid? FacilityId, string? RegionCode, bool? National, bool? Propose);

/// <summary>One line of a plan: the person, the opening proposed (or none) with the score's parts, and why.</summary>
public sealed record MatchProposalView(Guid PersonId, string PersonName, string FacilityCode, Guid? OpeningId, string? OpeningTitle, int? Score, IReadOnlyList<ScorePart> Parts, string Reason);

public sealed record MatchRunResult(string Scope, int People, int Openings, int Candidates, long TotalScore, int Placed, int ProposalsCreated, string Algorithm, IReadOnlyList<MatchProposalView> Proposals);

/// <summary>
/// A matching run: people in scope who want work or training and have no active placement, the open orders and cohorts
/// serving them with their free seats, every pair that passes the hard rules scored by <see cref="MatchScoring"/>, and
/// the optimal plan. With <c>Propose</c> each proposal becomes a proposed placement, which still needs the person's
/// own application and consent; nothing is imposed.
/// </summary>
public sealed class MatchRuns(UnitOfWork unitOfWork, WorkReader reader)
{
    private WorkbridgeDb Db => unitOfWork.Db;

    public async Task<(MatchRunResult Result, FlowInstance Instance)> RunAsync(Actor actor, MatchRunInput input, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var now = unitOfWork.Now;
        var today = DateOnly.FromDateTime(now);
        var (scope, facilities) = await ScopeAsync(actor, input, cancellationToken);
        var facilityIds = facilities.Select(f => f.Id).ToList();
        var byId = facilities.ToDictionary(f => f.Id);
        var busy = await Db.Placements.AsNoTracking().Where(p => p.Status == PlacementStatus.Active).Select(p => p.PersonId).ToListAsync(cancellationToken);
        var busySet = busy.ToHashSet();
        var people = (await Db.People.AsNoTracking()
                .Where(p => facilityIds.Contains(p.FacilityId) && p.Status != CustodyStatus.Released && (p.WantsWork || p.WantsTraining))
                .OrderBy(p => p.Id).ToListAsync(cancellationToken))
            .Where(p => !busySet.Contains(p.Id)).ToList();
        var orders = (await Db.JobOrders.AsNoTracking().Where(o => o.Status == OpeningStatus.Open).OrderBy(o => o.Id).ToListAsync(cancellationToken))
            .Where(o => facilities.Any(o.Serves)).ToList();
        var cohorts = await Db.Cohorts.AsNoTracking().Where(c => c.Status == OpeningStatus.Open && facilityIds.Contains(c.FacilityId)).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var openings = orders.Cast<IOpening>().Concat(cohorts).ToList();
        var openingIds = openings.Select(o => o.Id).ToList();
        var taken = await Db.Placements.AsNoTracking().Where(p => openingIds.Contains(p.OpeningId) && (p.Status == PlacementStatus.Accepted || p.Status == PlacementStatus.Active))
            .GroupBy(p => p.OpeningId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var open = (await Db.Placements.AsNoTracking().Where(p => openingIds.Contains(p.OpeningId) && p.Status != PlacementStatus.Ended).Select(p => new { p.PersonId, p.OpeningId }).ToListAsync(cancellationToken))
            .Select(p => (p.PersonId, p.OpeningId)).ToHashSet();
        var regions = await Db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, cancellationToken);
        var rules = await ReferenceData.RulesAsync(Db, cancellationToken);
        var candidates = PlacementPlan.Candidates(people, openings, byId, regions, rules, today, open);
        var seats = openings.Select(o => Math.Max(0, o.Seats - taken.GetValueOrDefault(o.Id))).ToList();
        var plan = PlacementPlan.Solve(people.Count, seats, candidates, progress);
        var names = await reader.NamesAsync(actor, people.Select(p => p.Id), cancellationToken);
        var views = plan.Proposals.Select(p =>
        {
            var person = people[p.Person];
            var opening = p.Opening is { } o ? openings[o] : null;
            // The parts, worked out again for the proposals only: they add up to the total the plan used.
            var parts = opening is null ? [] : MatchScoring.For(person, opening, opening is JobOrder j ? j.IscoCode : ((Cohort)opening).IscoCode, regions[byId[person.FacilityId].RegionCode], today).Parts;
            return new MatchProposalView(person.Id, names[person.Id], byId[person.FacilityId].Code, opening?.Id, opening?.Terms.Title, p.Points, parts, p.Reason);
        }).ToList();

        var created = 0;
        if (input.Propose == true)
        {
            var already = (await Db.Placements.AsNoTracking().Where(p => p.Status == PlacementStatus.Proposed).Select(p => new { p.PersonId, p.OpeningId }).ToListAsync(cancellationToken)).Select(p => (p.PersonId, p.OpeningId)).ToHashSet();
            created = await unitOfWork.RunAsync(actor, db =>
            {
                var count = 0;
                foreach (var proposal in plan.Proposals.Where(p => p.Opening is not null))
                {
                    var person = people[proposal.Person];
                    var opening = openings[proposal.Opening!.Value];
                    if (!already.Contains((person.Id, opening.Id)))
                    {
                        db.Placements.Add(Placement.Propose(person, opening, $"matching:{actor.Id}", now));
                        count++;
                    }
                }

                return Task.FromResult(count);
            }, cancellationToken);
        }

        var result = new MatchRunResult(scope, people.Count, openings.Count, candidates.Count, plan.TotalScore, views.Count(v => v.OpeningId is not null), created, plan.Algorithm, views);
        return (result, new FlowInstance(people.Count, seats, candidates));
    }

    /// <summary>The plan as CSV: one row a person, the proposal or the reason there is none, and the score's parts.</summary>
    public static string Csv(MatchRunResult result)
    {
        var csv = new StringBuilder("person_id,person,facility,opening_id,opening,score,parts,reason\n");
        foreach (var p in result.Proposals)
        {
            var parts = string.Join("; ", p.Parts.Select(x => $"{x.Name} {x.Points}"));
            csv.Append(CultureInfo.InvariantCulture, $"{p.PersonId},{Data.Csv.CsvText.Cell(p.PersonName)},{p.FacilityCode},{p.OpeningId},{Data.Csv.CsvText.Cell(p.OpeningTitle ?? "")},{p.Score},{Data.Csv.CsvText.Cell(parts)},{Data.Csv.CsvText.Cell(p.Reason)}\n");
        }

        return csv.ToString();
    }

    private async Task<(string Scope, List<Facility> Facilities)> ScopeAsync(Actor actor, MatchRunInput input, CancellationToken cancellationToken)
    {
        var facilities = Db.Facilities.AsNoTracking();
        if (actor.Role == Role.FacilityStaff || input.FacilityId is not null)
        {
            var id = actor.Role == Role.FacilityStaff ? actor.FacilityId : input.FacilityId;
            if (actor.Role == Role.FacilityStaff && input.FacilityId is { } asked && asked != actor.FacilityId)
            {
                throw new RuleViolation("match.scope", "Facility staff run matching for their own facility.", "facilityId");
            }

            var facility = await facilities.FirstOrDefaultAsync(f => f.Id == id, cancellationToken) ?? throw new RuleViolation("match.scope", "There is no facility with that id.", "facilityId");
            return (facility.Code, [facility]);
        }

        if (input.RegionCode is { } region)
        {
            var list = await facilities.Where(f => f.RegionCode == region.Trim().ToUpperInvariant()).OrderBy(f => f.Code).ToListAsync(cancellationToken);
            return list.Count > 0 ? (region.Trim().ToUpperInvariant(), list) : throw new RuleViolation("match.scope", $"No facility is in region '{region}'.", "regionCode");
        }

        if (input.National == true)
        {
            return ("national", await facilities.OrderBy(f => f.Code).ToListAsync(cancellationToken));
        }

        throw new RuleViolation("match.scope", "Say which people to match: a facility, a region, or national.", "facilityId");
    }
}

/// <summary>The instance a run solved, for writing as a DIMACS file (people, free seats, scored pairs).</summary>
public sealed record FlowInstance(int People, IReadOnlyList<int> Seats, IReadOnlyList<Candidate> Candidates);
