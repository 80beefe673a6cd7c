using Shouldly;
using Workbridge.Core.Reference;

namespace Workbridge.Core.Tests;

public sealed class LegalReferenceTests
{
    [Theory]
    [InlineData("RU-UK 158 ч.2 п.«а»", "158", "2", "а")]
    [InlineData("RU-UK 158 ч. 2 п. «а»", "158", "2", "а")]
    [InlineData("RU-UK 127.2", "127.2", null, null)]
    [InlineData("RU-UK 127.2 ч.2 п.«д»", "127.2", "2", "д")]
    [InlineData("RU-UK 228.1 ч4", "228.1", "4", null)]
    [InlineData("RU-UK 105 part 2 point a", "105", "2", "a")]
    [InlineData("RU-UK 72 ч.3.1", "72", "3.1", null)]
    public void Parse_CommonForms_KeepsArticlePartAndPoint(string text, string article, string? part, string? point)
    {
        var reference = LegalReference.Parse(text);
        reference.Code.ShouldBe("RU-UK");
        reference.Article.ShouldBe(article);
        reference.Part.ShouldBe(part);
        reference.Point.ShouldBe(point);
    }

    [Fact]
    public void ToString_IsCanonicalAndParsesBack()
    {
        var reference = new LegalReference("RU-UK", "127.2", "2", "д");
        reference.ToString().ShouldBe("RU-UK 127.2 ч.2 п.«д»");
        LegalReference.Parse(reference.ToString()).ShouldBe(reference);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("158", "code and an article")]
    [InlineData("RU-UK ч.2", "no article")]
    [InlineData("RU-UK 158 ст.3", "neither a part")]
    [InlineData("RU-UK 158 ч.2 ч.3", "part twice")]
    [InlineData("ru-uk 158", "is not a code")]
    public void TryParse_Malformed_SaysWhy(string text, string reason)
    {
        LegalReference.TryParse(text, out var reference, out var error).ShouldBeFalse();
        reference.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void Parse_127_IsNeverTakenFor127Point2()
    {
        LegalReference.Parse("RU-UK 127 ч.1").Article.ShouldBe("127");
        LegalReference.Parse("RU-UK 127.2 ч.1").Article.ShouldBe("127.2");
    }
}
