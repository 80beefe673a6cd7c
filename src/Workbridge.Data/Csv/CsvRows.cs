using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Workbridge.Data.Csv;

/// <summary>One data row of a CSV file, read by column name, with its line number for error messages.</summary>
public sealed class CsvRow(string source, int line, IReadOnlyDictionary<string, int> columns, string[] values)
{
    public string Source { get; } = source;

    public int Line { get; } = line;

    /// <summary>The trimmed value of a required column; empty is an error naming the field.</summary>
    public string Required(string field)
    {
        var value = Optional(field);
        return value ?? throw Error(field, "is empty");
    }

    /// <summary>The trimmed value, or null when the cell is empty.</summary>
    public string? Optional(string field)
    {
        if (!columns.TryGetValue(field, out var index))
        {
            throw new ImportError(Source, Line, field, "the file has no such column");
        }

        var value = index < values.Length ? values[index].Trim() : "";
        return value.Length == 0 ? null : value;
    }

    public bool Has(string field) => columns.ContainsKey(field);

    public T Parse<T>(string field, Func<string, T?> parse, string expected)
        where T : struct
    {
        var text = Required(field);
        return parse(text) ?? throw Error(field, $"'{text}' is not {expected}");
    }

    public T? ParseOptional<T>(string field, Func<string, T?> parse, string expected)
        where T : struct
    {
        var text = Optional(field);
        return text is null ? null : parse(text) ?? throw Error(field, $"'{text}' is not {expected}");
    }

    public ImportError Error(string field, string problem) => new(Source, Line, field, problem);
}

/// <summary>
/// Reads RFC 4180 CSV with a header row; lines starting with '#' before the header are comments (reference files
/// name their sources there). After the header every line is data: nothing is skipped silently, and a stray quote is
/// an error. Every problem is an <see cref="ImportError"/> with the line.
/// </summary>
public static class CsvRows
{
    public static IEnumerable<CsvRow> Read(TextReader reader, string source, params string[] requiredColumns)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            AllowComments = false,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.None,
        };
        CsvParser? parser = null;
        Dictionary<string, int>? columns = null;
        // Comments before the header are free prose; from the header on, a stray quote is an error.
        configuration.BadDataFound = _ =>
        {
            if (columns is not null)
            {
                throw new ImportError(source, parser!.RawRow, null, "a quote is out of place: a field with a comma or a quote must be quoted, and its quotes doubled");
            }
        };
        using var csv = parser = new CsvParser(reader, configuration);
        while (true)
        {
            bool read;
            try
            {
                read = csv.Read();
            }
            catch (CsvHelperException e)
            {
                throw new ImportError(source, csv.RawRow, null, $"the line cannot be read as CSV ({e.GetType().Name})");
            }

            if (!read)
            {
                break;
            }

            var record = csv.Record ?? [];
            if (columns is null && record.Length > 0 && record[0].TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (columns is null)
            {
                columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < record.Length; i++)
                {
                    if (!columns.TryAdd(record[i].Trim().TrimStart('\uFEFF'), i))
                    {
                        throw new ImportError(source, csv.RawRow, record[i], "the header names this column twice");
                    }
                }

                if (requiredColumns.FirstOrDefault(c => !columns.ContainsKey(c)) is { } missing)
                {
                    throw new ImportError(source, csv.RawRow, missing, $"the header lacks this column (expected: {string.Join(',', requiredColumns)})");
                }

                continue;
            }

            if (record.Length == 1 && string.IsNullOrWhiteSpace(record[0]))
            {
                continue;
            }

            if (record.Length != columns.Count)
            {
                throw new ImportError(source, csv.RawRow, null, $"{record.Length} fields where the header has {columns.Count}");
            }

            yield return new CsvRow(source, csv.RawRow, columns, record);
        }

        if (columns is null)
        {
            throw new ImportError(source, 1, null, "the file is empty: a header row is needed");
        }
    }

    /// <summary>Quotes a field when RFC 4180 needs it.</summary>
    public static string Field(string? value)
    {
        value ??= "";
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
