using Workbridge.Core.Reference;
using Workbridge.Core.Registry;
using Workbridge.Data.People;
using static Workbridge.Data.Reference.ReferenceData;

namespace Workbridge.Data.Seeding;

/// <summary>
/// A synthetic but plausible penal population for demos, tests and benchmarks: facilities in regions weighted by
/// population, Russian names, sentence lengths by offence, an offence mix by article (offences-ru-uk.csv shares),
/// education and occupations from plausible distributions. The same seed and date give the same population.
/// Every person is made through Core's own rules (admission, transfer), so the data obey the invariants.
/// </summary>
public sealed class PopulationGenerator
{
    // Approximate shares of the Russian colony system by kind of institution (FSIN's published counts of institutions
    // and places); they shape the demo, nothing reads them as facts.
    private static readonly (FacilityKind Kind, int Weight, string PrefixRu, string PrefixLatin, int MinCapacity, int MaxCapacity)[] _kinds =
    [
        (FacilityKind.GeneralRegimeColony, 38, "ИК", "IK", 600, 1600),
        (FacilityKind.StrictRegimeColony, 26, "ИК", "IK", 700, 1800),
        (FacilityKind.SpecialRegimeColony, 3, "ИК", "IK", 300, 900),
        (FacilityKind.SettlementColony, 10, "КП", "KP", 150, 600),
        (FacilityKind.CorrectionalCentre, 8, "ИЦ", "IC", 60, 300),
        (FacilityKind.JuvenileColony, 3, "ВК", "VK", 80, 300),
        (FacilityKind.PreTrialDetentionCentre, 10, "СИЗО", "SIZO", 300, 1500),
        (FacilityKind.Prison, 2, "Т", "T", 200, 800),
    ];

    // ISCO-08 unit groups common among people in Russian custody: construction and wood trades, metal work, drivers,
    // cooks, garment and furniture workshops, labourers; a few office and ICT occupations.
    private static readonly (string Code, int Weight)[] _occupations =
    [
        ("9313", 90), ("7112", 60), ("7115", 60), ("8322", 70), ("8332", 50), ("7212", 55), ("7411", 45), ("7126", 35),
        ("7231", 45), ("7233", 30), ("5120", 35), ("7522", 25), ("9329", 60), ("5414", 30), ("5223", 30), ("9112", 25),
        ("7213", 15), ("7222", 10), ("8121", 8), ("7119", 20), ("7123", 12), ("7132", 12), ("8182", 8), ("9333", 30),
        ("9412", 12), ("7512", 10), ("7536", 6), ("6121", 15), ("6111", 15), ("8341", 20), ("7531", 12), ("4110", 12),
        ("4311", 6), ("3512", 8), ("2512", 5), ("2511", 2), ("3313", 3), ("5153", 10), ("7422", 6), ("7543", 3),
    ];

    private static readonly Dictionary<string, string> _regionalLanguages = new(StringComparer.Ordinal)
    {
        ["RU-TA"] = "tt", ["RU-BA"] = "ba", ["RU-CE"] = "ce", ["RU-DA"] = "av", ["RU-CU"] = "cv", ["RU-SA"] = "sah",
        ["RU-BU"] = "bua", ["RU-TY"] = "tyv", ["RU-KB"] = "kbd", ["RU-IN"] = "inh", ["RU-UD"] = "udm", ["RU-ME"] = "chm",
    };

    private readonly Random _random;
    private readonly DateTime _now;
    private readonly DateOnly _today;
    private readonly IReadOnlyList<Region> _regions;
    private readonly WeightedChoice<WeightedOffence> _offences;
    private readonly WeightedChoice<string> _occupationChoice;
    private readonly NameTables _names;

