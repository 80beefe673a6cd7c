using Workbridge.Core.Common;

namespace Workbridge.Core.Pay;

/// <summary>Why a person keeps half of their pay rather than a quarter (Penal Code art. 107 part 3), beyond age, which is read from the birth date.</summary>
public enum ProtectionReason
{
    DisabilityGroupOneOrTwo = 1,
    Pregnancy = 2,
    ChildInFacility = 3,
}

/// <summary>A recorded reason for the higher guaranteed share; staff record it, the pay run reads it.</summary>
public sealed class PayProtection
{
    private PayProtection()
    {
        RecordedBy = "";
    }

    public PayProtection(Guid personId, ProtectionReason reason, string recordedBy, DateTime now)
    {
        PersonId = personId;
        Reason = Enum.IsDefined(reason) ? reason : throw new RuleViolation("protection.reason", $"reason must be one of {EnumText.Choices<ProtectionReason>()}.", "reason");
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public Guid PersonId { get; private set; }

    public ProtectionReason Reason { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTime RecordedAt { get; private set; }
}
