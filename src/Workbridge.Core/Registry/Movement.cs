namespace Workbridge.Core.Registry;

/// <summary>
/// One change of a person's facility or custody status, kept for ever as history. Movements are numbered per person
/// (<see cref="Sequence"/> 1, 2, 3 …) so that a subscriber can tell a missed one from a duplicate.
/// </summary>
public sealed class Movement
{
    private Movement()
    {
        Reason = "";
        ActorId = "";
    }

    internal Movement(Person person, MovementKind kind, DateTime occurredAt, DateTime recordedAt, string reason, string actorId)
    {
        Id = Common.Ids.New();
        PersonId = person.Id;
        Sequence = person.MovementCount + 1;
        Kind = kind;
        OccurredAt = occurredAt;
        RecordedAt = recordedAt;
        Reason = reason;
        ActorId = actorId;
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary>Per-person sequence number, starting at 1 with no gaps.</summary>
    public int Sequence { get; private set; }

    public MovementKind Kind { get; private set; }

    /// <summary>When the movement happened (UTC).</summary>
    public DateTime OccurredAt { get; private set; }

    /// <summary>When it was recorded (UTC); may be later than <see cref="OccurredAt"/>.</summary>
    public DateTime RecordedAt { get; private set; }

    public Guid? FromFacilityId { get; internal set; }

    public Guid? ToFacilityId { get; internal set; }

    /// <summary>For a release reschedule: the new expected release date; for a temporary release: the date due back.</summary>
    public DateOnly? Date { get; internal set; }

    /// <summary>For a release reschedule: the expected release date before the change.</summary>
    public DateOnly? PreviousDate { get; internal set; }

    public string Reason { get; private set; }

    /// <summary>Id of the account that recorded the movement.</summary>
    public string ActorId { get; private set; }
}
