using Microsoft.AspNetCore.Mvc;
using Workbridge.Core.Access;
using Workbridge.Core.Common;
using Workbridge.Core.Work;
using Workbridge.Web.Access;
using Workbridge.Web.Features.Work;

namespace Workbridge.Web.Pages.Work;

/// <summary>
/// The application page: the terms in plain words, the deductions that apply, and what consent means. A person applies
/// for themselves by ticking that they agree; staff record a paper application with its registration number.
/// </summary>
public sealed class ApplyModel(CurrentActor current, Placements placements) : WorkPage(current)
{
    public ConsentSnapshot Terms { get; private set; } = null!;

    [BindProperty]
    public bool Agree { get; set; }

    [BindProperty]
    public string? TermsHash { get; set; }

    [BindProperty]
    public Guid? PersonId { get; set; }

    [BindProperty]
    public string? WrittenReference { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid openingId, CancellationToken cancellationToken) =>
        await LoadAsync(openingId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid openingId, CancellationToken cancellationToken)
    {
        if (Role is not (Role.Person or Role.FacilityStaff or Role.CentralStaff))
        {
            return Forbid();
        }

        if (!await LoadAsync(openingId, cancellationToken))
        {
            return NotFound();
        }

        if (!Agree)
        {
            ModelState.AddModelError(nameof(Agree), Role == Role.Person
                ? "Tick the box to say you have read the terms and agree to them; nothing is sent otherwise."
                : "Tick the box to confirm the paper application shows the person's signature under these terms.");
            return Page();
        }

        Placement? placement = null;
        return await StepAsync(
            async () => (placement = await placements.ApplyAsync(Actor, new ApplyInput(openingId, PersonId, TermsHash, WrittenReference), cancellationToken)) is not null,
            () => Redirect($"/work/placements/{placement!.Id}"),
            async () => await LoadAsync(openingId, cancellationToken) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(Guid openingId, CancellationToken cancellationToken)
    {
        if (await placements.PreviewAsync(Actor, openingId, cancellationToken) is not { } terms)
        {
            return false;
        }

        Terms = terms;
        return true;
    }
}
