namespace Workbridge.Core.Verdicts;

/// <summary>An input that could not be read: where (file, or file and line) and why, in words.</summary>
public sealed record SkippedInput(string Source, string Reason, string Category);
