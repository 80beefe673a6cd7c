namespace Workbridge.Core.Reference;

/// <summary>
/// An article of a criminal code in the catalogue (RU-UK 158 "Theft"), with the categories it maps to. A person's
/// offence names an article of this catalogue and, optionally, its part and point.
/// </summary>
public sealed class Offence
{
    private Offence()
    {
        Code = "";
        Article = "";
        TitleEn = "";
        TitleRu = "";
    }

    public Offence(string code, string article, string titleEn, string titleRu, OffenceCategory categories)
    {
        Code = code;
        Article = article;
        TitleEn = titleEn;
        TitleRu = titleRu;
        Categories = categories;
    }

    /// <summary>The code the article belongs to, e.g. RU-UK for the Criminal Code of the Russian Federation.</summary>
    public string Code { get; private set; }

    /// <summary>Article number as written in the code, e.g. "127.2" (never the same as "127").</summary>
    public string Article { get; private set; }

    public string TitleEn { get; private set; }

    public string TitleRu { get; private set; }

    public OffenceCategory Categories { get; private set; }

    public string Title(string language) => language == "ru" ? TitleRu : TitleEn;
}
