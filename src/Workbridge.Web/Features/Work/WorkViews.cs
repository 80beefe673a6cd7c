using Workbridge.Core.Pay;
using Workbridge.Core.Work;

namespace Workbridge.Web.Features.Work;

public sealed record EmployerView(Guid Id, string LegalName, string TaxId, string RegionCode, EmployerSector Sector, bool Verified);

/// <summary>A job order as its readers see it: who offers it, where, the terms and how full it is.</summary>
public sealed record OrderView(
    Guid Id,
    string Offeror,
    Guid? EmployerId,
    bool PrivateEmployer,
    Guid? FacilityId,
    string? FacilityCode,
    WorkMode Mode,
    IReadOnlyList<string> ServedRegions,
    string IscoCode,
    string OccupationEn,
    string OccupationRu,
    Terms Terms,
    string TermsHash,
    int Seats,
    int Active,
    int Applied,
    AccessNeed AccessNeeds,
    bool Hazardous,
    string Supervision,
    Guid? ProductionContractId,
    OpeningStatus Status,
    int Version);

public sealed record CourseView(Guid Id, string IscoCode, string Title, int Hours, string Syllabus);

public sealed record CohortView(Guid Id, Guid CourseId, string Title, string IscoCode, Guid FacilityId, string FacilityCode, int Seats, int Enrolled, int Applied, Terms Terms, OpeningStatus Status);

public sealed record ContractView(Guid Id, string Number, string Customer, Guid ProducerFacilityId, string ProducerFacilityCode, DateOnly Deadline, ContractStatus Status, int ProgressPercent, bool Overdue, IReadOnlyList<ContractItem> Items, IReadOnlyList<Guid> OrderIds);

/// <summary>A consent as kept: what was shown (the snapshot), when, how, and whether it still covers the terms.</summary>
public sealed record ConsentView(Guid Id, string TermsHash, ConsentSnapshot? Snapshot, ConsentChannel Channel, string RecordedBy, string? WrittenReference, DateTime GivenAt, DateTime? WithdrawnAt);

/// <summary>
/// A placement or enrolment. <see cref="PersonName"/> is the full name for staff who hold the file and for the person,
/// and the pseudonym (P-…) for employers and monitors.
/// </summary>
public sealed record PlacementView(
    Guid Id,
    PlacementKind Kind,
    Guid PersonId,
    string PersonName,
    Guid OpeningId,
    string OpeningTitle,
    string Offeror,
    Guid? EmployerId,
    Guid FacilityId,
    string FacilityCode,
    PlacementStatus Status,
    EndReason? EndReason,
    string? EndNote,
    bool ConsentCoversTerms,
    DateTime CreatedAt,
    DateTime? AppliedAt,
    DateTime? AcceptedAt,
    DateTime? ActivatedAt,
    DateTime? EndedAt,
    DateTime? SuspendedAt,
    IReadOnlyList<ConsentView> Consents,
    int Version);

public sealed record TimesheetEntryView(Guid Id, Guid PlacementId, DateOnly Date, decimal Hours, TimesheetStatus Status, string? DisputeNote, string EnteredBy, bool Paid);

public sealed record PayStatementView(Guid Id, Guid PersonId, string PersonName, string FacilityCode, int Year, int Month, IReadOnlyList<PayLine> Lines, long GrossMinor, long DeductionsMinor, long NetMinor, long GuaranteedMinor, int GuaranteedPermille, int DisputedEntries, DateTime IssuedAt);

/// <summary>Why a person is or is not eligible for an order or cohort: every check, passed or not.</summary>
public sealed record EligibilityView(Guid PersonId, string PersonName, Guid OpeningId, bool Eligible, IReadOnlyList<EligibilityCheck> Checks);

/// <summary>A pseudonymous candidate profile: what an employer may see before a person applies.</summary>
public sealed record CandidateView(Guid PersonId, string Pseudonym, string FacilityCode, int Age, string Education, IReadOnlyList<string> Occupations, bool HoldsTheOccupation, DateOnly? ExpectedRelease, int Score, IReadOnlyList<Core.Matching.ScorePart> Parts);
