using Workbridge.Core.Pay;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;
using Workbridge.Core.Work;

namespace Workbridge.Core.Matching;

/// <summary>One ranked candidate: the person's position in the index, and the total of <see cref="MatchScoring"/>.</summary>
public readonly record struct RankedCandidate(int Person, int Score);

/// <summary>
/// The population held column by column in memory, so that the best candidates for one job order are found by one
/// pass over plain arrays: the hard rules of <see cref="Eligibility"/> and the total of <see cref="MatchScoring"/>,
/// computed from the same parts (a property test holds the two to the same answers), and a bounded heap for the top k.
/// Built once and reused; about 40 bytes a person plus 8 per occupation.
/// </summary>
public sealed class CandidateIndex
{
    [Flags]
    private enum PersonFlags : byte
    {
        WantsWork = 1,
        Held = 2,
        PreTrial = 4,
        Convicted = 8,
    }

    private readonly Guid[] _ids;
    private readonly int[] _facility;
    private readonly PersonFlags[] _flags;
    private readonly OffenceCategory[] _categories;
    private readonly int[] _birth;
    private readonly int[] _release;
    private readonly int[] _activeHours;
    private readonly int[] _occupationStart;
    private readonly int[] _occupationCode;
    private readonly byte[] _proficiency;
    private readonly byte[] _evidence;
    private readonly IReadOnlyList<Facility> _facilities;

