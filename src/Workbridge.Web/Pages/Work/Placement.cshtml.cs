using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Work;
using Workbridge.Web.Access;
using Workbridge.Web.Features.Work;

namespace Workbridge.Web.Pages.Work;

/// <summary>
/// One placement: its consents and timeline, the timesheet, and the steps the viewer may take: the employer or staff
/// record hours; the person confirms or disputes them, consents again after a change of terms, or withdraws; staff
/// accept, activate, end or complete.
/// </summary>
public sealed class PlacementModel(CurrentActor current, WorkReader reader, Placements placements, Timesheets timesheets, TimeProvider clock) : WorkPage(current)
{
    public PlacementView Placement { get; private set; } = null!;

    public IReadOnlyList<TimesheetEntryView> Entries { get; private set; } = [];

    /// <summary>The current terms, shown when the consent on record does not cover them.</summary>
    public ConsentSnapshot? NewTerms { get; private set; }

    /// <summary>The hash of the terms the person was shown and agrees to (posted back by the consent form).</summary>
    [BindProperty]
    public string? TermsHash { get; set; }

    /// <summary>accept, activate, withdraw, consent, end, complete, hours, confirm or dispute.</summary>
    [BindProperty]
    public string? Action { get; set; }

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public decimal? Hours { get; set; }

    [BindProperty]
    public Guid? EntryId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public EndReason? Reason { get; set; }

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public bool CanRecordHours => Placement.Status == PlacementStatus.Active && Role is Role.Employer or Role.FacilityStaff or Role.CentralStaff;

    public async Task<IActionResult> OnGetAsync(Guid placementId, CancellationToken cancellationToken) =>
        await LoadAsync(placementId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid placementId, CancellationToken cancellationToken)
    {
        if (Role is Role.Monitor or Role.EmploymentService)
        {
            return Forbid();
        }

        if (!await LoadAsync(placementId, cancellationToken))
        {
            return NotFound();
        }

        var actor = Actor;
        return await StepAsync(
            async () => Action switch
            {
                "accept" => await placements.AcceptAsync(actor, placementId, cancellationToken) is not null,
                "activate" => await placements.ActivateAsync(actor, placementId, cancellationToken) is not null,
                "withdraw" => await placements.WithdrawAsync(actor, placementId, Note, cancellationToken) is not null,
                "consent" => await placements.RenewConsentAsync(actor, placementId, new ConsentInput(TermsHash, Note), cancellationToken) is not null,
                "end" => await placements.EndAsync(actor, placementId, new EndInput(Reason, Note), cancellationToken) is not null,
                "complete" => await placements.CompleteTrainingAsync(actor, placementId, new CompleteInput(Note), cancellationToken) is not null,
                "hours" => await timesheets.RecordAsync(actor, placementId, Date ?? throw Openings.Missing("date", "the day worked"), new HoursInput(Hours), cancellationToken) is not null,
                "confirm" => await timesheets.ConfirmAsync(actor, EntryId ?? Guid.Empty, cancellationToken) is not null,
                "dispute" => await timesheets.DisputeAsync(actor, EntryId ?? Guid.Empty, new DisputeInput(Note), cancellationToken) is not null,
                _ => throw new Core.Common.RuleViolation("page.action", "Choose one of the buttons on the page.", "Action"),
            },
            () => Redirect($"/work/placements/{placementId}"),
            async () => await LoadAsync(placementId, cancellationToken) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(Guid placementId, CancellationToken cancellationToken)
    {
        var actor = Actor;
        var placement = await reader.VisiblePlacements(actor).FirstOrDefaultAsync(p => p.Id == placementId, cancellationToken);
        if (placement is null)
        {
            return false;
        }

        Placement = (await reader.PlacementViewsAsync(actor, [placement], cancellationToken))[0];
        Entries = await timesheets.ForPlacementAsync(actor, placementId, cancellationToken) ?? [];
        NewTerms = Placement.ConsentCoversTerms || Placement.Status == PlacementStatus.Ended ? null : await placements.PreviewAsync(actor, placement.OpeningId, cancellationToken);
        return true;
    }
}
