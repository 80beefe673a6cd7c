namespace Workbridge.Core.Matching;

/// <summary>A DIMACS file that cannot be read: <see cref="Line"/> is 1-based, the message says what is wrong there.</summary>
public sealed class DimacsFormatException(string fileName, long line, string reason)
    : Exception($"{fileName}, line {line}: {reason}")
{
    public string FileName { get; } = fileName;

    public long Line { get; } = line;

    public string Reason { get; } = reason;
}
