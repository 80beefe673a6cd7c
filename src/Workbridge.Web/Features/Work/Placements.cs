using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Common;
using Workbridge.Core.Registry;
using Workbridge.Core.Training;
using Workbridge.Core.Work;
using Workbridge.Data;
using Workbridge.Data.People;
using Workbridge.Data.Reference;

namespace Workbridge.Web.Features.Work;

/// <summary>
/// An application: for a person acting for themselves, or for staff recording a paper application (with its
/// registration number). <see cref="TermsHash"/> is the hash of the terms the person read; if the terms changed since,
/// the application is refused rather than consenting to terms nobody showed them.
/// </summary>
public sealed record ApplyInput(Guid? OpeningId, Guid? PersonId, string? TermsHash, string? WrittenReference);

public sealed record ConsentInput(string? TermsHash, string? WrittenReference);

public sealed record EndInput(EndReason? Reason, string? Note);

public sealed record CompleteInput(string? CertificateNumber);

/// <summary>
/// The placement lifecycle as its actors drive it: staff propose, the person applies with consent (or staff record a
/// paper application), the employer or facility accepts, staff activate, the person may withdraw at any time, and a
/// transfer or release ends what is open. Eligibility is checked on applying and again on activation.
/// </summary>
public sealed class Placements(UnitOfWork unitOfWork, WorkReader reader, Matching.CandidateIndexCache candidates)
{
    private WorkbridgeDb Db => unitOfWork.Db;

    private DateOnly Today => DateOnly.FromDateTime(unitOfWork.Now);

    public async Task<EligibilityView?> EligibilityAsync(Actor actor, Guid openingId, Guid personId, CancellationToken cancellationToken)
    {
        var opening = await reader.FindOpeningAsync(actor, openingId, cancellationToken);
        var person = await PeopleQueries.FindAsync(Db, actor, personId, cancellationToken);
        if (opening is null || person is null)
        {
            return null;
        }

        var eligibility = await CheckAsync(person, opening, null, cancellationToken);
        var names = await reader.NamesAsync(actor, [person.Id], cancellationToken);
        return new EligibilityView(person.Id, names[person.Id], opening.Id, eligibility.IsEligible, eligibility.Checks);
    }

    /// <summary>Eligibility of one person (the actor, or someone in their sight) for many openings, with one read of what the checks need.</summary>
    public async Task<Dictionary<Guid, Eligibility>> EligibilityForAsync(Actor actor, Guid personId, IEnumerable<IOpening> openings, CancellationToken cancellationToken)
    {
        var person = await PeopleQueries.FindAsync(Db, actor, personId, cancellationToken);
        if (person is null)
        {
            return [];
        }

        var facility = await Db.Facilities.AsNoTracking().SingleAsync(f => f.Id == person.FacilityId, cancellationToken);
        var region = await Db.Regions.AsNoTracking().SingleAsync(r => r.Code == facility.RegionCode, cancellationToken);
        var hours = (await ActiveHoursAsync([person.Id], null, cancellationToken)).GetValueOrDefault(person.Id);
        var open = (await Db.Placements.AsNoTracking().Where(p => p.PersonId == person.Id && p.Status != PlacementStatus.Ended).Select(p => p.OpeningId).ToListAsync(cancellationToken)).ToHashSet();
        var rules = await ReferenceData.RulesAsync(Db, cancellationToken);
        return openings.ToDictionary(o => o.Id, o =>
        {
            var context = new EligibilityContext(facility, region, Today, hours, open.Contains(o.Id), rules);
            return o is JobOrder order ? Eligibility.For(person, order, context) : Eligibility.For(person, (Cohort)o, context);
        });
    }

