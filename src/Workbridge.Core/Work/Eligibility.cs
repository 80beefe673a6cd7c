using Workbridge.Core.Pay;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;
using Workbridge.Core.Training;

namespace Workbridge.Core.Work;

/// <summary>One check behind an eligibility answer: its reason code, whether it passed, and a sentence staff can read.</summary>
public sealed record EligibilityCheck(string Code, bool Passed, string Message);

/// <summary>Everything the checks read besides the person and the opening.</summary>
/// <param name="Facility">The facility the person is held in.</param>
/// <param name="Region">That facility's region (minimum wage, working-time caps).</param>
/// <param name="Today">The date in the facility's region.</param>
/// <param name="OtherActiveHoursPerWeek">Hours a week of the person's other active placements.</param>
/// <param name="HasOpenPlacementHere">Whether the person already has an open placement on this opening.</param>
/// <param name="Rules">The security and work-mode rule tables in force.</param>
public sealed record EligibilityContext(Facility Facility, Region Region, DateOnly Today, int OtherActiveHoursPerWeek, bool HasOpenPlacementHere, EligibilityRules Rules);

/// <summary>
/// The hard rules of DESIGN.md section 3 for a person and a job order or cohort. Every check is reported, passed or
/// not, so staff see why a person is or is not eligible; the person is eligible when all pass.
/// </summary>
public sealed class Eligibility
{
    private Eligibility(IReadOnlyList<EligibilityCheck> checks) => Checks = checks;

    public IReadOnlyList<EligibilityCheck> Checks { get; }

    public bool IsEligible => Checks.All(c => c.Passed);

    public IEnumerable<EligibilityCheck> Failed => Checks.Where(c => !c.Passed);

    public static Eligibility For(Person person, JobOrder order, EligibilityContext context)
    {
        var checks = Basics(person, order, context, person.WantsWork, "wants-work", "The person has said they want work.", "The person has not said they want work.");
        var facility = context.Facility;
        var preTrial = person.LegalStatus == LegalStatus.PreTrial;
        checks.Add(new("pre-trial", !preTrial || (order.Mode == WorkMode.InFacility && !order.IsPrivateEmployer),
            preTrial ? order.Mode == WorkMode.InFacility && !order.IsPrivateEmployer ? "Pre-trial: work in the facility's own workshop is open to them." : "Pre-trial detainees are presumed innocent: only in-facility work, never for a private employer." : "Convicted: no pre-trial restriction."));
        var modeAllowed = context.Rules.Modes.Contains(new WorkModeRule(facility.Kind, order.Mode));
        checks.Add(new("work-mode", modeAllowed, modeAllowed ? $"People held in a {Words(facility.Kind)} may take {Words(order.Mode)} work." : $"People held in a {Words(facility.Kind)} may not take {Words(order.Mode)} work (work-mode rule table)."));
        if (order.Mode == WorkMode.Remote)
        {
            checks.Add(new("remote-workstations", facility.HasRemoteWorkstations, facility.HasRemoteWorkstations ? $"{facility.Code} has {facility.RemoteWorkstations} supervised workstations." : $"{facility.Code} has no supervised workstations for remote work."));
        }

        var served = order.Serves(facility);
        checks.Add(new("region", served, (order.Mode, served) switch
        {
            (WorkMode.InFacility, true) => "The workshop is in the person's facility.",
            (WorkMode.InFacility, false) => "The workshop is in another facility.",
            (WorkMode.OffSite, true) => $"The site serves {facility.RegionCode}, the person's region.",
            (WorkMode.OffSite, false) => $"Off-site work serves {string.Join(", ", order.ServedRegions)}; the person is held in {facility.RegionCode}.",
            (_, true) => order.ServedRegions.Count == 0 ? "The order accepts people from every region." : $"The order accepts {facility.RegionCode}.",
            _ => $"The order accepts {string.Join(", ", order.ServedRegions)}, not {facility.RegionCode}.",
        }));

        var refused = context.Rules.Security.Where(r => person.OffenceCategories.HasFlag(r.Category) && order.AccessNeeds.HasFlag(r.Need)).ToList();
        checks.AddRange(refused.Select(r => new EligibilityCheck(r.Code, false, r.Reason)));
        if (refused.Count == 0)
        {
            checks.Add(new("security", true, order.AccessNeeds == AccessNeed.None ? "The work needs no special access." : "No security rule applies to the person's offences for this access."));
        }

        var age = person.Identity.AgeOn(context.Today);
        checks.Add(new("juvenile-hazardous", age >= 18 || !order.Hazardous, age >= 18 ? "Adult." : order.Hazardous ? $"Aged {age}: hazardous work is closed to anyone under 18 (Labour Code art. 265)." : $"Aged {age}: the work is not hazardous."));
        if (order.Terms.HourlyWageMinor > 0 && context.Region.MinimumWageOn(context.Today) is not null)
        {
            var minimum = MinimumPay.HourlyMinimum(context.Region, context.Today);
            var paid = order.Terms.HourlyWageMinor >= minimum;
            checks.Add(new("wage-minimum", paid, paid ? $"The wage is at least the minimum of {minimum} kopecks an hour in {context.Region.Code}." : $"The wage of {order.Terms.HourlyWageMinor} kopecks an hour is below the minimum of {minimum} in {context.Region.Code}, the person's region."));
        }

        return new Eligibility(checks);
    }

