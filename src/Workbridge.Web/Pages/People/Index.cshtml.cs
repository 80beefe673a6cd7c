using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbridge.Core.Registry;
using Workbridge.Data;
using Workbridge.Data.People;
using Workbridge.Web.Access;
using Workbridge.Web.Features.Facilities;

namespace Workbridge.Web.Pages.People;

public sealed class IndexModel(WorkbridgeDb db, FacilitiesFeature facilities, CurrentActor actor) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Facility { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public CustodyStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public LegalStatus? LegalStatus { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Occupation { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<PersonSummary> Results { get; private set; } = new([], 0, 1, 50);

    public IReadOnlyList<FacilityView> FacilityChoices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        FacilityChoices = await facilities.ChoicesAsync(cancellationToken);
        Results = await PeopleQueries.SearchAsync(db, actor.Get(HttpContext), new PeopleFilter(Q, Facility, Region, Status, LegalStatus, Occupation, Page: PageNumber), cancellationToken);
    }

    public string PageLink(int page)
    {
        var query = new QueryBuilder();
        foreach (var (key, value) in Request.Query.Where(q => q.Key != "page"))
        {
            query.Add(key, value.ToArray()!);
        }

        query.Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/people" + query.ToQueryString();
    }
}