    /// <param name="people">The population; the index refers to them by position.</param>
    /// <param name="facilities">Every facility the people are held in.</param>
    /// <param name="activeHours">Hours a week each person's active placements already take (by person id; absent = 0).</param>
    public CandidateIndex(IReadOnlyList<Person> people, IReadOnlyList<Facility> facilities, IReadOnlyDictionary<Guid, int> activeHours)
    {
        _facilities = facilities;
        var facilityIndex = facilities.Select((f, i) => (f.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var n = people.Count;
        _ids = new Guid[n];
        _facility = new int[n];
        _flags = new PersonFlags[n];
        _categories = new OffenceCategory[n];
        _birth = new int[n];
        _release = new int[n];
        _activeHours = new int[n];
        _occupationStart = new int[n + 1];
        var occupations = people.Sum(p => p.Occupations.Count);
        _occupationCode = new int[occupations];
        _proficiency = new byte[occupations];
        _evidence = new byte[occupations];
        var o = 0;
        for (var i = 0; i < n; i++)
        {
            var p = people[i];
            _ids[i] = p.Id;
            _facility[i] = facilityIndex[p.FacilityId];
            _flags[i] = (p.WantsWork ? PersonFlags.WantsWork : 0) | (p.Status != CustodyStatus.Released ? PersonFlags.Held : 0)
                | (p.LegalStatus == LegalStatus.PreTrial ? PersonFlags.PreTrial : PersonFlags.Convicted);
            _categories[i] = p.OffenceCategories;
            _birth[i] = p.Identity.BirthDate.DayNumber;
            _release[i] = p.Sentence.ExpectedRelease?.DayNumber ?? int.MinValue;
            _activeHours[i] = activeHours.GetValueOrDefault(p.Id);
            _occupationStart[i] = o;
            foreach (var occupation in p.Occupations)
            {
                _occupationCode[o] = int.Parse(occupation.IscoCode, System.Globalization.CultureInfo.InvariantCulture);
                _proficiency[o] = (byte)occupation.Proficiency;
                _evidence[o] = (byte)occupation.Evidence;
                o++;
            }
        }

        _occupationStart[n] = o;
    }

    public int Count => _ids.Length;

    public Guid IdOf(int person) => _ids[person];

    /// <summary>Positions by person id, to exclude people already on an order.</summary>
    public Dictionary<Guid, int> Positions() => _ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);

    /// <summary>
    /// The <paramref name="k"/> highest-scoring people who pass every hard rule for <paramref name="order"/>, best first;
    /// equal scores in index order. <paramref name="exclude"/> holds the positions of people already placed on it;
    /// <paramref name="onlyFacility"/>, when set, keeps to the people held there (a facility's staff see no one else).
    /// </summary>
    public IReadOnlyList<RankedCandidate> Top(JobOrder order, IReadOnlyDictionary<string, Region> regions, EligibilityRules rules, DateOnly today, int k, IReadOnlySet<int>? exclude = null, Guid? onlyFacility = null)
    {
        if (k <= 0)
        {
            return [];
        }

        var heap = new TopK(k);
        Scan(order, regions, rules, today, exclude, onlyFacility, heap.Offer);
        return heap.Sorted();
    }

    /// <summary>Every person who passes every hard rule for <paramref name="order"/>, with their score, in index order: the edges of a matching run.</summary>
    public List<RankedCandidate> All(JobOrder order, IReadOnlyDictionary<string, Region> regions, EligibilityRules rules, DateOnly today, IReadOnlySet<int>? exclude = null)
    {
        var all = new List<RankedCandidate>();
        Scan(order, regions, rules, today, exclude, null, all.Add);
        return all;
    }

    private void Scan(JobOrder order, IReadOnlyDictionary<string, Region> regions, EligibilityRules rules, DateOnly today, IReadOnlySet<int>? exclude, Guid? onlyFacility, Action<RankedCandidate> found)
    {
        if (order.Status != OpeningStatus.Open || (order.Terms.End is { } end && end < today))
        {
            return;
        }

        // What depends on the facility only: whether the order serves it, and the wage part in its region.
        // Ages as birth-date thresholds (the latest birth date that is a given age today), and the weekly room left
        // for this order's hours in each facility's region by age band: <14, 14, 15, 16–17, 18+.
        int[] ages = [18, 16, 15, 14];
        var born = ages.Select(a => Latest(today, a).DayNumber).ToArray();
        var facilities = _facilities.Count;
        var open = new bool[facilities];
        var wage = new int[facilities];
        var room = new int[facilities * 5];
        for (var f = 0; f < facilities; f++)
        {
            var facility = _facilities[f];
            var region = regions[facility.RegionCode];
            for (var band = 0; band < 5; band++)
            {
                room[f * 5 + band] = HourCaps.For(region.WorkingTime, band switch { 0 => 13, 1 => 14, 2 => 15, 3 => 16, _ => 18 }).WeeklyHours - order.Terms.HoursPerWeek;
            }

            var minimum = order.Terms.HourlyWageMinor > 0 && region.MinimumWageOn(today) is not null ? MinimumPay.HourlyMinimum(region, today) : (long?)null;
            open[f] = (onlyFacility is null || facility.Id == onlyFacility)
                && order.Serves(facility)
                && rules.Modes.Contains(new WorkModeRule(facility.Kind, order.Mode))
                && (order.Mode != WorkMode.Remote || facility.HasRemoteWorkstations)
                && (minimum is null || order.Terms.HourlyWageMinor >= minimum);
            wage[f] = minimum is { } m ? MatchScoring.WagePoints(order.Terms.HourlyWageMinor, m) : 0;
        }

        var forbidden = OffenceCategory.None;
        foreach (var rule in rules.Security)
        {
            if (order.AccessNeeds.HasFlag(rule.Need))
            {
                forbidden |= rule.Category;
            }
        }

        var preTrialAllowed = order.Mode == WorkMode.InFacility && !order.IsPrivateEmployer;
        var from = (order.Terms.Start > today ? order.Terms.Start : today).DayNumber;
        var code = int.Parse(order.IscoCode, System.Globalization.CultureInfo.InvariantCulture);
        var todayNumber = today.DayNumber;
        for (var i = 0; i < _ids.Length; i++)
        {
            var f = _facility[i];
            var flags = _flags[i];
            if (!open[f] || (flags & (PersonFlags.WantsWork | PersonFlags.Held)) != (PersonFlags.WantsWork | PersonFlags.Held)
                || (_categories[i] & forbidden) != 0
                || ((flags & PersonFlags.PreTrial) != 0 && !preTrialAllowed)
                || ((flags & PersonFlags.Convicted) != 0 && _release[i] <= from)
                || (exclude is not null && exclude.Contains(i)))
            {
                continue;
            }

            var birth = _birth[i];
            var band = birth <= born[0] ? 4 : birth <= born[1] ? 3 : birth <= born[2] ? 2 : birth <= born[3] ? 1 : 0;
            if ((order.Hazardous && band < 4) || _activeHours[i] > room[f * 5 + band])
            {
                continue;
            }

            var score = 1 + wage[f] + Fit(i, code);
            if (_release[i] != int.MinValue)
            {
                score += MatchScoring.ReleasePoints((_release[i] - todayNumber) / 30);
            }

            found(new RankedCandidate(i, score));
        }
    }

    // The same choice as MatchScoring.Fit: most shared leading digits, then the higher proficiency, first one kept.
    private int Fit(int person, int code)
    {
        var (points, proficiency, evidence) = (0, 0, 0);
        for (var o = _occupationStart[person]; o < _occupationStart[person + 1]; o++)
        {
            var held = _occupationCode[o];
            var shared = held == code ? 4 : held / 10 == code / 10 ? 3 : held / 100 == code / 100 ? 2 : held / 1000 == code / 1000 ? 1 : 0;
            var p = MatchScoring.OccupationPoints(shared);
            if (p > points || (p == points && p > 0 && _proficiency[o] > proficiency))
            {
                (points, proficiency, evidence) = (p, _proficiency[o], _evidence[o]);
            }
        }

        return points >= 250 ? points + MatchScoring.SkillPoints((Proficiency)proficiency, (SkillEvidence)evidence) : points;
    }

    // The latest birth date of someone who is at least `age` on `date` (PersonIdentity.AgeOn): a 29 February birthday
    // counts from 28 February in other years, as DateOnly.AddYears does.
    private static DateOnly Latest(DateOnly date, int age) =>
        date is { Month: 2, Day: 28 } && !DateTime.IsLeapYear(date.Year) && DateTime.IsLeapYear(date.Year - age) ? new DateOnly(date.Year - age, 2, 29) : date.AddYears(-age);

    /// <summary>A min-heap of the best k so far: higher score first, then the lower position.</summary>
    private sealed class TopK(int k)
    {
        private readonly RankedCandidate[] _items = new RankedCandidate[k];
        private int _count;

        public void Offer(RankedCandidate candidate)
        {
            if (_count < _items.Length)
            {
                _items[_count] = candidate;
                Up(_count++);
            }
            else if (Better(candidate, _items[0]))
            {
                _items[0] = candidate;
                Down(0);
            }
        }

        public IReadOnlyList<RankedCandidate> Sorted() =>
            [.. _items.Take(_count).OrderByDescending(c => c.Score).ThenBy(c => c.Person)];

        // The heap's root is the worst kept: the lowest score, then the highest position.
        private static bool Better(RankedCandidate a, RankedCandidate b) => a.Score > b.Score || (a.Score == b.Score && a.Person < b.Person);

        private void Up(int i)
        {
            while (i > 0)
            {
                var parent = (i - 1) / 2;
                if (!Better(_items[parent], _items[i]))
                {
                    break;
                }

                (_items[parent], _items[i]) = (_items[i], _items[parent]);
                i = parent;
            }
        }

        private void Down(int i)
        {
            while (true)
            {
                var worst = i;
                var left = 2 * i + 1;
                if (left < _count && Better(_items[worst], _items[left]))
                {
                    worst = left;
                }

                if (left + 1 < _count && Better(_items[worst], _items[left + 1]))
                {
                    worst = left + 1;
                }

                if (worst == i)
                {
                    return;
                }

                (_items[worst], _items[i]) = (_items[i], _items[worst]);
                i = worst;
            }
        }
    }
}
