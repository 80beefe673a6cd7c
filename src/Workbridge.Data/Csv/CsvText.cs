namespace Workbridge.Data.Csv;

/// <summary>Writing CSV cells that spreadsheets read safely.</summary>
public static class CsvText
{
    /// <summary>
    /// Quotes a cell holding a comma, quote or line break; a leading =, +, - or @ (which a spreadsheet would run as a
    /// formula, and titles come from employers) gets a quote mark first.
    /// </summary>
    public static string Cell(string text)
    {
        var safe = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
