using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Common;
using Workbridge.Data;

namespace Workbridge.Web.Features.People;

public sealed record AccountExport(string UserName, string DisplayName, Role Role, DateTime CreatedAt, bool Disabled);

public sealed record LedgerExport(long Sequence, DateTime At, string ActorId, string Action, string EntityType, string EntityId, string PayloadHash, string Hash);

public sealed record EventExport(Guid Id, string EventType, DateTime OccurredAt, int? PersonSequence, DateTime? DispatchedAt);

/// <summary>The person's work and training: placements with every consent, hours, pay, deductions and certificates.</summary>
public sealed record WorkExport(
    IReadOnlyList<Work.PlacementView> Placements,
    IReadOnlyList<Work.TimesheetEntryView> Hours,
    IReadOnlyList<Work.PayStatementView> PayStatements,
    IReadOnlyList<Core.Pay.DeductionOrder> Deductions,
    IReadOnlyList<Core.Training.Certificate> Certificates);

/// <summary>Everything Workbridge holds about one person, and nothing about anyone else.</summary>
public sealed record PersonalDataExport(
    DateTime ExportedAt,
    PersonView Person,
    IReadOnlyList<MovementView> Movements,
    WorkExport Work,
    IReadOnlyList<AccountExport> Accounts,
    IReadOnlyList<LedgerExport> LedgerEntries,
    IReadOnlyList<EventExport> Events);

/// <summary>
/// The person's own data export, for the person or for staff who hold their file (on the person's written request).
/// Facility names in the movement history are the institutions', not other people's data.
/// </summary>
public sealed class PersonalData(WorkbridgeDb db, PersonReader reader, Work.WorkReader work, TimeProvider clock)
{
    /// <summary>Null when the person does not exist or is out of the actor's sight.</summary>
    public async Task<PersonalDataExport?> ExportAsync(Actor actor, Guid personId, CancellationToken cancellationToken)
    {
        if (!actor.SeesIdentity)
        {
            throw new RuleViolation("privacy.export", "Personal data exports are for the person and the staff who hold their file.", "role");
        }

        if (await reader.GetAsync(actor, personId, cancellationToken) is not { } person)
        {
            return null;
        }

        var movements = (await reader.MovementsAsync(actor, personId, cancellationToken))!;
        var placements = await db.Placements.AsNoTracking().Where(p => p.PersonId == personId).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        var hours = await db.TimesheetEntries.AsNoTracking().Where(e => e.PersonId == personId).OrderBy(e => e.Date).ToListAsync(cancellationToken);
        var statements = await db.PayStatements.AsNoTracking().Where(s => s.PersonId == personId).OrderBy(s => s.Year).ThenBy(s => s.Month).ToListAsync(cancellationToken);
        var deductions = await db.DeductionOrders.AsNoTracking().Where(d => d.PersonId == personId).ToListAsync(cancellationToken);
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.PersonId == personId).ToListAsync(cancellationToken);
        var consents = await db.Consents.AsNoTracking().Where(c => c.PersonId == personId).Select(c => c.Id).ToListAsync(cancellationToken);
        var workExport = new WorkExport(
            await work.PlacementViewsAsync(actor, placements, cancellationToken),
            [.. hours.Select(e => new Work.TimesheetEntryView(e.Id, e.PlacementId, e.Date, e.Minutes / 60m, e.Status, e.DisputeNote, e.EnteredBy, e.PayStatementId is not null))],
            await work.StatementViewsAsync(actor, statements, cancellationToken),
            deductions,
            certificates);
        var entityIds = movements.Select(m => m.Id)
            .Concat(placements.Select(p => p.Id)).Concat(hours.Select(e => e.Id)).Concat(statements.Select(s => s.Id))
            .Concat(deductions.Select(d => d.Id)).Concat(certificates.Select(c => c.Id)).Concat(consents)
            .Select(id => id.ToString()).Append(personId.ToString()).ToList();
        string[] types = ["Person", "Movement", "Placement", "Consent", "TimesheetEntry", "PayStatement", "DeductionOrder", "Certificate"];
        var ledger = await db.LedgerEntries.AsNoTracking()
            .Where(e => types.Contains(e.EntityType) && entityIds.Contains(e.EntityId))
            .OrderBy(e => e.Sequence)
            .Select(e => new LedgerExport(e.Sequence, e.At, e.ActorId, e.Action, e.EntityType, e.EntityId, e.PayloadHash, e.Hash))
            .ToListAsync(cancellationToken);
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.PersonId == personId)
            .Select(a => new AccountExport(a.UserName, a.DisplayName, a.Role, a.CreatedAt, a.Disabled)).ToListAsync(cancellationToken);
        var events = await db.Outbox.AsNoTracking().Where(o => o.PersonId == personId).OrderBy(o => o.PersonSequence)
            .Select(o => new EventExport(o.Id, o.EventType, o.OccurredAt, o.PersonSequence, o.DispatchedAt)).ToListAsync(cancellationToken);
        return new PersonalDataExport(clock.GetUtcNow().UtcDateTime, person, movements, workExport, accounts, ledger, events);
    }
}
