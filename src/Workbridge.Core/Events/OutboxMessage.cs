namespace Workbridge.Core.Events;

/// <summary>
/// A thin event waiting to be delivered: its type, the ids it concerns and the person's own sequence number, never
/// names or offence data. Written in the same transaction as the change it announces, so no change goes unannounced
/// and no announcement is made of a change that was rolled back.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
        EventType = "";
    }

    public OutboxMessage(string eventType, DateTime occurredAt, DateTime createdAt, Guid? personId, int? personSequence, Guid? facilityId, Guid? subjectId)
    {
        Id = Common.Ids.New();
        EventType = eventType;
        OccurredAt = occurredAt;
        CreatedAt = createdAt;
        PersonId = personId;
        PersonSequence = personSequence;
        FacilityId = facilityId;
        SubjectId = subjectId;
    }

    /// <summary>The event id subscribers use to drop duplicates.</summary>
    public Guid Id { get; private set; }

    /// <summary>person.received, person.transferred, person.released, person.release-scheduled, ...</summary>
    public string EventType { get; private set; }

    public DateTime OccurredAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid? PersonId { get; private set; }

    /// <summary>The person's movement sequence: a gap tells a subscriber it missed an event.</summary>
    public int? PersonSequence { get; private set; }

    public Guid? FacilityId { get; private set; }

    /// <summary>The record the event is about (a movement's id), for an authorised read of the details.</summary>
    public Guid? SubjectId { get; private set; }

    /// <summary>When it was handed to every subscriber due it; null while pending (delivery comes with the events issue).</summary>
    public DateTime? DispatchedAt { get; private set; }

    public static string TypeOf(Registry.MovementKind kind) => kind switch
    {
        Registry.MovementKind.Admission => "person.received",
        Registry.MovementKind.Transfer => "person.transferred",
        Registry.MovementKind.TemporaryRelease => "person.temporarily-released",
        Registry.MovementKind.ReturnFromTemporaryRelease => "person.returned",
        Registry.MovementKind.Release => "person.released",
        Registry.MovementKind.ReleaseRescheduled => "person.release-scheduled",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static OutboxMessage For(Registry.Movement movement, DateTime createdAt) =>
        new(TypeOf(movement.Kind), movement.OccurredAt, createdAt, movement.PersonId, movement.Sequence, movement.ToFacilityId ?? movement.FromFacilityId, movement.Id);
}
