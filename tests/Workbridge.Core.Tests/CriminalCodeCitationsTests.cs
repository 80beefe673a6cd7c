using Shouldly;
using Workbridge.Core.Verdicts;

namespace Workbridge.Core.Tests;

public sealed class CriminalCodeCitationsTests
{
    [Fact]
    public void Find_MetadataForm_ReadsArticlePartAndPoints()
    {
        var citation = CriminalCodeCitations.Find("ст.126 ч.2 п.п.а,в,з УК РФ").ShouldHaveSingleItem();
        (citation.Article, citation.Part).ShouldBe(("126", "2"));
        citation.Points.ShouldBe(["а", "в", "з"]);
    }

    [Fact]
    public void Find_MetadataList_ReadsEachArticle()
    {
        var citations = CriminalCodeCitations.Find("ст. 30 ч.3, ст.158 ч.2 п.п.а,б");
        citations.Select(c => c.ToString()).ShouldBe(["ст.30 ч.3", "ст.158 ч.2 п.а,б"]);
    }

    [Theory]
    [InlineData("виновен в совершении преступления, предусмотренного п. «а» ч. 2 ст. 127.2 УК РФ", "127.2", "2", "а")]
    [InlineData("с применением ч. 3.1 ст. 72 УК РФ", "72", "3.1", null)]
    [InlineData("по пунктам «а», «в» части 2 статьи 126 Уголовного кодекса Российской Федерации", "126", "2", "а,в")]
    [InlineData("предусмотренного частью 1 статьей 127.1 УК РФ", "127.1", "1", null)]
    [InlineData("по ст. 127 УК РФ.", "127", null, null)]
    public void Find_ProseForm_ReadsPointsAndPartBeforeTheArticle(string text, string article, string? part, string? points)
    {
        var citation = CriminalCodeCitations.Find(text).ShouldHaveSingleItem();
        (citation.Article, citation.Part).ShouldBe((article, part));
        string.Join(',', citation.Points).ShouldBe(points ?? "");
    }

