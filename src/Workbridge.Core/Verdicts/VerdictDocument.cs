namespace Workbridge.Core.Verdicts;

/// <summary>
/// A court decision or case report to analyse: an id, its text, and optional metadata from the source (for example
/// "articles" in the metadata form "ст.127.2 ч.2 п.а УК РФ", "court" or "region"), which add to what the text says.
/// </summary>
public sealed record VerdictDocument(string Id, string Text, IReadOnlyDictionary<string, string>? Metadata = null);

