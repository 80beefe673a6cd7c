using Microsoft.AspNetCore.Mvc;
using Workbridge.Web.Access;
using Workbridge.Web.Features.Work;

namespace Workbridge.Web.Pages.Work;

/// <summary>A printable payslip: what was earned, each deduction with its legal basis, and what was paid to the person.</summary>
public sealed class PayslipModel(CurrentActor current, PayRuns runs) : WorkPage(current)
{
    public PayStatementView Statement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid statementId, CancellationToken cancellationToken)
    {
        if (await runs.GetAsync(Actor, statementId, cancellationToken) is not { } statement)
        {
            return NotFound();
        }

        Statement = statement;
        return Page();
    }
}