    public PopulationGenerator(int seed, DateTime now, IReadOnlyList<Region> regions, IReadOnlyList<WeightedOffence> offences, NameTables names)
    {
        _random = new Random(seed);
        _now = now;
        _today = DateOnly.FromDateTime(now);
        _regions = regions;
        _offences = new(offences.Select(o => (o, (long)o.SharePermille)));
        _occupationChoice = new(_occupations.Select(o => (o.Code, (long)o.Weight)));
        _names = names;
    }

    public static IReadOnlyList<string> OccupationCodes => [.. _occupations.Select(o => o.Code)];

    /// <summary>
    /// Facilities spread over regions drawn by population; at most <paramref name="maxRegions"/> regions when given.
    /// With <paramref name="forPeople"/>, capacities are scaled so that that many people fill them to about 85 %, as in
    /// the service's published occupancy.
    /// </summary>
    public List<Facility> Facilities(int count, int? maxRegions = null, int firstNumber = 1, int? forPeople = null)
    {
        var byPopulation = new WeightedChoice<Region>(_regions.Select(r => (r, r.Population)));
        var pool = new List<Region>();
        if (maxRegions is { } limit)
        {
            while (pool.Count < Math.Min(limit, _regions.Count))
            {
                var region = byPopulation.Next(_random);
                if (!pool.Contains(region))
                {
                    pool.Add(region);
                }
            }
        }

        var regionChoice = maxRegions is null ? byPopulation : new WeightedChoice<Region>(pool.Select(r => (r, r.Population)));
        var kindChoice = new WeightedChoice<int>(_kinds.Select((k, i) => (i, (long)k.Weight)));
        var facilities = new List<Facility>(count);
        for (var i = 0; i < count; i++)
        {
            // Every generated set has at least one pre-trial centre and one correctional centre, so all paths show.
            var kind = _kinds[i switch { 1 => 6, 2 => 4, _ => kindChoice.Next(_random) }];
            var region = regionChoice.Next(_random);
            var number = firstNumber + i;
            var capacity = _random.Next(kind.MinCapacity, kind.MaxCapacity + 1);
            var workstations = kind.Kind is FacilityKind.PreTrialDetentionCentre || _random.NextDouble() < 0.6 ? 0 : _random.Next(4, 41);
            facilities.Add(new Facility(
                $"{kind.PrefixLatin}-{number}-{region.Code[3..]}",
                $"{kind.PrefixRu}-{number} — {region.NameRu}",
                kind.Kind,
                region.Code,
                capacity,
                workstations));
        }

        if (forPeople is { } people && people > 0)
        {
            var scale = people / 0.85 / facilities.Sum(f => f.Capacity);
            foreach (var facility in facilities)
            {
                facility.Update(facility.Name, facility.Kind, Math.Max(10, (int)Math.Round(facility.Capacity * scale / 10) * 10), facility.RemoteWorkstations);
            }
        }

        return facilities;
    }

    /// <summary>People spread over the facilities in proportion to capacity, with reference numbers PF-nnnnnnn from <paramref name="firstNumber"/>.</summary>
    public IEnumerable<AdmittedPerson> People(int count, IReadOnlyList<Facility> facilities, int firstNumber = 1)
    {
        var byCapacity = new WeightedChoice<Facility>(facilities.Select(f => (f, (long)f.Capacity)));
        var pretrialCentres = facilities.Where(f => f.Kind == FacilityKind.PreTrialDetentionCentre).GroupBy(f => f.RegionCode).ToDictionary(g => g.Key, g => g.First());
        var regionCodes = facilities.ToDictionary(f => f.Id, f => f.RegionCode);
        for (var i = 0; i < count; i++)
        {
            yield return Person(firstNumber + i, byCapacity.Next(_random), pretrialCentres, regionCodes);
        }
    }

