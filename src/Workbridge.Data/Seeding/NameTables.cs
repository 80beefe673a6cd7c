using Workbridge.Core.Registry;
using Workbridge.Data.Csv;
using Workbridge.Data.Reference;

namespace Workbridge.Data.Seeding;

/// <summary>Russian surnames, given names and patronymics with their relative frequencies (names-ru.csv).</summary>
public sealed class NameTables
{
    private NameTables(WeightedChoice<(string Male, string Female)> surnames, WeightedChoice<string> maleGiven, WeightedChoice<string> femaleGiven, WeightedChoice<(string Male, string Female)> patronymics)
    {
        Surnames = surnames;
        MaleGiven = maleGiven;
        FemaleGiven = femaleGiven;
        Patronymics = patronymics;
    }

    public WeightedChoice<(string Male, string Female)> Surnames { get; }

    public WeightedChoice<string> MaleGiven { get; }

    public WeightedChoice<string> FemaleGiven { get; }

    public WeightedChoice<(string Male, string Female)> Patronymics { get; }

    public static NameTables LoadEmbedded()
    {
        using var reader = ReferenceData.OpenEmbedded(ReferenceData.NamesFile);
        var rows = CsvRows.Read(reader, ReferenceData.NamesFile, "kind", "male", "female", "weight")
            .Select(r => (Kind: r.Required("kind"), Male: r.Optional("male"), Female: r.Optional("female"), Weight: r.Parse("weight", ReferenceData.ParseLong, "a whole number")))
            .ToList();
        return new NameTables(
            new(rows.Where(r => r.Kind == "surname").Select(r => ((r.Male ?? r.Female!, r.Female ?? r.Male!), r.Weight))),
            new(rows.Where(r => r.Kind == "given" && r.Male is not null).Select(r => (r.Male!, r.Weight))),
            new(rows.Where(r => r.Kind == "given" && r.Female is not null).Select(r => (r.Female!, r.Weight))),
            new(rows.Where(r => r.Kind == "patronymic").Select(r => ((r.Male!, r.Female!), r.Weight))));
    }

    public PersonIdentity Draw(Random random, Sex sex, DateOnly birthDate)
    {
        var surname = Surnames.Next(random);
        var patronymic = Patronymics.Next(random);
        return sex == Sex.Male
            ? new PersonIdentity(surname.Male, MaleGiven.Next(random), patronymic.Male, birthDate, sex)
            : new PersonIdentity(surname.Female, FemaleGiven.Next(random), patronymic.Female, birthDate, sex);
    }
}
