using Shouldly;
using Workbridge.Core.Common;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;

namespace Workbridge.Core.Tests;

public sealed class TextTests
{
    [Theory]
    [InlineData("Семёнов  Пётр", "семенов петр")]
    [InlineData("  СЕМЕНОВ-ТЯН-ШАНСКИЙ Пётр ", "семенов тян шанский петр")]
    [InlineData("Ｉｖａｎｏｖ", "ivanov")]
    [InlineData(null, "")]
    public void Fold_NamesInAnySpelling_GiveOneKey(string? text, string folded) => SearchText.Fold(text).ShouldBe(folded);

    [Fact]
    public void UpperBound_IsAboveEveryStringWithThePrefix()
    {
        var upper = SearchText.UpperBound("иван");
        string.CompareOrdinal("иванов", upper).ShouldBeLessThan(0);
        string.CompareOrdinal("иванъ", upper).ShouldBeLessThan(0);
        string.CompareOrdinal("иваo", upper).ShouldBeLessThan(0);
        string.CompareOrdinal("ивао", upper).ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("pre-trial", LegalStatus.PreTrial)]
    [InlineData("PreTrial", LegalStatus.PreTrial)]
    [InlineData("pre_trial", LegalStatus.PreTrial)]
    public void EnumText_ParsesKebabAndPascal(string text, LegalStatus expected)
    {
        EnumText.TryParse<LegalStatus>(text, out var value).ShouldBeTrue();
        value.ShouldBe(expected);
        EnumText.Kebab(expected).ShouldBe("pre-trial");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("convicted-ish")]
    [InlineData("")]
    public void EnumText_RefusesNumbersAndUnknownWords(string text) => EnumText.TryParse<LegalStatus>(text, out _).ShouldBeFalse();

    [Fact]
    public void OffenceCategories_RoundTripThroughText()
    {
        var categories = OffenceCategories.Parse("sexual-against-minors; computer");
        categories.ShouldBe(OffenceCategory.SexualAgainstMinors | OffenceCategory.Computer);
        OffenceCategories.Format(categories).ShouldBe("sexual-against-minors;computer");
        Should.Throw<FormatException>(() => OffenceCategories.Parse("cyber"));
    }

    [Fact]
    public void MinimumWage_WithCoefficient_RoundsUpAndNeverFallsShort()
    {
        var wage = new MinimumWage(new DateOnly(2026, 1, 1), 2709300, 1150, "Federal Law No. 429-FZ");
        wage.MonthlyWithCoefficientMinor.ShouldBe(3115695);
        new MinimumWage(new DateOnly(2026, 1, 1), 1001, 1333, "test").MonthlyWithCoefficientMinor.ShouldBe(1335);
    }

    [Fact]
    public void Region_MinimumWageOn_PicksTheRateInForceAndRefusesAnOlderOne()
    {
        var region = new Region("RU-MOW", "Moscow", "Москва", "RUB", 13_000_000, 3, WorkingTimeRules.RussianLabourCode);
        region.AddMinimumWage(new MinimumWage(new DateOnly(2025, 1, 1), 2919600, 1000, "2025 agreement"));
        region.AddMinimumWage(new MinimumWage(new DateOnly(2026, 1, 1), 3973000, 1000, "2026 agreement"));
        region.MinimumWageOn(new DateOnly(2024, 12, 31)).ShouldBeNull();
        region.MinimumWageOn(new DateOnly(2025, 12, 31))!.MonthlyMinor.ShouldBe(2919600);
        region.MinimumWageOn(new DateOnly(2026, 1, 1))!.MonthlyMinor.ShouldBe(3973000);
        Should.Throw<RuleViolation>(() => region.AddMinimumWage(new MinimumWage(new DateOnly(2025, 6, 1), 3000000, 1000, "late"))).Field.ShouldBe("effectiveFrom");
    }
}
