using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbridge.Core.Common;
using Workbridge.Core.Registry;
using Workbridge.Web.Access;
using Workbridge.Web.Features.Facilities;
using Workbridge.Web.Features.People;

namespace Workbridge.Web.Pages.People;

public sealed class MovementModel(PersonReader reader, RecordMovement record, FacilitiesFeature facilities, CurrentActor actor) : PageModel
{
    public PersonView Person { get; private set; } = null!;

    public IReadOnlyList<FacilityView> Facilities { get; private set; } = [];

    [BindProperty]
    public MovementKind? Kind { get; set; }

    [BindProperty]
    public Guid? ToFacilityId { get; set; }

    [BindProperty]
    public DateTime? OccurredAt { get; set; }

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            // The form's time is UTC, as its label says.
            var at = OccurredAt is { } local ? DateTime.SpecifyKind(local, DateTimeKind.Utc) : (DateTime?)null;
            await record.RunAsync(actor.Get(HttpContext), id, new MovementInput(Kind, ToFacilityId, at, Date, Reason), cancellationToken);
            return Redirect($"/people/{id}");
        }
        catch (RuleViolation violation)
        {
            ModelState.AddModelError(violation.Field ?? "", violation.Message);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await reader.GetAsync(actor.Get(HttpContext), id, cancellationToken) is not { } person)
        {
            return false;
        }

        Person = person;
        Facilities = await facilities.ChoicesAsync(cancellationToken);
        return true;
    }
}
