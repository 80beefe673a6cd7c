using Microsoft.AspNetCore.Mvc;
using Workbridge.Core.Access;
using Workbridge.Web.Access;
using Workbridge.Web.Features.Matching;

namespace Workbridge.Web.Pages.Work;

/// <summary>
/// Staff review the optimal plan for their facility (central staff: a facility, a region or the service): each
/// proposal with its score's parts, each unplaced person with the reason, and a button that records the proposals as
/// proposed placements for the people to accept or not.
/// </summary>
public sealed class MatchModel(CurrentActor current, MatchRuns runs) : WorkPage(current)
{
    public MatchRunResult? Result { get; private set; }

    [BindProperty]
    public string? RegionCode { get; set; }

    [BindProperty]
    public bool National { get; set; }

    [BindProperty]
    public bool Propose { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        await StepAsync(
            async () =>
            {
                Result = (await runs.RunAsync(Actor, new MatchRunInput(null, string.IsNullOrWhiteSpace(RegionCode) ? null : RegionCode, National, Propose), null, cancellationToken)).Result;
                return true;
            },
            Page,
            () => Task.FromResult<IActionResult>(Page()));

    public bool Central => Role == Role.CentralStaff;
}
