using Workbridge.Core.Pay;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;
using Workbridge.Core.Training;
using Workbridge.Core.Work;

namespace Workbridge.Core.Matching;

/// <summary>One named part of a fit score, in points, with the words that explain it.</summary>
public sealed record ScorePart(string Name, int Points, string Reason);

/// <summary>How well a person fits an opening: a sum of named integer parts, each kept for the explanation.</summary>
public sealed record MatchScore(IReadOnlyList<ScorePart> Parts)
{
    public int Total => Parts.Sum(p => p.Points);
}

/// <summary>
/// The soft scoring of DESIGN.md section 3, applied only to pairs that pass every hard rule (<see cref="Eligibility"/>).
/// Parts: occupation fit on the ISCO-08 hierarchy (unit 400, minor group 250, sub-major 120, major 50), skill level and
/// evidence in that occupation, priority for people without any profession (training), time to release
/// (reintegration value), and the wage above the regional minimum. Every total is at least 1, so an eligible pair is
/// always worth placing over leaving the person without.
/// </summary>
public static class MatchScoring
{
    public static MatchScore For(Person person, IOpening opening, string iscoCode, Region region, DateOnly today)
    {
        var parts = new List<ScorePart> { new("eligible", 1, "Passes every rule.") };
        var (fit, held) = Fit(person, iscoCode);
        if (fit > 0)
        {
            parts.Add(new("occupation", fit, fit switch
            {
                400 => $"Holds the occupation {iscoCode}.",
                250 => $"Holds {held!.IscoCode}, in the same minor group as {iscoCode}.",
                120 => $"Holds {held!.IscoCode}, in the same sub-major group as {iscoCode}.",
                _ => $"Holds {held!.IscoCode}, in the same major group as {iscoCode}.",
            }));
        }

        if (held is not null && fit >= 250)
        {
            parts.Add(new("skill", SkillPoints(held.Proficiency, held.Evidence), $"{held.Proficiency} in {held.IscoCode}, shown by {held.Evidence}."));
        }

        if (opening is Cohort && !person.HasProfession)
        {
            parts.Add(new("no-profession", 300, "Has no profession yet: training comes to them first."));
        }

        if (person.Sentence.ExpectedRelease is { } release)
        {
            var months = (release.DayNumber - today.DayNumber) / 30;
            var points = ReleasePoints(months);
            parts.Add(new("release", points, $"Expected release in about {Math.Max(0, months)} months: {(points == 100 ? "the work or course leads straight to release" : "some reintegration value")}."));
        }

        if (opening.Terms.HourlyWageMinor > 0 && region.MinimumWageOn(today) is not null)
        {
            var above = WagePoints(opening.Terms.HourlyWageMinor, MinimumPay.HourlyMinimum(region, today));
            if (above > 0)
            {
                parts.Add(new("wage", above, $"The wage is {above} % above the regional minimum."));
            }
        }

        return new MatchScore(parts);
    }

    /// <summary>Points for an occupation sharing <paramref name="sharedDigits"/> leading digits of its ISCO-08 code with the work.</summary>
    public static int OccupationPoints(int sharedDigits) => sharedDigits switch { 4 => 400, 3 => 250, 2 => 120, 1 => 50, _ => 0 };

    public static int SkillPoints(Proficiency proficiency, SkillEvidence evidence) => (int)proficiency * 25 + (int)evidence * 15;

    public static int ReleasePoints(int months) => months switch { <= 3 => 20, <= 24 => 100, <= 48 => 60, _ => 30 };

    /// <summary>The percentage of the wage above the hourly minimum, 0 to 100.</summary>
    public static int WagePoints(long wageMinor, long minimumMinor) => (int)Math.Clamp((wageMinor - minimumMinor) * 100 / minimumMinor, 0, 100);

    /// <summary>The best fit of the person's occupations with the code: 400 for the unit group, 250 minor, 120 sub-major, 50 major, 0 none.</summary>
    public static (int Points, PersonOccupation? Held) Fit(Person person, string iscoCode)
    {
        var best = (Points: 0, Held: (PersonOccupation?)null);
        foreach (var occupation in person.Occupations)
        {
            var shared = 0;
            while (shared < 4 && occupation.IscoCode[shared] == iscoCode[shared])
            {
                shared++;
            }

            var points = OccupationPoints(shared);
            if (points > best.Points || (points == best.Points && points > 0 && occupation.Proficiency > best.Held!.Proficiency))
            {
                best = (points, occupation);
            }
        }

        return best;
    }
}
