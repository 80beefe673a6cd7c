namespace Workbridge.Core.Registry;

/// <summary>Kinds of penal institution (Russian Penal Code, art. 74; Criminal Procedure Code for pre-trial centres).</summary>
public enum FacilityKind
{
    GeneralRegimeColony = 1,
    StrictRegimeColony = 2,
    SpecialRegimeColony = 3,
    SettlementColony = 4,
    CorrectionalCentre = 5,
    JuvenileColony = 6,
    PreTrialDetentionCentre = 7,
    Prison = 8,
}
