namespace Workbridge.Core.Verdicts;

/// <summary>
/// The 11 ILO indicators of forced labour (ILO, "ILO Indicators of Forced Labour", 2012). Written in files and JSON as
/// the kebab-case codes of DESIGN.md section 9 ("abuse-of-vulnerability", …, "excessive-overtime"); never renumber.
/// </summary>
public enum ForcedLabourIndicator
{
    AbuseOfVulnerability = 1,
    Deception = 2,
    RestrictionOfMovement = 3,
    Isolation = 4,
    PhysicalSexualViolence = 5,
    IntimidationThreats = 6,
    RetentionOfDocuments = 7,
    WithholdingOfWages = 8,
    DebtBondage = 9,
    AbusiveConditions = 10,
    ExcessiveOvertime = 11,
}