    /// <summary>
    /// The best <paramref name="limit"/> people for an order, as pseudonymous profiles with their fit score and its parts:
    /// ranked by the in-memory candidate index, then each checked again on the current record.
    /// </summary>
    public async Task<IReadOnlyList<CandidateView>?> CandidatesAsync(Actor actor, Guid orderId, int limit, CancellationToken cancellationToken)
    {
        var order = await reader.FindOrderAsync(actor, orderId, cancellationToken);
        if (order is null || actor.Role is Role.Person or Role.EmploymentService)
        {
            return order is null ? null : throw new RuleViolation("candidates.role", "Candidate lists are for employers and staff.", "id");
        }

        var snapshot = await candidates.GetAsync(Db, cancellationToken);
        var regions = await Db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, cancellationToken);
        var rules = await ReferenceData.RulesAsync(Db, cancellationToken);
        var placed = await Db.Placements.AsNoTracking().Where(p => p.OpeningId == order.Id && p.Status != PlacementStatus.Ended).Select(p => p.PersonId).ToListAsync(cancellationToken);
        var exclude = placed.Where(snapshot.Positions.ContainsKey).Select(id => snapshot.Positions[id]).ToHashSet();
        var k = Math.Clamp(limit, 1, 500);
        // A few more than asked, in case the index is a change or two behind the record.
        var ranked = snapshot.Index.Top(order, regions, rules, Today, k + 10, exclude, actor.Role == Role.FacilityStaff ? actor.FacilityId : null);
        var ids = ranked.Select(r => snapshot.Index.IdOf(r.Person)).ToList();
        var people = await Db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var facilityIds = people.Values.Select(p => p.FacilityId).Distinct().ToList();
        var facilities = await Db.Facilities.AsNoTracking().Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var hours = await ActiveHoursAsync(ids, null, cancellationToken);
        var views = new List<CandidateView>();
        foreach (var id in ids.Where(people.ContainsKey))
        {
            var person = people[id];
            var facility = facilities[person.FacilityId];
            var region = regions[facility.RegionCode];
            if (!Eligibility.For(person, order, new EligibilityContext(facility, region, Today, hours.GetValueOrDefault(id), placed.Contains(id), rules)).IsEligible)
            {
                continue;
            }

            var score = Core.Matching.MatchScoring.For(person, order, order.IscoCode, region, Today);
            views.Add(new CandidateView(id, PeopleQueries.Pseudonym(id), facility.Code, person.Identity.AgeOn(Today), EnumText.Kebab(person.Education), [.. person.Occupations.Select(o => o.IscoCode)], person.Occupations.Any(o => o.IscoCode == order.IscoCode), person.Sentence.ExpectedRelease, score.Total, score.Parts));
        }

