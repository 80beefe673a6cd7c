using System.Text;

namespace Workbridge.Core.Verdicts;

/// <summary>
/// RFC 4180 records of a CSV text: fields in double quotes may hold commas, line breaks and doubled quotes. Each record
/// knows the line it starts on. An unterminated quote stops the reading with <see cref="Error"/> set.
/// </summary>
public sealed class CsvRecords(string text)
{
    private int _at;
    private int _line = 1;

    /// <summary>A record: its fields, the line it starts on, and how many characters it spans.</summary>
    public readonly record struct Record(IReadOnlyList<string> Fields, int Line, int Characters);

    public string? Error { get; private set; }

    public Record? Next()
    {
        if (_at >= text.Length || Error is not null)
        {
            return null;
        }

        var start = _at;
        var line = _line;
        var fields = new List<string>();
        var field = new StringBuilder();
        while (true)
        {
            if (_at < text.Length && text[_at] == '"' && field.Length == 0)
            {
                _at++;
                while (true)
                {
                    if (_at >= text.Length)
                    {
                        Error = $"line {line}: a quoted field is never closed";
                        return null;
                    }

                    var c = text[_at++];
                    if (c == '"')
                    {
                        if (_at < text.Length && text[_at] == '"')
                        {
                            field.Append('"');
                            _at++;
                            continue;
                        }

                        break;
                    }

                    _line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }

            while (_at < text.Length && text[_at] is not (',' or '\n' or '\r'))
            {
                field.Append(text[_at++]);
            }

            fields.Add(field.ToString());
            field.Clear();
            if (_at < text.Length && text[_at] == ',')
            {
                _at++;
                continue;
            }

            if (_at < text.Length && text[_at] == '\r')
            {
                _at++;
            }

            if (_at < text.Length && text[_at] == '\n')
            {
                _at++;
            }

            _line++;
            return new Record(fields, line, _at - start);
        }
    }
}