    [Theory]
    [InlineData("в соответствии со ст. 22, 136 Трудового кодекса РФ и коллективным договором", "")]
    [InlineData("отказался от показаний, воспользовавшись ст. 51 Конституции РФ.", "")]
    [InlineData("в нарушение ст. 214 Трудового кодекса РФ, п.п. 8, 20 Правил по охране труда", "")]
    [InlineData("The complaint under Article 4 of the Convention.\n10. The Criminal Code of the Russian Federation provides, in so far as relevant:\nArticle 43. The concept and purposes of punishment\n\"…\"\nArticle 53.1. Compulsory labour\n\"…\"\n11. The Penal Enforcement Code provides, in Article 103, that every convict is obliged to work. Article 105 provides that convicts are paid. Under Article 115 a refusal to work is a breach.", "43,53.1")]
    [InlineData("The court dismissed the applicant's complaint under Article 125 of the CCrP; the police refused to open a case under Article 127.2.", "127.2")]
    [InlineData("The Penal Enforcement Code provides that every prisoner is obliged to work (Article 103) and is paid (Articles 105 and 107). He was convicted under Article 162 (robbery).", "162")]
    [InlineData("The Criminal Code provides, in so far as relevant:\nArticle 126. Abduction\nThe act of abduction is punishable.\nArticle 127.2. Use of slave labour\n…", "126,127.2")]
    [InlineData("Article 103 of the Penal Enforcement Code provides that convicts must work. The applicant was convicted under Article 127.2 in 2015.", "127.2")]
    [InlineData("Article 103 of the Penal Enforcement Code provides that convicts must work; refusal is a violation (Article 116 of that Code) and may entail a disciplinary cell (Article 115). Under Article 105, convicts are paid, and, under Article 107, deductions are made. He was convicted under Article 228.1.", "228.1")]
    [InlineData("12. Article 103 of the Penal Enforcement Code of the Russian Federation provides that every convict is required to work. Under Article 105, convicts are paid. Article 106 provides that unpaid work is limited. Article 107 governs deductions. Under Article 116 of that Code, refusal to work is a breach.\n13. He was convicted under Article 158 of the Criminal Code.", "158")]
    [InlineData("The work fell within the obligation of convicts to work under Article 103 of the Code on the Execution of Sentences. He applied for parole under Article 79 of the Criminal Code.\n12. Article 103 of the Code on the Execution of Sentences provides that every convict is obliged to work. Article 105 of that Code provides that convicts are paid. Under Article 116 of that Code, a refusal to work is a breach.\n13. Article 127.2 of the Criminal Code makes it an offence to use slave labour.", "79,127.2")]
    [InlineData("He was detained under Article 91 of the Code of Criminal Procedure. He was charged under Article 127.2 and Article 105 provides nothing here.", "105,127.2")]
    [InlineData("оправдать по ч. 1 ст. 119 УК РФ на основании п. 2 ч. 1 ст. 24, п. 3 ч. 2 ст. 302 УПК РФ", "119")]
    // "or" joins a list as "and" does.
    [InlineData("The court finds no grounds for applying Articles 64 or 73 of the Criminal Code, or Articles 15, 82, and 96 of it.", "15,64,73,82,96")]
    [InlineData("оснований для применения ст. 64 или 73 УК РФ, а также ст. 125 или ст. 126 УПК РФ не имеется", "64,73")]
    // Capitals join a list as well, and a number after ", or" is no article.
    [InlineData("ОСНОВАНИЙ ДЛЯ ПРИМЕНЕНИЯ СТ. 64 ИЛИ 73 УК РФ, СТ. 126 И 127 УК РФ НЕ ИМЕЕТСЯ", "64,73,126,127")]
    [InlineData("He was convicted under Article 158, or 5 years after the first offence.", "158")]
    // The genitive plural "статей" cites as "статьи" does.
    [InlineData("суд учитывает требования статей 6, 43, 60 и 67 УК РФ; оснований для применения статей 64, 73 УК РФ не имеется; руководствуясь статьями 307–309 УПК РФ", "6,43,60,64,67,73")]
    // Another country's criminal code is not the Russian one.
    [InlineData("The offence under Article 603 bis of the Italian Criminal Code was not made out; cf. Article 127.2 of the Criminal Code of the Russian Federation.", "127.2")]
    // A range belongs to the list, and to the code named after it.
    [InlineData("осужден по ч. 1 ст. 105 УК РФ; руководствуясь ст.ст. 151, 1064, 1094, 1099–1101 Гражданского кодекса РФ", "105")]
    // Words between two markers do not join them into one list (and are read in linear time).
    [InlineData("Иванов осужден по ст. 127.2, что подтверждается протоколом по ст. 166 УПК РФ.", "127.2")]
    [InlineData("по ст. 127.2 потерпевшие подтвердили показания: ст. 281 УПК РФ", "127.2")]
    [InlineData("ст. 127 частично признавая вину подсудимого (ст. 128 УК РФ", "127,128")]
    [InlineData("привлечены к ответственности по ч. 1.1 ст. 18.8 и ч. 1 ст. 18.10 КоАП РФ; осуждён по ч. 2 ст. 322.1 и ст. 322.3 УК РФ", "322.1,322.3")]
    [InlineData("по ст. 18.8 КоАП РФ, а общество по ст. 18.15 того же Кодекса; осуждён по ч. 1 ст. 322.1 УК РФ", "322.1")]
    [InlineData("under Article 18.8 of the Code of Administrative Offences, and the company under Article 18.15 of the same Code.", "")]
    [InlineData("Has there been a violation of Article 4 of the Convention? Was there a remedy for his complaints under Articles 3 and 4, as required by Article 13 of the Convention? The applicant's employer was convicted under Article 127.2 of the Criminal Code.", "127.2")]
    // ... but only when they are named right after the number: later in the sentence they are about something else.
    [InlineData("осужден по п. «а» ч. 2 ст. 127.2 к 5 годам лишения свободы. Положения ст. 64 к нему не применимы.", "64,127.2")]
    [InlineData("осужден по ч. 2 ст. 127.2 в соответствии с Законом о судоустройстве", "127.2")]
    [InlineData("осужден по ч. 2 ст. 127.2, поскольку он нарушил Правила безопасности", "127.2")]
    [InlineData("по ст. 18.8 КоАП РФ; Иванов осуждён по ст. 127.2 указанного Кодекса", "127.2")]
    [InlineData("Has there been a violation of Article 4 of the Convention? He was convicted under Article 127.2 (2) (c) and Article 127.1.", "127.1,127.2")]
    [InlineData("He refused to work under Article 103 of the Code of Execution of Criminal Sentences.", "")]
    [InlineData("On 5 May 2016, under Article 91 of the Code of Criminal Procedure, the police arrested the applicant on suspicion of having used slave labour (Article 127.2).", "127.2")]
    [InlineData("Article 91 of the Code of Criminal Procedure governs arrest. The investigator opened a criminal case under Article 127.2.", "127.2")]
    [InlineData("21. Under Article 103 of the Code of Execution of Criminal Sentences, each prisoner is required to work. Under Article 105 § 1, prisoners are paid. Article 99 § 4 and Article 107 provide for deductions. A refusal to work is a breach (Article 116 § 1), punishable under Article 115.\n22. He was convicted under Article 162 of the Criminal Code.", "162")]
    public void Articles_OfOtherCodesLawsAndTheConvention_AreLeftOut(string text, string expected)
    {
        string.Join(',', CriminalCodeCitations.Articles(text)).ShouldBe(expected);
    }

    [Fact]
    public void Articles_NeverTakes127For127Point2_AndSortsInTheCodesOrder()
    {
        CriminalCodeCitations.Articles("ст.ст. 127.2, 127 и 126 УК РФ, а также ст. 158 УК РФ").ShouldBe(["126", "127", "127.2", "158"]);
        CriminalCodeCitations.Articles("Статья 127.2. Использование рабского труда").ShouldBe(["127.2"]);
    }

    [Theory]
    [InlineData("в порядке ст. 307, 308 УПК РФ")]
    [InlineData("в соответствии со ст. 316 Уголовно-процессуального кодекса РФ")]
    [InlineData("ст. 104 УИК РФ")]
    [InlineData("ст. 20.1 КоАП РФ")]
    public void Find_OtherCodes_AreLeftOut(string text) => CriminalCodeCitations.Find(text).ShouldBeEmpty();

    [Fact]
    public void Find_MixedText_KeepsOnlyTheCriminalCodesArticles()
    {
        const string text = "Иванов совершил преступление, предусмотренное п. «в» ч. 2 ст. 127.2 УК РФ. Руководствуясь ст. 307-309 УПК РФ, суд приговорил: признать виновным по ч. 2 ст. 127.1 УК РФ.";
        CriminalCodeCitations.Articles(text).ShouldBe(["127.1", "127.2"]);
        var first = CriminalCodeCitations.Find(text)[0];
        text[first.Start..first.End].ShouldBe("п. «в» ч. 2 ст. 127.2");
    }
}