    private AdmittedPerson Person(int number, Facility facility, Dictionary<string, Facility> pretrialCentres, Dictionary<Guid, string> regionCodes)
    {
        var juvenile = facility.Kind == FacilityKind.JuvenileColony;
        var sex = juvenile || _random.NextDouble() >= 0.08 ? Sex.Male : Sex.Female;
        var age = juvenile ? _random.Next(14, 18) : AdultAge();
        var birthDate = _today.AddYears(-age).AddDays(-_random.Next(1, 365));
        var pretrial = facility.Kind == FacilityKind.PreTrialDetentionCentre && _random.NextDouble() < 0.85;

        var offences = DrawOffences();
        var sentence = pretrial ? Sentence.None : DrawSentence(facility.Kind, offences, juvenile);
        var occupations = DrawOccupations(age);
        var languages = new List<string> { "ru" };
        if (_regionalLanguages.TryGetValue(regionCodes[facility.Id], out var regional) && _random.NextDouble() < 0.5)
        {
            languages.Add(regional);
        }

        if (_random.NextDouble() < 0.1)
        {
            languages.Add("en");
        }

        var details = new PersonDetails(
            $"PF-{number:D7}",
            _names.Draw(_random, sex, birthDate),
            pretrial ? LegalStatus.PreTrial : LegalStatus.Convicted,
            sentence,
            DrawEducation(age),
            offences,
            occupations,
            languages,
            WantsWork: _random.NextDouble() < 0.7,
            WantsTraining: _random.NextDouble() < (occupations.Count == 0 ? 0.6 : 0.3));

        var arrestedAt = Instant((sentence.Start ?? _today.AddDays(-_random.Next(10, 300))).AddDays(pretrial ? 0 : -_random.Next(30, 240)));
        if (arrestedAt > _now)
        {
            arrestedAt = _now.AddDays(-1);
        }

        Person person;
        var movements = new List<Movement>();
        if (!pretrial && pretrialCentres.TryGetValue(facility.RegionCode, out var centre) && centre.Id != facility.Id)
        {
            // The usual path: held in the region's pre-trial centre, then sent to serve the sentence.
            (person, var admission) = Core.Registry.Person.Admit(details, centre, arrestedAt, "Detained by court order", "seed", _now);
            movements.Add(admission);
            var transferAt = Instant(sentence.Start!.Value.AddDays(_random.Next(20, 60)));
            movements.Add(person.Transfer(facility, transferAt < arrestedAt ? arrestedAt : transferAt > _now ? _now : transferAt, "Sent to serve the sentence", "seed", _now));
        }
        else
        {
            (person, var admission) = Core.Registry.Person.Admit(details, facility, arrestedAt, pretrial ? "Detained by court order" : "Admitted to serve the sentence", "seed", _now);
            movements.Add(admission);
        }

        AddRecentHistory(person, movements);
        return new AdmittedPerson(person, movements);
    }

    /// <summary>
    /// A registry also holds people released in the last years and people out on temporary release: about one in
    /// twelve released, one in a hundred temporarily out (work release from a correctional centre most often).
    /// </summary>
    private void AddRecentHistory(Person person, List<Movement> movements)
    {
        var since = person.LastMovementAt;
        if (since >= _now.AddDays(-2))
        {
            return;
        }

        var at = since + TimeSpan.FromHours(_random.NextDouble() * (_now - since).TotalHours);
        var draw = _random.NextDouble();
        if (draw < 0.08)
        {
            movements.Add(person.Release(at, person.LegalStatus == LegalStatus.PreTrial ? "Released by the court" : "Released on parole", "seed", _now));
        }
        else if (draw < 0.09 || (draw < 0.15 && person.Sentence.Kind == SentenceKind.CorrectionalCentreWork))
        {
            var leaving = _now.AddHours(-_random.Next(2, 96));
            movements.Add(person.ReleaseTemporarily(DateOnly.FromDateTime(_now).AddDays(_random.Next(0, 5)), leaving < since ? since : leaving, "Work release", "seed", _now));
        }
    }

    private int AdultAge()
    {
        // Skewed to 25–45, as in published age structures of people in colonies.
        var age = (int)Math.Round(34 + (9 * NormalSample()));
        return Math.Clamp(age, 18, 75);
    }

