using Shouldly;
using Workbridge.Data.Reference;

namespace Workbridge.Data.Tests;

public sealed class RegionNamesTests
{
    private static readonly Core.Verdicts.RegionNames Names = ReferenceData.RussianRegionNames();

    [Theory]
    [InlineData("Ленинский районный суд г. Челябинска в составе председательствующего", "RU-CHE")]
    [InlineData("Московский районный суд г. Санкт-Петербурга", "RU-SPE")]
    [InlineData("Московский городской суд", "RU-MOW")]
    [InlineData("на территории Приморского края", "RU-PRI")]
    [InlineData("Нижегородский областной суд; г. Нижнего Новгорода", "RU-NIZ")]
    [InlineData("Ямало-Ненецкого автономного округа", "RU-YAN")]
    [InlineData("вывез потерпевших в Дагестан, где удерживал на кирпичном заводе", "RU-DA")]
    [InlineData("Подмосковье, Московской области", "RU-MOS")]
    [InlineData("Верховный Суд Республики Татарстан", "RU-TA")]
    public void Find_NamesInAnyCase_GiveTheRegion(string text, string code) => Names.Find(text).ShouldBe(code);

    [Fact]
    public void Find_TheFirstCourtNamed_Decides()
    {
        // A parole ruling of a Mordovian court about a convict from Saratov, who was sentenced there: the town named
        // after "г." four times and the court of the sentence do not outweigh the court that decides.
        const string top = "Зубово-Полянский районный суд Республики Мордовия в составе председательствующего, рассмотрев ходатайство "
            + "осужденного, уроженца г. Саратова, осужденного приговором Заводского районного суда г. Саратова, проживавшего в г. Саратове, "
            + "намеренного вернуться в г. Саратов, по Саратовской области, Саратовский областной суд.";
        Names.Find(top).ShouldBe("RU-MO");
        // Other regions named before the court do not take the court's weight either.
        Names.Find(string.Concat(Enumerable.Repeat("житель г. Ростова, ", 8)) + "районный суд Республики Мордовия").ShouldBe("RU-MO");
    }

    [Theory]
    // The court's own name told as an adjective before its kind is the court's region, outweighing the places named
    // after "г." before the reading reaches the facts; "Московский областной суд" is the oblast's.
    [InlineData("САНКТ-ПЕТЕРБУРГСКИЙ ГОРОДСКОЙ СУД\n\nАПЕЛЛЯЦИОННОЕ ОПРЕДЕЛЕНИЕ\n\nСанкт-Петербург 3 ноября 2020 года\n\nЛыкова, родившаяся в г. Опочке Псковской области, проживающая в г. Опочке Псковской области", "RU-SPE")]
    [InlineData("МОСКОВСКИЙ ОБЛАСТНОЙ СУД\n\nг. Красногорск, осуждённый, проживающий в г. Москве", "RU-MOS")]
    [InlineData("Московский районный суд г. Твери", "RU-TVE")]
    [InlineData("АЛТАЙСКИЙ КРАЕВОЙ СУД\n\nосуждённый, уроженец г. Новосибирска, проживающий в г. Новосибирске", "RU-ALT")]
    [InlineData("Moscow Regional Court\n\nborn in Novosibirsk, living in the town of Novosibirsk", "RU-MOS")]
    public void Find_ACourtNamedByItsRegion_Decides(string text, string code) => Names.Find(text).ShouldBe(code);

    [Fact]
    public void Find_TextWithoutARegion_IsNull() => Names.Find("потерпевший работал без оплаты").ShouldBeNull();
}
