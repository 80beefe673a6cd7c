using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbridge.Web.Access;
using Workbridge.Web.Features.People;

namespace Workbridge.Web.Pages.People;

public sealed class DetailModel(PersonReader reader, CurrentActor actor) : PageModel
{
    public PersonView Person { get; private set; } = null!;

    public IReadOnlyList<MovementView> Movements { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var who = actor.Get(HttpContext);
        if (await reader.GetAsync(who, id, cancellationToken) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        CanWrite = who.Role is Core.Access.Role.FacilityStaff or Core.Access.Role.CentralStaff;
        Movements = [.. (await reader.MovementsAsync(who, id, cancellationToken))!.Reverse()];
        return Page();
    }
}
