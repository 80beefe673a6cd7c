using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbridge.Core.Access;
using Workbridge.Web.Access;

namespace Workbridge.Web.Pages.Work;

/// <summary>Production contracts between institutions and how far each has come, drawn as bars.</summary>
public sealed class ContractsModel(CurrentActor current, Data.WorkbridgeDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(Core.Work.ProductionContract Contract, string Producer)> Contracts { get; private set; } = [];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = current.Get(HttpContext);
        var facilities = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(db.Facilities, f => f.Id, f => f.Code, cancellationToken);
        var contracts = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.ProductionContracts.Where(c => actor.Role != Role.FacilityStaff || c.ProducerFacilityId == actor.FacilityId).OrderBy(c => c.Deadline), cancellationToken);
        Contracts = [.. contracts.Select(c => (c, facilities[c.ProducerFacilityId]))];
    }
}
