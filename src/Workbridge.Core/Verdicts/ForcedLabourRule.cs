namespace Workbridge.Core.Verdicts;

/// <summary>
/// The decision rule for "evidence of forced labour" (docs/verdicts.md), after ILO Convention No. 29 art. 2(1): work or
/// service exacted under the menace of a penalty, for which the person has not offered themself voluntarily. A document
/// shows forced labour when it shows (1) work or service done for the offender, (2) involuntariness, and (3) a menace
/// of penalty, by two different pieces of evidence, at least one of them strong (ILO survey guidelines, 2012; 20th ICLS
/// guidelines, 2018). An explicit compulsion to work ("заставлял работать", "forced to work") is work and strong
/// involuntariness at once. The menace must bear on the work: unless the person was expressly made to work, some
/// menace is told in a sentence that tells of the work ("работал без оплаты, паспорт забрал"), since a quarrel's
/// blows or a hostage's confinement told beside a job are not work exacted by them.
/// </summary>
public static class ForcedLabourRule
{
    /// <summary>Indicators of involuntariness: unfree recruitment, work and life under duress, impossibility of leaving.</summary>
    public static readonly IReadOnlySet<ForcedLabourIndicator> Involuntariness = new HashSet<ForcedLabourIndicator>
    {
        ForcedLabourIndicator.Deception, ForcedLabourIndicator.RestrictionOfMovement, ForcedLabourIndicator.Isolation,
        ForcedLabourIndicator.RetentionOfDocuments, ForcedLabourIndicator.DebtBondage, ForcedLabourIndicator.AbusiveConditions,
        ForcedLabourIndicator.ExcessiveOvertime, ForcedLabourIndicator.AbuseOfVulnerability, ForcedLabourIndicator.WithholdingOfWages,
    };

    /// <summary>Indicators of a menace of penalty: violence, threats, confinement, documents, wages or debt held over the person.</summary>
    public static readonly IReadOnlySet<ForcedLabourIndicator> Menace = new HashSet<ForcedLabourIndicator>
    {
        ForcedLabourIndicator.PhysicalSexualViolence, ForcedLabourIndicator.IntimidationThreats, ForcedLabourIndicator.RestrictionOfMovement,
        ForcedLabourIndicator.RetentionOfDocuments, ForcedLabourIndicator.WithholdingOfWages, ForcedLabourIndicator.DebtBondage,
        ForcedLabourIndicator.Isolation,
    };

    /// <summary>
    /// Decides, and says why. <paramref name="found"/> maps each indicator seen to whether any of its evidence is strong;
    /// <paramref name="menaceWithWork"/> says whether a menace indicator stands in a sentence that tells of the work.
    /// </summary>
    public static (bool ForcedLabour, string Reason) Decide(bool work, bool compulsion, bool menaceWithWork, IReadOnlyDictionary<ForcedLabourIndicator, bool> found)
    {
        if (!work && !compulsion)
        {
            return (false, found.Count == 0 ? "no indicator and no work exacted" : "no work or service exacted from the victim: " + Codes(found.Keys));
        }

        var menace = found.Keys.Where(Menace.Contains).ToList();
        if (menace.Count == 0)
        {
            return (false, found.Count == 0 ? "work, but no indicator of involuntariness or penalty" : "work, but no menace of penalty: " + Codes(found.Keys));
        }

        if (compulsion)
        {
            return (true, $"work exacted by compulsion (strong) under a menace of penalty: {Codes(menace)}");
        }

        if (!menaceWithWork)
        {
            return (false, "work, and a menace of penalty, but no menace told with the work: " + Codes(found.Keys));
        }

        foreach (var m in menace.OrderByDescending(m => found[m]))
        {
            foreach (var i in found.Keys.Where(i => i != m && Involuntariness.Contains(i)).OrderByDescending(i => found[i]))
            {
                if (found[i] || found[m])
                {
                    var strong = found[m] ? m : i;
                    return (true, $"work with involuntariness ({Code(i)}) and a menace of penalty ({Code(m)}); strong: {Code(strong)}");
                }
            }
        }

        return (false, "work, but involuntariness and penalty are not both shown with a strong indicator: " + Codes(found.Keys));
    }

    private static string Code(ForcedLabourIndicator indicator) => Common.EnumText.Kebab(indicator);

    private static string Codes(IEnumerable<ForcedLabourIndicator> indicators) => string.Join(", ", indicators.Order().Select(Code));
}
