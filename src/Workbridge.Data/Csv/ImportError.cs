namespace Workbridge.Data.Csv;

/// <summary>A problem in an input file, located by file, line and field, phrased for the person who wrote the file.</summary>
public sealed class ImportError(string source, int line, string? field, string problem)
    : Exception(field is null ? $"{source} line {line}: {problem}" : $"{source} line {line}, field {field}: {problem}")
{
    public string File { get; } = source;

    public int Line { get; } = line;

    public string? Field { get; } = field;

    public string Problem { get; } = problem;
}
