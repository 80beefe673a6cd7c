using Shouldly;
using Workbridge.Core.Verdicts;

namespace Workbridge.Core.Tests;

public sealed class CourtTextTests
{
    [Fact]
    public void Fold_KeepsEveryOffset_AndFoldsLettersQuotesAndDashes()
    {
        const string text = "Пётр сказал: «Работай — или хуже будет»";
        var folded = CourtText.Fold(text);
        folded.Length.ShouldBe(text.Length);
        folded.ShouldBe("петр сказал: \"работай - или хуже будет\"");
    }

    private static List<string> Split(string text) => [.. CourtText.Sentences(text).Select(s => text[s.Start..s.End])];

    [Fact]
    public void Sentences_DoNotEndAfterArticlesCitiesOrInitials()
    {
        var text = "Иванов И.И. совершил преступление, предусмотренное п. «а» ч. 2 ст. 127.2 УК РФ, в г. Москва. Потерпевший Петров П.П. показал, что работал без оплаты! Вопрос суда: почему?";
        Split(text).ShouldBe([
            "Иванов И.И. совершил преступление, предусмотренное п. «а» ч. 2 ст. 127.2 УК РФ, в г. Москва.",
            "Потерпевший Петров П.П. показал, что работал без оплаты!",
            "Вопрос суда: почему?",
        ]);
    }

    [Fact]
    public void Sentences_EndAtAClosingQuoteAndAtParagraphs()
    {
        var text = "Он сказал: «Не уйдёшь.» Затем ушёл\n\nНовый абзац без точки";
        Split(text).ShouldBe(["Он сказал: «Не уйдёшь.»", "Затем ушёл", "Новый абзац без точки"]);
    }

    [Fact]
    public void Sentences_MayOpenWithADate_ButNotAfterAnAbbreviation()
    {
        var text = "Запрещал ему выходить к ним. 22 апреля 2020 года Манджиев догнал его. Около 10 час. 30 мин. он пришёл, т. 2 л.д. 45, ст. 127 УК РФ; 1.2 млн руб. 500 коп.";
        Split(text).ShouldBe([
            "Запрещал ему выходить к ним.",
            "22 апреля 2020 года Манджиев догнал его.",
            "Около 10 час. 30 мин. он пришёл, т. 2 л.д. 45, ст. 127 УК РФ; 1.2 млн руб. 500 коп.",
        ]);
        Split("Проживает по адресу: д. 5, ком. 12, просп. 50 лет Октября, согласно прил. 2 к приказу; relied on arts. 127.1 and 127.2.").Count.ShouldBe(1);
    }

    [Fact]
    public void Sentences_OfEmptyText_AreNone() => CourtText.Sentences("  \n ").ShouldBeEmpty();
}
