namespace Workbridge.Core.Verdicts;

/// <summary>One item read from the input: a document to analyse, or a skipped input; and how many bytes it took.</summary>
public sealed record VerdictRead(VerdictDocument? Document, SkippedInput? Skipped, long Bytes, string? Note = null);
