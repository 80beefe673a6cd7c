namespace Workbridge.Core.Verdicts;

/// <summary>Which alphabet a word is written in; it decides the stemmer.</summary>
public enum TokenScript
{
    Cyrillic,
    Latin,
    Number,
    Other,
}
