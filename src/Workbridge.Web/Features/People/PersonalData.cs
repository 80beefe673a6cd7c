using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Common;
using Workbridge.Data;

namespace Workbridge.Web.Features.People;

public sealed record AccountExport(string UserName, string DisplayName, Role Role, DateTime CreatedAt, bool Disabled);

public sealed record LedgerExport(long Sequence, DateTime At, string ActorId, string Action, string EntityType, string EntityId, string PayloadHash, string Hash);

public sealed record EventExport(Guid Id, string EventType, DateTime OccurredAt, int? PersonSequence, DateTime? DispatchedAt);

/// <summary>Everything Workbridge holds about one person, and nothing about anyone else.</summary>
public sealed record PersonalDataExport(
    DateTime ExportedAt,
    PersonView Person,
    IReadOnlyList<MovementView> Movements,
    IReadOnlyList<AccountExport> Accounts,
    IReadOnlyList<LedgerExport> LedgerEntries,
    IReadOnlyList<EventExport> Events);

/// <summary>
/// The person's own data export, for the person or for staff who hold their file (on the person's written request).
/// Facility names in the movement history are the institutions', not other people's data.
/// </summary>
public sealed class PersonalData(WorkbridgeDb db, PersonReader reader, TimeProvider clock)
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
        var entityIds = movements.Select(m => m.Id.ToString()).Append(personId.ToString()).ToList();
        var ledger = await db.LedgerEntries.AsNoTracking()
            .Where(e => (e.EntityType == "Person" || e.EntityType == "Movement") && entityIds.Contains(e.EntityId))
            .OrderBy(e => e.Sequence)
            .Select(e => new LedgerExport(e.Sequence, e.At, e.ActorId, e.Action, e.EntityType, e.EntityId, e.PayloadHash, e.Hash))
            .ToListAsync(cancellationToken);
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.PersonId == personId)
            .Select(a => new AccountExport(a.UserName, a.DisplayName, a.Role, a.CreatedAt, a.Disabled)).ToListAsync(cancellationToken);
        var events = await db.Outbox.AsNoTracking().Where(o => o.PersonId == personId).OrderBy(o => o.PersonSequence)
            .Select(o => new EventExport(o.Id, o.EventType, o.OccurredAt, o.PersonSequence, o.DispatchedAt)).ToListAsync(cancellationToken);
        return new PersonalDataExport(clock.GetUtcNow().UtcDateTime, person, movements, accounts, ledger, events);
    }
}