        return [.. views.OrderByDescending(v => v.Score).ThenBy(v => v.PersonId).Take(k)];
    }

    public async Task<Placement?> ProposeAsync(Actor actor, ApplyInput input, CancellationToken cancellationToken)
    {
        var (person, opening) = await TargetsAsync(actor, input, cancellationToken);
        if (person is null || opening is null)
        {
            return null;
        }

        await RequireEligibleAsync(person, opening, null, cancellationToken);
        var placement = Placement.Propose(person, opening, actor.Id, unitOfWork.Now);
        return await unitOfWork.RunAsync(actor, db =>
        {
            db.Placements.Add(placement);
            return Task.FromResult(placement);
        }, cancellationToken);
    }

    /// <summary>The person applies (or staff record their paper application): consent to the terms they read.</summary>
    public async Task<Placement?> ApplyAsync(Actor actor, ApplyInput input, CancellationToken cancellationToken)
    {
        var (person, opening) = await TargetsAsync(actor, input, cancellationToken);
        if (person is null || opening is null)
        {
            return null;
        }

        RequireReadTerms(opening, input.TermsHash);
        var proposal = await Db.Placements.FirstOrDefaultAsync(p => p.PersonId == person.Id && p.OpeningId == opening.Id && p.Status == PlacementStatus.Proposed, cancellationToken);
        await RequireEligibleAsync(person, opening, proposal?.Id, cancellationToken);
        var (channel, reference) = Channel(actor, input.WrittenReference);
        var snapshot = await SnapshotAsync(person, opening, cancellationToken);
        Placement placement;
        Consent consent;
        if (proposal is null)
        {
            (placement, consent) = Placement.ApplyNew(person, opening, snapshot, channel, actor.Id, reference, unitOfWork.Now);
            Db.Placements.Add(placement);
        }
        else
        {
            placement = proposal;
            consent = proposal.Apply(person, opening, snapshot, channel, actor.Id, reference, unitOfWork.Now);
        }

        return await unitOfWork.RunAsync(actor, db =>
        {
            db.Consents.Add(consent);
            return Task.FromResult(placement);
        }, cancellationToken);
    }

    public Task<Placement?> RenewConsentAsync(Actor actor, Guid id, ConsentInput input, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, PersonOrStaff, async (placement, person, opening) =>
        {
            RequireReadTerms(opening, input.TermsHash);
            var (channel, reference) = Channel(actor, input.WrittenReference);
            Db.Consents.Add(placement.RenewConsent(person, opening, await SnapshotAsync(person, opening, cancellationToken), channel, actor.Id, reference, unitOfWork.Now));
        }, cancellationToken);

    public Task<Placement?> AcceptAsync(Actor actor, Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, (a, p) => a.Role == Role.CentralStaff || (p.EmployerId is null ? a.Role == Role.FacilityStaff : a.Role == Role.Employer), async (placement, person, opening) =>
        {
            if (opening is Cohort cohort)
            {
                // People without any profession come first (DESIGN.md section 1): they are waiting if they applied.
                var taken = await Db.Placements.CountAsync(p => p.OpeningId == cohort.Id && (p.Status == PlacementStatus.Accepted || p.Status == PlacementStatus.Active), cancellationToken);
                var waiting = await Db.Placements.Where(p => p.OpeningId == cohort.Id && p.Status == PlacementStatus.Applied && p.Id != placement.Id)
                    .Join(Db.People, p => p.PersonId, x => x.Id, (p, x) => x).CountAsync(x => !x.Occupations.Any(), cancellationToken);
                cohort.RequireSeatFor(person.HasProfession, taken, waiting);
            }

            placement.Accept(unitOfWork.Now);
        }, cancellationToken);

    public Task<Placement?> ActivateAsync(Actor actor, Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, Staff, async (placement, person, opening) =>
        {
            await RequireEligibleAsync(person, opening, placement.Id, cancellationToken);
            var active = await Db.Placements.CountAsync(p => p.OpeningId == opening.Id && p.Status == PlacementStatus.Active, cancellationToken);
            if (active >= opening.Seats)
            {
                throw new RuleViolation("opening.full", $"All {opening.Seats} seats are taken.", "id");
            }

            placement.Activate(person, opening, unitOfWork.Now);
        }, cancellationToken);

    /// <summary>The person withdraws (or staff record their written withdrawal). Nothing but this placement changes.</summary>
    public Task<Placement?> WithdrawAsync(Actor actor, Guid id, string? note, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, PersonOrStaff, async (placement, _, _) =>
        {
            if (actor.Role != Role.Person && string.IsNullOrWhiteSpace(note))
            {
                throw new RuleViolation("placement.withdrawal-reference", "Staff record a withdrawal only from the person's written statement: give its registration number in the note.", "note");
            }

            var consent = placement.ConsentId is { } consentId ? await Db.Consents.FirstAsync(c => c.Id == consentId, cancellationToken) : null;
            placement.Withdraw(consent, unitOfWork.Now, note);
        }, cancellationToken);

    public Task<Placement?> EndAsync(Actor actor, Guid id, EndInput input, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, (a, p) => a.Role is Role.CentralStaff or Role.FacilityStaff || (a.Role == Role.Employer && p.EmployerId is not null), (placement, _, _) =>
        {
            var reason = input.Reason ?? throw Openings.Missing("reason", $"one of {EnumText.Choices<EndReason>()}");
            if (reason == EndReason.WithdrawnByPerson)
            {
                throw new RuleViolation("placement.withdraw", "A withdrawal is the person's own act: use the withdrawal, which records it as theirs.", "reason");
            }

            if (actor.Role == Role.Employer && reason != EndReason.EndedByEmployer)
            {
                throw new RuleViolation("placement.end-reason", "An employer ends a placement with the reason ended-by-employer.", "reason");
            }

            placement.End(reason, input.Note, unitOfWork.Now);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>A finished course: the enrolment is completed, a certificate issued, and the occupation added to the person's record.</summary>
    public Task<Placement?> CompleteTrainingAsync(Actor actor, Guid id, CompleteInput input, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, Staff, (placement, person, opening) =>
        {
            if (opening is not Cohort cohort)
            {
                throw new RuleViolation("certificate.not-training", "Certificates are for training enrolments.", "id");
            }

            if (string.IsNullOrWhiteSpace(input.CertificateNumber) || input.CertificateNumber.Trim().Length > 64)
            {
                throw new RuleViolation("certificate.number", "A certificate number is 1 to 64 characters.", "certificateNumber");
            }

            placement.End(EndReason.Completed, null, unitOfWork.Now);
            Db.Certificates.Add(new Certificate(placement, cohort, input.CertificateNumber ?? "", unitOfWork.Now));
            person.AddCertifiedOccupation(cohort.IscoCode);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// A transfer or release ends every open placement of the person (active ones, and applications still open) with
    /// the matching reason, in the same unit of work as the movement. Temporary release does not: work release goes on.
    /// </summary>
    public static async Task EndForMovementAsync(WorkbridgeDb db, Movement movement, DateTime now, CancellationToken cancellationToken)
    {
        var reason = movement.Kind switch
        {
            MovementKind.Transfer => EndReason.Transferred,
            MovementKind.Release => EndReason.Released,
            _ => (EndReason?)null,
        };
        if (reason is null)
        {
            return;
        }

        foreach (var placement in await db.Placements.Where(p => p.PersonId == movement.PersonId && p.Status != PlacementStatus.Ended).ToListAsync(cancellationToken))
        {
            placement.End(reason.Value, movement.Kind == MovementKind.Transfer ? "Transferred to another facility." : "Released.", now);
        }
    }

    /// <summary>
    /// After a change to people or facilities (legal status, offences, age rules, a facility's kind or workstations),
    /// suspends every active placement whose person no longer passes the rules about who may do the work: pre-trial,
    /// work mode, workstations, region, security, hazardous work. Runs inside the caller's unit of work, so the change and
    /// the suspension are saved together. Returns the placements suspended.
    /// </summary>
    public static async Task<IReadOnlyList<Placement>> SuspendWhereRulesFailAsync(WorkbridgeDb db, Expression<Func<Placement, bool>> which, DateTime now, CancellationToken cancellationToken)
    {
        var active = await db.Placements.Where(p => p.Status == PlacementStatus.Active).Where(which).ToListAsync(cancellationToken);
        if (active.Count == 0)
        {
            return [];
        }

        var rules = await ReferenceData.RulesAsync(db, cancellationToken);
        var suspended = new List<Placement>();
        foreach (var placement in active)
        {
            // The tracked person and facility: the change being saved is what has to be judged.
            var person = await db.People.FirstAsync(p => p.Id == placement.PersonId, cancellationToken);
            var facility = await db.Facilities.FirstAsync(f => f.Id == person.FacilityId, cancellationToken);
            var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Code == facility.RegionCode, cancellationToken);
            var context = new EligibilityContext(facility, region, DateOnly.FromDateTime(now), 0, false, rules);
            var eligibility = placement.Kind == PlacementKind.Work
                ? Eligibility.For(person, await db.JobOrders.AsNoTracking().FirstAsync(o => o.Id == placement.OpeningId, cancellationToken), context)
                : Eligibility.For(person, await db.Cohorts.AsNoTracking().FirstAsync(c => c.Id == placement.OpeningId, cancellationToken), context);
            if (eligibility.Failed.Any(c => c.Code is "pre-trial" or "work-mode" or "remote-workstations" or "region" or "facility" or "juvenile-hazardous" || c.Code.StartsWith("security.", StringComparison.Ordinal)))
            {
                placement.Suspend(now);
                suspended.Add(placement);
            }
        }

        return suspended;
    }

    private static bool Staff(Actor actor, Placement placement) => actor.Role is Role.CentralStaff or Role.FacilityStaff;

    private static bool PersonOrStaff(Actor actor, Placement placement) => actor.Role is Role.CentralStaff or Role.FacilityStaff or Role.Person;

    private async Task<Placement?> ChangeAsync(Actor actor, Guid id, Func<Actor, Placement, bool> allowed, Func<Placement, Person, IOpening, Task> change, CancellationToken cancellationToken)
    {
        var placement = await reader.VisiblePlacements(actor, tracking: true).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (placement is null)
        {
            return null;
        }

        if (!allowed(actor, placement))
        {
            throw new RuleViolation("placement.not-yours", "Your role cannot take this step on a placement.", "id");
        }

        var person = await Db.People.FirstAsync(p => p.Id == placement.PersonId, cancellationToken);
        IOpening opening = placement.Kind == PlacementKind.Work
            ? await Db.JobOrders.FirstAsync(o => o.Id == placement.OpeningId, cancellationToken)
            : await Db.Cohorts.FirstAsync(c => c.Id == placement.OpeningId, cancellationToken);
        await change(placement, person, opening);
        return await unitOfWork.RunAsync(actor, _ => Task.FromResult(placement), cancellationToken);
    }

    private async Task<(Person? Person, IOpening? Opening)> TargetsAsync(Actor actor, ApplyInput input, CancellationToken cancellationToken)
    {
        var personId = actor.Role == Role.Person ? actor.PersonId : input.PersonId ?? throw Openings.Missing("personId", "the person's id");
        var person = await PeopleQueries.FindAsync(Db, actor, personId!.Value, cancellationToken);
        var opening = await reader.FindOpeningAsync(actor, input.OpeningId ?? throw Openings.Missing("openingId", "the id of a job order or cohort"), cancellationToken, tracking: true);
        return (person, opening);
    }

    private async Task<Eligibility> CheckAsync(Person person, IOpening opening, Guid? placementId, CancellationToken cancellationToken)
    {
        var facility = await Db.Facilities.AsNoTracking().SingleAsync(f => f.Id == person.FacilityId, cancellationToken);
        var region = await Db.Regions.AsNoTracking().SingleAsync(r => r.Code == facility.RegionCode, cancellationToken);
        var hours = await ActiveHoursAsync([person.Id], placementId, cancellationToken);
        var here = await Db.Placements.AnyAsync(p => p.PersonId == person.Id && p.OpeningId == opening.Id && p.Status != PlacementStatus.Ended && p.Id != placementId, cancellationToken);
        var context = new EligibilityContext(facility, region, Today, hours.GetValueOrDefault(person.Id), here, await ReferenceData.RulesAsync(Db, cancellationToken));
        return opening is JobOrder order ? Eligibility.For(person, order, context) : Eligibility.For(person, (Cohort)opening, context);
    }

    private async Task RequireEligibleAsync(Person person, IOpening opening, Guid? placementId, CancellationToken cancellationToken)
    {
        var eligibility = await CheckAsync(person, opening, placementId, cancellationToken);
        if (eligibility.Failed.FirstOrDefault() is { } failed)
        {
            throw new RuleViolation("eligibility." + failed.Code, failed.Message + (eligibility.Failed.Count() > 1 ? $" (and {eligibility.Failed.Count() - 1} more: {string.Join(", ", eligibility.Failed.Skip(1).Select(c => c.Code))})" : ""), "personId");
        }
    }

    /// <summary>Hours a week of each person's active placements, leaving one placement out.</summary>
    private async Task<Dictionary<Guid, int>> ActiveHoursAsync(List<Guid> personIds, Guid? except, CancellationToken cancellationToken)
    {
        var active = await Db.Placements.AsNoTracking().Where(p => personIds.Contains(p.PersonId) && p.Status == PlacementStatus.Active && p.Id != except).Select(p => new { p.PersonId, p.OpeningId }).ToListAsync(cancellationToken);
        var ids = active.Select(a => a.OpeningId).Distinct().ToList();
        var hours = await Db.JobOrders.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Terms.HoursPerWeek })
            .Concat(Db.Cohorts.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Terms.HoursPerWeek })).ToDictionaryAsync(x => x.Id, x => x.HoursPerWeek, cancellationToken);
        return active.GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g => g.Sum(a => hours[a.OpeningId]));
    }

    /// <summary>What the person would consent to: the terms and, for a person reading their own, their deductions.</summary>
    public async Task<ConsentSnapshot?> PreviewAsync(Actor actor, Guid openingId, CancellationToken cancellationToken)
    {
        var opening = await reader.FindOpeningAsync(actor, openingId, cancellationToken);
        return opening is null ? null : await BuildSnapshotAsync(actor.PersonId, opening, cancellationToken);
    }

    private async Task<string> SnapshotAsync(Person person, IOpening opening, CancellationToken cancellationToken) =>
        (await BuildSnapshotAsync(person.Id, opening, cancellationToken)).ToJson();

    private async Task<ConsentSnapshot> BuildSnapshotAsync(Guid? personId, IOpening opening, CancellationToken cancellationToken)
    {
        var deductions = personId is null ? [] : await Db.DeductionOrders.AsNoTracking().Where(d => d.PersonId == personId).ToListAsync(cancellationToken);
        var (offeror, mode) = opening switch
        {
            JobOrder { EmployerId: { } e } order => (await Db.Employers.Where(x => x.Id == e).Select(x => x.LegalName).SingleAsync(cancellationToken), (WorkMode?)order.Mode),
            JobOrder order => ("Workshop " + await Db.Facilities.Where(f => f.Id == order.FacilityId).Select(f => f.Code).SingleAsync(cancellationToken), order.Mode),
            _ => ("Training", null),
        };
        return ConsentSnapshot.For(opening, offeror, mode, deductions, Today);
    }

    private static void RequireReadTerms(IOpening opening, string? termsHash)
    {
        if (string.IsNullOrWhiteSpace(termsHash))
        {
            throw Openings.Missing("termsHash", "the hash of the terms the person read (termsHash of the order or cohort)");
        }

        if (!string.Equals(termsHash.Trim(), opening.Terms.Hash, StringComparison.OrdinalIgnoreCase))
        {
            throw new RuleViolation("consent.terms-changed", "The terms changed since they were read; read the current terms before agreeing to them.", "termsHash");
        }
    }

    private static (ConsentChannel Channel, string? Reference) Channel(Actor actor, string? writtenReference) =>
        actor.Role == Role.Person ? (ConsentChannel.SelfService, null) : (ConsentChannel.WrittenApplication, writtenReference);
}
