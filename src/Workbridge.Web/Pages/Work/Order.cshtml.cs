using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Web.Access;
using Workbridge.Web.Features.Work;

namespace Workbridge.Web.Pages.Work;

/// <summary>
/// One job order: its terms and supervision, the people placed or applying (pseudonymous for the employer), candidate
/// profiles for the employer and staff, and for staff the eligibility check of one person with every rule's reason.
/// </summary>
public sealed class OrderModel(CurrentActor current, WorkReader reader, Placements placements, Openings openings) : WorkPage(current)
{
    public OrderView Order { get; private set; } = null!;

    public IReadOnlyList<PlacementView> Placements { get; private set; } = [];

    public IReadOnlyList<CandidateView> Candidates { get; private set; } = [];

    public EligibilityView? Eligibility { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid? PersonId { get; set; }

    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid orderId, CancellationToken cancellationToken) =>
        await LoadAsync(orderId, cancellationToken) ? Page() : NotFound();

    /// <summary>Closes the order to new applications.</summary>
    public async Task<IActionResult> OnPostAsync(Guid orderId, CancellationToken cancellationToken)
    {
        if (Role is not (Role.Employer or Role.FacilityStaff or Role.CentralStaff))
        {
            return Forbid();
        }

        if (!await LoadAsync(orderId, cancellationToken))
        {
            return NotFound();
        }

        return await StepAsync(
            async () => await openings.CloseOrderAsync(Actor, orderId, cancellationToken) is not null,
            () => Redirect($"/work/orders/{orderId}"),
            async () => await LoadAsync(orderId, cancellationToken) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var actor = Actor;
        var order = await reader.FindOrderAsync(actor, orderId, cancellationToken);
        if (order is null)
        {
            return false;
        }

        Order = (await reader.OrderViewsAsync([order], cancellationToken))[0];
        CanManage = WorkReader.CanManage(actor, order);
        var list = await reader.VisiblePlacements(actor).Where(p => p.OpeningId == orderId).OrderByDescending(p => p.CreatedAt).Take(500).ToListAsync(cancellationToken);
        Placements = await reader.PlacementViewsAsync(actor, list, cancellationToken);
        if (actor.Role is Role.Employer or Role.FacilityStaff or Role.CentralStaff)
        {
            Candidates = await placements.CandidatesAsync(actor, orderId, 20, cancellationToken) ?? [];
        }

        if (PersonId is { } person && actor.Role is Role.FacilityStaff or Role.CentralStaff)
        {
            Eligibility = await placements.EligibilityAsync(actor, orderId, person, cancellationToken);
        }

        return true;
    }
}
