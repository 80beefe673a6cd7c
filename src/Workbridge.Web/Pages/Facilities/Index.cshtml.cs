using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbridge.Web.Features.Facilities;

namespace Workbridge.Web.Pages.Facilities;

public sealed class IndexModel(FacilitiesFeature facilities) : PageModel
{
    public IReadOnlyList<FacilityView> Facilities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Facilities = await facilities.ListAsync(null, cancellationToken);
}
