using Workbridge.Core.Common;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;

namespace Workbridge.Core.Work;

/// <summary>
/// A security rule: people with an offence in <see cref="Category"/> may not take work that needs <see cref="Need"/>
/// (computer crimes → no privileged systems access). <see cref="Code"/> is the reason shown to staff.
/// </summary>
public sealed record SecurityRule(OffenceCategory Category, AccessNeed Need, string Code, string Reason)
{
    public static SecurityRule Create(OffenceCategory category, AccessNeed need, string reason)
    {
        if (category == OffenceCategory.None || !Enum.IsDefined(category))
        {
            throw new RuleViolation("rule.category", "A security rule names exactly one offence category.", "category");
        }

        if (need == AccessNeed.None || !Enum.IsDefined(need))
        {
            throw new RuleViolation("rule.need", "A security rule names exactly one access need.", "need");
        }

        var text = reason?.Trim() ?? "";
        return text.Length is >= 5 and <= 300
            ? new SecurityRule(category, need, $"security.{EnumText.Kebab(category)}.{EnumText.Kebab(need)}", text)
            : throw new RuleViolation("rule.reason", "Say why in 5 to 300 characters; staff read it when a person is refused.", "reason");
    }
}

/// <summary>A work mode the people held in one kind of facility may take (off-site work from correctional centres and settlement colonies).</summary>
public sealed record WorkModeRule(FacilityKind FacilityKind, WorkMode Mode);

/// <summary>
/// The rule tables eligibility reads. Staff with central scope edit them; the defaults are what a new database gets.
/// The safeguards of DESIGN.md section 2 are not here: they are code and cannot be switched off.
/// </summary>
public sealed record EligibilityRules(IReadOnlyList<SecurityRule> Security, IReadOnlyList<WorkModeRule> Modes)
{
    public static EligibilityRules Defaults { get; } = new(
        [
            SecurityRule.Create(OffenceCategory.Computer, AccessNeed.PrivilegedSystems, "Convicted of a computer crime: no privileged access to an employer's systems."),
            SecurityRule.Create(OffenceCategory.Computer, AccessNeed.PersonalData, "Convicted of a computer crime: no access to other people's personal data."),
            SecurityRule.Create(OffenceCategory.Fraud, AccessNeed.FinancialData, "Convicted of fraud: no access to financial data or payments."),
            SecurityRule.Create(OffenceCategory.Fraud, AccessNeed.PersonalData, "Convicted of fraud: no access to other people's personal data."),
            SecurityRule.Create(OffenceCategory.Financial, AccessNeed.FinancialData, "Convicted of a financial crime: no access to financial data or payments."),
            SecurityRule.Create(OffenceCategory.Corruption, AccessNeed.FinancialData, "Convicted of corruption: no access to financial data or payments."),
            SecurityRule.Create(OffenceCategory.SexualAgainstMinors, AccessNeed.MinorsOrVulnerable, "Convicted of a sexual offence against a minor: no contact with minors or vulnerable people."),
            SecurityRule.Create(OffenceCategory.AgainstMinors, AccessNeed.MinorsOrVulnerable, "Convicted of an offence against a minor: no contact with minors or vulnerable people."),
            SecurityRule.Create(OffenceCategory.Sexual, AccessNeed.MinorsOrVulnerable, "Convicted of a sexual offence: no contact with minors or vulnerable people."),
            SecurityRule.Create(OffenceCategory.Trafficking, AccessNeed.MinorsOrVulnerable, "Convicted of trafficking: no contact with minors or vulnerable people."),
            SecurityRule.Create(OffenceCategory.Trafficking, AccessNeed.PersonalData, "Convicted of trafficking: no access to other people's personal data."),
            SecurityRule.Create(OffenceCategory.Extremism, AccessNeed.PrivilegedSystems, "Convicted of an extremist offence: no privileged access to an employer's systems."),
            SecurityRule.Create(OffenceCategory.Terrorism, AccessNeed.PrivilegedSystems, "Convicted of a terrorist offence: no privileged access to an employer's systems."),
        ],
        [
            .. Enum.GetValues<FacilityKind>().Select(k => new WorkModeRule(k, WorkMode.InFacility)),
            new WorkModeRule(FacilityKind.CorrectionalCentre, WorkMode.OffSite),
            new WorkModeRule(FacilityKind.SettlementColony, WorkMode.OffSite),
            .. Enum.GetValues<FacilityKind>().Where(k => k != FacilityKind.PreTrialDetentionCentre).Select(k => new WorkModeRule(k, WorkMode.Remote)),
        ]);
}