    private double NormalSample() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    private List<PersonOffence> DrawOffences()
    {
        var count = _random.NextDouble() switch { < 0.6 => 1, < 0.9 => 2, _ => 3 };
        var drawn = new List<PersonOffence>();
        for (var i = 0; i < count; i++)
        {
            var offence = _offences.Next(_random).Offence;
            if (drawn.Any(d => d.Article == offence.Article))
            {
                continue;
            }

            string? part = _random.NextDouble() < 0.7 ? _random.Next(1, 4).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            string? point = part is not null && _random.NextDouble() < 0.25 ? "абвг"[_random.Next(4)].ToString() : null;
            drawn.Add(new PersonOffence(offence.Code, offence.Article, part, point, offence.Categories));
        }

        return drawn;
    }

    private Sentence DrawSentence(FacilityKind kind, List<PersonOffence> offences, bool juvenile)
    {
        var categories = offences.Aggregate(OffenceCategory.None, (all, o) => all | o.Categories);
        if (kind == FacilityKind.SpecialRegimeColony && categories.HasFlag(OffenceCategory.Homicide) && _random.NextDouble() < 0.3)
        {
            var lifeStart = _today.AddDays(-_random.Next(400, 9000));
            return new Sentence(SentenceKind.LifeImprisonment, lifeStart, null, null);
        }

        var (minMonths, maxMonths) = kind == FacilityKind.CorrectionalCentre ? (6, 60)
            : categories.HasFlag(OffenceCategory.Homicide) ? (84, 180)
            : categories.HasFlag(OffenceCategory.SexualAgainstMinors) ? (96, 200)
            : categories.HasFlag(OffenceCategory.Sexual) ? (48, 144)
            : categories.HasFlag(OffenceCategory.Drugs) ? (36, 144)
            : categories.HasFlag(OffenceCategory.Violent) ? (24, 96)
            : (12, 60);
        if (juvenile)
        {
            maxMonths = Math.Min(maxMonths, 72);
            minMonths = Math.Min(minMonths, 12);
        }

        var months = _random.Next(minMonths, maxMonths + 1);
        var served = _random.Next(1, Math.Max(2, months));
        var start = _today.AddMonths(-served).AddDays(-_random.Next(0, 28));
        var end = start.AddMonths(months);
        var release = _random.NextDouble() < 0.3 ? start.AddMonths(months * 2 / 3) : end;
        if (release < _today)
        {
            release = end;
        }

        return new Sentence(kind == FacilityKind.CorrectionalCentre ? SentenceKind.CorrectionalCentreWork : SentenceKind.Imprisonment, start, end, release);
    }

    private IscedLevel DrawEducation(int age) => age < 16
        ? IscedLevel.Primary
        : _random.Next(100) switch
        {
            < 4 => IscedLevel.Primary,
            < 30 => IscedLevel.LowerSecondary,
            < 72 => IscedLevel.UpperSecondary,
            < 92 => IscedLevel.PostSecondaryNonTertiary,
            < 98 => IscedLevel.Bachelor,
            _ => IscedLevel.Master,
        };

    private List<PersonOccupation> DrawOccupations(int age)
    {
        // About a third of people in custody have no profession at all: training gives them priority.
        var count = age < 18 ? (_random.NextDouble() < 0.8 ? 0 : 1) : _random.Next(100) switch { < 35 => 0, < 80 => 1, _ => 2 };
        var result = new List<PersonOccupation>();
        while (result.Count < count)
        {
            var code = _occupationChoice.Next(_random);
            if (result.All(o => o.IscoCode != code))
            {
                result.Add(new PersonOccupation(code, (Proficiency)_random.Next(1, 5), (SkillEvidence)_random.Next(1, 5)));
            }
        }

        return result;
    }

    private DateTime Instant(DateOnly date) => date.ToDateTime(new TimeOnly(_random.Next(7, 18), _random.Next(0, 60)), DateTimeKind.Utc);
}