    public static Eligibility For(Person person, Cohort cohort, EligibilityContext context)
    {
        var checks = Basics(person, cohort, context, person.WantsTraining, "wants-training", "The person has said they want training.", "The person has not said they want training.");
        var here = cohort.FacilityId == context.Facility.Id;
        checks.Add(new("facility", here, here ? "The course runs in the person's facility." : "The course runs in another facility."));
        return new Eligibility(checks);
    }

    private static List<EligibilityCheck> Basics(Person person, IOpening opening, EligibilityContext context, bool wants, string wantsCode, string wantsYes, string wantsNo)
    {
        var checks = new List<EligibilityCheck>
        {
            new(wantsCode, wants, wants ? wantsYes : wantsNo),
            new("in-custody", person.Status != CustodyStatus.Released, person.Status != CustodyStatus.Released ? "Held by the service." : "Released."),
            new("open", opening.Status == OpeningStatus.Open, opening.Status == OpeningStatus.Open ? "Taking applications." : "Closed to applications."),
            new("not-already", !context.HasOpenPlacementHere, context.HasOpenPlacementHere ? "Already proposed, applied or placed here." : "Not yet placed here."),
        };

        var age = person.Identity.AgeOn(context.Today);
        var caps = HourCaps.For(context.Region.WorkingTime, age);
        var hours = context.OtherActiveHoursPerWeek + opening.Terms.HoursPerWeek;
        checks.Add(new("hours-cap", hours <= caps.WeeklyHours, hours <= caps.WeeklyHours
            ? $"{hours} hours a week with other active placements, within the cap of {caps.WeeklyHours} for age {age}."
            : $"{hours} hours a week with other active placements is over the cap of {caps.WeeklyHours} for age {age} ({caps.WeeklyArticle})."));

        var ended = opening.Terms.End is { } end && end < context.Today;
        checks.Add(new("dates", !ended, ended ? $"It ended on {opening.Terms.End:yyyy-MM-dd}." : "Still running."));
        if (person.LegalStatus == LegalStatus.Convicted)
        {
            var release = person.Sentence.ExpectedRelease;
            var from = opening.Terms.Start > context.Today ? opening.Terms.Start : context.Today;
            checks.Add(new("release-date", release is not null && release > from, release switch
            {
                null => "No expected release date is recorded; record it first.",
                var r when r <= from => $"Expected release on {r:yyyy-MM-dd}, before it would start.",
                var r => $"Expected release on {r:yyyy-MM-dd}.",
            }));
        }

        return checks;
    }

    private static string Words<T>(T value)
        where T : struct, Enum => Workbridge.Core.Common.EnumText.Kebab(value).Replace('-', ' ');
}
