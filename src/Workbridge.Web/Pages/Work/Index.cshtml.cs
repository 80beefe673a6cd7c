using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Work;
using Workbridge.Web.Access;
using Workbridge.Web.Features.Work;

namespace Workbridge.Web.Pages.Work;

/// <summary>
/// Work and training as each role meets it: a person sees what is open to them, their placements and payslips; staff,
/// employers, employment services and monitors see the orders, cohorts and placements in their scope.
/// </summary>
public sealed class IndexModel(CurrentActor current, WorkReader reader, PayRuns pay, Placements handler) : WorkPage(current)
{
    public IReadOnlyList<OrderView> Orders { get; private set; } = [];

    public IReadOnlyList<CohortView> Cohorts { get; private set; } = [];

    public IReadOnlyList<PlacementView> Placements { get; private set; } = [];

    public IReadOnlyList<PayStatementView> Payslips { get; private set; } = [];

    public HashSet<Guid> Applied { get; } = [];

    /// <summary>For a person: why they cannot apply for an opening, when a rule stops them.</summary>
    public Dictionary<Guid, string> NotOpenToYou { get; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = Actor;
        var orders = await reader.VisibleOrdersAsync(actor, cancellationToken);
        if (actor.Role == Role.Person)
        {
            orders = [.. orders.Where(o => o.Status == OpeningStatus.Open)];
        }

        Orders = await reader.OrderViewsAsync(orders, cancellationToken);
        var cohorts = (await reader.VisibleCohortsAsync(actor, cancellationToken)).Where(c => actor.Role != Role.Person || c.Status == OpeningStatus.Open).ToList();
        Cohorts = await reader.CohortViewsAsync(cohorts, cancellationToken);
        var placements = await reader.VisiblePlacements(actor).OrderByDescending(p => p.CreatedAt).Take(actor.Role == Role.Person ? 100 : 200).ToListAsync(cancellationToken);
        Placements = await reader.PlacementViewsAsync(actor, placements, cancellationToken);
        foreach (var p in Placements.Where(p => p.Status != PlacementStatus.Ended))
        {
            Applied.Add(p.OpeningId);
        }

        if (actor.Role == Role.Person && actor.PersonId is { } self)
        {
            Payslips = await pay.ListAsync(actor, null, null, null, cancellationToken);
            var eligibility = await handler.EligibilityForAsync(actor, self, [.. orders.Cast<IOpening>().Concat(cohorts).Where(o => !Applied.Contains(o.Id))], cancellationToken);
            foreach (var (id, result) in eligibility.Where(e => !e.Value.IsEligible))
            {
                NotOpenToYou[id] = result.Failed.First().Message;
            }
        }
    }
}
