using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Reference;
using Workbridge.Data.Csv;

namespace Workbridge.Data.Reference;

/// <summary>
/// The reference tables shipped with Workbridge (embedded CSV files that name their sources): ISCO-08, the Russian
/// Criminal Code's offence catalogue and Russia's federal subjects. Other countries' regions load from a file of the
/// same layout with <c>workbridge regions import</c>.
/// </summary>
public static class ReferenceData
{
    public const string IscoFile = "isco08.csv";
    public const string OffencesFile = "offences-ru-uk.csv";
    public const string RussianRegionsFile = "regions-ru.csv";
    public const string NamesFile = "names-ru.csv";
    public const string RegionSeatsFile = "region-seats-ru.csv";

    public static TextReader OpenEmbedded(string name)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Workbridge.Reference." + name)
            ?? throw new InvalidOperationException($"The reference file {name} is not embedded in Workbridge.Data.");
        return new StreamReader(stream);
    }

    /// <summary>Loads every reference table that is still empty. Safe to call on every start.</summary>
    public static async Task EnsureLoadedAsync(WorkbridgeDb db, CancellationToken cancellationToken = default)
    {
        if (!await db.IscoGroups.AnyAsync(cancellationToken))
        {
            using var reader = OpenEmbedded(IscoFile);
            db.IscoGroups.AddRange(ReadIsco(reader, IscoFile));
        }

        if (!await db.Offences.AnyAsync(cancellationToken))
        {
            using var reader = OpenEmbedded(OffencesFile);
            db.Offences.AddRange(ReadOffences(reader, OffencesFile).Select(o => o.Offence));
        }

        if (!await db.Regions.AnyAsync(cancellationToken))
        {
            using var reader = OpenEmbedded(RussianRegionsFile);
            db.Regions.AddRange(ReadRegions(reader, RussianRegionsFile));
        }

        // The rule tables start with the defaults. Staff edit them afterwards (every edit is in the ledger), so a table
        // that has held rows is never refilled behind their back.
        if (!await db.SecurityRules.AnyAsync(cancellationToken) && !await db.LedgerEntries.AnyAsync(e => e.EntityType == nameof(Core.Work.SecurityRule), cancellationToken))
        {
            db.SecurityRules.AddRange(Core.Work.EligibilityRules.Defaults.Security);
        }

        if (!await db.WorkModeRules.AnyAsync(cancellationToken) && !await db.LedgerEntries.AnyAsync(e => e.EntityType == nameof(Core.Work.WorkModeRule), cancellationToken))
        {
            db.WorkModeRules.AddRange(Core.Work.EligibilityRules.Defaults.Modes);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The eligibility rule tables as stored.</summary>
    public static async Task<Core.Work.EligibilityRules> RulesAsync(WorkbridgeDb db, CancellationToken cancellationToken) =>
        new(await db.SecurityRules.AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken), await db.WorkModeRules.AsNoTracking().ToListAsync(cancellationToken));

    public static List<IscoGroup> ReadIsco(TextReader reader, string source) =>
        CsvRows.Read(reader, source, "code", "title_en", "title_ru")
            .Select(row => new IscoGroup(
                IscoGroup.IsCode(row.Required("code")) ? row.Required("code") : throw row.Error("code", "is not 1 to 4 digits"),
                row.Required("title_en"),
                row.Required("title_ru")))
            .ToList();

    /// <summary>An offence with its share of the convicted population in thousandths, used to draw synthetic offence mixes.</summary>
    public sealed record WeightedOffence(Offence Offence, int SharePermille);

    public static List<WeightedOffence> ReadOffences(TextReader reader, string source) =>
        CsvRows.Read(reader, source, "code", "article", "title_en", "title_ru", "categories")
            .Select(row =>
            {
                OffenceCategory categories;
                try
                {
                    categories = OffenceCategories.Parse(row.Required("categories"));
                }
                catch (FormatException e)
                {
                    throw row.Error("categories", e.Message);
                }

                var offence = new Offence(row.Required("code"), row.Required("article"), row.Required("title_en"), row.Required("title_ru"), categories);
                var share = row.Has("share_permille") ? row.ParseOptional("share_permille", ParseInt, "a whole number") ?? 0 : 0;
                return new WeightedOffence(offence, share);
            })
            .ToList();

    /// <summary>
    /// Reads regions in the layout of regions-ru.csv: code, name_en, name_ru, population, minimum_wage_kopecks,
    /// district_coefficient, minimum_wage_effective, minimum_wage_source, currency, utc_offset_hours.
    /// </summary>
    public static List<Region> ReadRegions(TextReader reader, string source)
    {
        var regions = new List<Region>();
        foreach (var row in CsvRows.Read(reader, source, "code", "name_en", "name_ru", "population", "minimum_wage_kopecks", "district_coefficient", "minimum_wage_effective", "minimum_wage_source", "currency", "utc_offset_hours"))
        {
            var code = row.Required("code");
            if (!Region.IsIsoSubdivisionCode(code))
            {
                throw row.Error("code", $"'{code}' is not an ISO 3166-2 code such as RU-MOW");
            }

            var region = new Region(
                code,
                row.Required("name_en"),
                row.Required("name_ru"),
                row.Required("currency"),
                row.Parse("population", ParseLong, "a whole number"),
                row.Parse("utc_offset_hours", ParseInt, "a whole number of hours"),
                WorkingTimeRules.RussianLabourCode);
            var coefficient = row.Parse("district_coefficient", ParseDecimal, "a decimal such as 1.15");
            region.AddMinimumWage(new MinimumWage(
                row.Parse("minimum_wage_effective", ParseDate, "a date (YYYY-MM-DD)"),
                row.Parse("minimum_wage_kopecks", ParseLong, "a whole number of kopecks"),
                (int)Math.Round(coefficient * 1000m),
                row.Required("minimum_wage_source")));
            regions.Add(region);
        }

        return regions;
    }

    /// <summary>Russia's regions with the Russian name forms that recognise them in text (regions-ru.csv, name_ru_forms).</summary>
    /// <summary>
    /// Names of Russia's federal subjects for the verdict analysis: the forms of regions-ru.csv, and from
    /// region-seats-ru.csv the seats ("г. Краснодара") and the English names of translated decisions.
    /// </summary>
    public static Core.Verdicts.RegionNames RussianRegionNames()
    {
        static IEnumerable<string> Forms(string cell) => cell.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        using var reader = OpenEmbedded(RussianRegionsFile);
        using var seats = OpenEmbedded(RegionSeatsFile);
        var names = CsvRows.Read(reader, RussianRegionsFile, "code", "name_ru_forms").Select(row => (row.Required("code"), Forms(row.Required("name_ru_forms"))));
        var seatNames = CsvRows.Read(seats, RegionSeatsFile, "code", "seat_forms", "english_forms").Select(row => (row.Required("code"), Forms(row.Required("seat_forms")).Concat(Forms(row.Required("english_forms")))));
        return new Core.Verdicts.RegionNames([.. names, .. seatNames]);
    }

    public static int? ParseInt(string text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static long? ParseLong(string text) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static decimal? ParseDecimal(string text) => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static DateOnly? ParseDate(string text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;
}
