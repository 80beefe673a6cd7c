using Microsoft.AspNetCore.Mvc;
using Workbridge.Core.Access;
using Workbridge.Web.Access;
using Workbridge.Web.Features.Work;

namespace Workbridge.Web.Pages.Work;

/// <summary>Pay: staff run a finished month for their facility and see the statements; a person sees their payslips; monitors read all.</summary>
public sealed class PayModel(CurrentActor current, PayRuns runs, TimeProvider clock) : WorkPage(current)
{
    public IReadOnlyList<PayStatementView> Statements { get; private set; } = [];

    public PayRunResult? Result { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Month { get; set; }

    [BindProperty]
    public Guid? FacilityId { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var last = clock.GetUtcNow().UtcDateTime.AddMonths(-1);
        Year ??= last.Year;
        Month ??= last.Month;
        Statements = await runs.ListAsync(Actor, null, Year, Month, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Role is not (Role.FacilityStaff or Role.CentralStaff))
        {
            return Forbid();
        }

        return await StepAsync(
            async () => (Result = await runs.RunAsync(Actor, new PayRunInput(FacilityId, Year, Month), cancellationToken)) is not null,
            () => Redirect($"/work/pay?year={Year}&month={Month}"),
            async () =>
            {
                Statements = await runs.ListAsync(Actor, null, Year, Month, cancellationToken);
                return Page();
            });
    }
}
