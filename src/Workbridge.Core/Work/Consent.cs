using Workbridge.Core.Common;

namespace Workbridge.Core.Work;

/// <summary>
/// A person's consent to one placement's terms: the snapshot they were shown (terms and the deductions that apply to
/// them) and the hash of the terms. Kept for ever, one row per consent given; withdrawing it ends the placement and
/// changes nothing else about the person.
/// </summary>
public sealed class Consent
{
    private Consent()
    {
        TermsHash = "";
        Snapshot = "";
        RecordedBy = "";
    }

    internal Consent(Placement placement, Terms terms, string snapshot, ConsentChannel channel, string recordedBy, string? writtenReference, DateTime givenAt)
    {
        if (!Enum.IsDefined(channel))
        {
            throw new RuleViolation("consent.channel", $"channel must be one of {EnumText.Choices<ConsentChannel>()}.", "channel");
        }

        if (channel == ConsentChannel.WrittenApplication && string.IsNullOrWhiteSpace(writtenReference))
        {
            throw new RuleViolation("consent.written-reference", "A written application recorded by staff needs its registration number, so the paper can be found.", "writtenReference");
        }

        Id = Ids.New();
        PlacementId = placement.Id;
        PersonId = placement.PersonId;
        TermsHash = terms.Hash;
        Snapshot = snapshot;
        Channel = channel;
        RecordedBy = recordedBy;
        WrittenReference = string.IsNullOrWhiteSpace(writtenReference) ? null : writtenReference.Trim();
        GivenAt = givenAt;
    }

    public Guid Id { get; private set; }

    public Guid PlacementId { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary><see cref="Terms.Hash"/> of the terms consented to.</summary>
    public string TermsHash { get; private set; }

    /// <summary>The terms and deductions as shown to the person, as text, so the consent can be read back years later.</summary>
    public string Snapshot { get; private set; }

    public ConsentChannel Channel { get; private set; }

    /// <summary>The account that recorded it: the person's own, or the staff member who entered a written application.</summary>
    public string RecordedBy { get; private set; }

    /// <summary>The registration number of the paper application, for <see cref="ConsentChannel.WrittenApplication"/>.</summary>
    public string? WrittenReference { get; private set; }

    public DateTime GivenAt { get; private set; }

    public DateTime? WithdrawnAt { get; private set; }

    internal void Withdraw(DateTime now) => WithdrawnAt ??= now;
}
