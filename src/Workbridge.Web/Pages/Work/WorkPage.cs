using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbridge.Core.Access;
using Workbridge.Core.Common;
using Workbridge.Web.Access;

namespace Workbridge.Web.Pages.Work;

/// <summary>What the work pages share: the actor, and turning a rule's refusal into a message on the page.</summary>
public abstract class WorkPage(CurrentActor current) : PageModel
{
    protected Actor Actor => current.Get(HttpContext);

    public Role Role => Actor.Role;

    /// <summary>Runs a step; a refusal shows on the page with the rule's words instead of leaving it.</summary>
    protected async Task<IActionResult> StepAsync(Func<Task<bool>> step, Func<IActionResult> done, Func<Task<IActionResult>> reload)
    {
        try
        {
            return await step() ? done() : NotFound();
        }
        catch (RuleViolation violation)
        {
            ModelState.AddModelError(violation.Field ?? "", violation.Message);
            return await reload();
        }
    }
}
