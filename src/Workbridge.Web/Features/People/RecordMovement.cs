using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Common;
using Workbridge.Core.Registry;
using Workbridge.Data;
using Workbridge.Data.People;

namespace Workbridge.Web.Features.People;

/// <summary>
/// A movement as staff record it. <see cref="ToFacilityId"/> is needed for a transfer and a re-admission;
/// <see cref="Date"/> is the new expected release date for a reschedule, or the date due back for a temporary release.
/// </summary>
public sealed record MovementInput(MovementKind? Kind, Guid? ToFacilityId, DateTime? OccurredAt, DateOnly? Date, string? Reason);

public sealed class RecordMovement(UnitOfWork unitOfWork)
{
    /// <summary>Records the movement; null when the person does not exist or is out of the actor's sight.</summary>
    public async Task<Movement?> RunAsync(Actor actor, Guid personId, MovementInput input, CancellationToken cancellationToken)
    {
        var db = unitOfWork.Db;
        var person = await PeopleQueries.FindAsync(db, actor, personId, cancellationToken);
        if (person is null)
        {
            return null;
        }

        if (input.Kind == MovementKind.Admission && actor.Role == Role.FacilityStaff && input.ToFacilityId != actor.FacilityId)
        {
            throw new RuleViolation("movement.facility", "Facility staff admit people to their own facility only.", "toFacilityId");
        }

        var kind = input.Kind ?? throw new RuleViolation("request.missing", $"kind is required: one of {EnumText.Choices<MovementKind>()}.", "kind");
        var now = unitOfWork.Now;
        var at = input.OccurredAt?.ToUniversalTime() ?? now;
        var reason = input.Reason ?? "";
        Movement movement = kind switch
        {
            MovementKind.Transfer => person.Transfer(await FacilityAsync(input.ToFacilityId, cancellationToken), at, reason, actor.Id, now),
            MovementKind.Admission => person.Readmit(await FacilityAsync(input.ToFacilityId, cancellationToken), at, reason, actor.Id, now),
            MovementKind.TemporaryRelease => person.ReleaseTemporarily(input.Date, at, reason, actor.Id, now),
            MovementKind.ReturnFromTemporaryRelease => person.ReturnFromTemporaryRelease(at, reason, actor.Id, now),
            MovementKind.Release => person.Release(at, reason, actor.Id, now),
            MovementKind.ReleaseRescheduled => person.RescheduleRelease(input.Date ?? throw new RuleViolation("request.missing", "date is required: the new expected release date.", "date"), at, reason, actor.Id, now),
            _ => throw new RuleViolation("movement.kind", $"kind must be one of {EnumText.Choices<MovementKind>()}.", "kind"),
        };

        return await unitOfWork.RunAsync(actor, async d =>
        {
            d.Movements.Add(movement);
            await Work.Placements.EndForMovementAsync(d, movement, now, cancellationToken);
            return movement;
        }, cancellationToken);
    }

    private async Task<Facility> FacilityAsync(Guid? id, CancellationToken cancellationToken) =>
        id is null
            ? throw new RuleViolation("request.missing", "toFacilityId is required for this movement.", "toFacilityId")
            : await unitOfWork.Db.Facilities.FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
                ?? throw new RuleViolation("movement.facility", "There is no facility with that id.", "toFacilityId");
}
