using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Work;
using Workbridge.Data;
using Workbridge.Web.Access;
using Workbridge.Web.Features.Work;

namespace Workbridge.Web.Pages.Work;

/// <summary>Posting a job order: an employer posts off-site or remote work; staff post their facility's workshop work; central staff any.</summary>
public sealed class NewOrderModel(CurrentActor current, Openings openings, WorkbridgeDb db, TimeProvider clock) : WorkPage(current)
{
    public IReadOnlyList<(Guid Id, string Code)> Facilities { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Employers { get; private set; } = [];

    [BindProperty]
    public WorkMode Mode { get; set; } = WorkMode.InFacility;

    [BindProperty]
    public Guid? EmployerId { get; set; }

    [BindProperty]
    public Guid? FacilityId { get; set; }

    [BindProperty]
    public string? Regions { get; set; }

    [BindProperty]
    public string? IscoCode { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Duties { get; set; }

    [BindProperty]
    public decimal? WageRoubles { get; set; }

    [BindProperty]
    public int? HoursPerWeek { get; set; } = 40;

    [BindProperty]
    public DateOnly? Start { get; set; }

    [BindProperty]
    public DateOnly? End { get; set; }

    [BindProperty]
    public int? Seats { get; set; } = 5;

    [BindProperty]
    public List<AccessNeed> Access { get; set; } = [];

    [BindProperty]
    public bool Hazardous { get; set; }

    [BindProperty]
    public string? Supervision { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        JobOrder? order = null;
        var wage = WageRoubles is { } roubles ? (long)decimal.Round(roubles * 100) : (long?)null;
        var input = new OrderInput(EmployerId, FacilityId, Mode, IscoCode, new TermsInput(Title, Duties, wage, HoursPerWeek, Start, End), Seats, (Regions ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries), Access, Hazardous, Supervision, null);
        return await StepAsync(
            async () => (order = await openings.CreateOrderAsync(Actor, input, cancellationToken)) is not null,
            () => Redirect($"/work/orders/{order!.Id}"),
            () => Task.FromResult<IActionResult>(Page()));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var actor = Actor;
        Facilities = [.. (await db.Facilities.AsNoTracking().Where(f => actor.Role != Role.FacilityStaff || f.Id == actor.FacilityId).OrderBy(f => f.Code).Select(f => new { f.Id, f.Code }).ToListAsync(cancellationToken)).Select(f => (f.Id, f.Code))];
        Employers = actor.Role == Role.CentralStaff
            ? [.. (await db.Employers.AsNoTracking().Where(e => e.Verified).OrderBy(e => e.LegalName).Select(e => new { e.Id, e.LegalName }).ToListAsync(cancellationToken)).Select(e => (e.Id, e.LegalName))]
            : [];
        Start ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }
}
