using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Registry;
using Workbridge.Data;
using Workbridge.Data.People;
using Workbridge.Web.Access;
using Workbridge.Web.Features.Facilities;

namespace Workbridge.Web.Pages;

public sealed class IndexModel(WorkbridgeDb db, FacilitiesFeature facilities, CurrentActor actor, TimeProvider clock) : PageModel
{
    public sealed record RecentMovement(Guid PersonId, string ReferenceNumber, MovementKind Kind, DateTime OccurredAt, string Reason);

    public int InCustody { get; private set; }

    public int PreTrial { get; private set; }

    public int WithoutProfession { get; private set; }

    public int RecentMovementCount { get; private set; }

    public IReadOnlyList<FacilityView> Facilities { get; private set; } = [];

    public IReadOnlyList<RecentMovement> RecentMovements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (actor.Get(HttpContext) is { Role: Role.Person, PersonId: { } self })
        {
            return Redirect($"/people/{self}");
        }

        var people = db.People.VisibleTo(actor.Get(HttpContext)).Where(p => p.Status != CustodyStatus.Released);
        InCustody = await people.CountAsync(cancellationToken);
        PreTrial = await people.CountAsync(p => p.LegalStatus == LegalStatus.PreTrial, cancellationToken);
        WithoutProfession = await people.CountAsync(p => !p.Occupations.Any(), cancellationToken);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        var visible = db.People.VisibleTo(actor.Get(HttpContext));
        var movements = db.Movements.Where(m => m.OccurredAt >= since).Join(visible, m => m.PersonId, p => p.Id, (m, p) => new { m, p.ReferenceNumber });
        RecentMovementCount = await movements.CountAsync(cancellationToken);
        RecentMovements = await movements.OrderByDescending(x => x.m.OccurredAt).Take(12)
            .Select(x => new RecentMovement(x.m.PersonId, x.ReferenceNumber, x.m.Kind, x.m.OccurredAt, x.m.Reason))
            .ToListAsync(cancellationToken);
        if (!actor.Get(HttpContext).SeesIdentity)
        {
            // Reasons are free text that may name people: pseudonyms only, no reasons.
            RecentMovements = [.. RecentMovements.Select(m => m with { ReferenceNumber = PeopleQueries.Pseudonym(m.PersonId), Reason = "" })];
        }

        // Occupancy is for those whose role covers facilities.
        Facilities = actor.Get(HttpContext).Role is Role.Employer or Role.Person ? [] : await facilities.ListAsync(null, cancellationToken);
        return Page();
    }
}
