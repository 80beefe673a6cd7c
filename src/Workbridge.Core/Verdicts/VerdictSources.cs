using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Workbridge.Core.Verdicts;

/// <summary>
/// Reads court texts for the analysis from a folder (each .txt or .html file one document, its id the path inside the
/// folder without extension; .jsonl and .csv files inside it read as below), a JSON lines file (one object a line with
/// "id" and "text"; other fields are metadata when they are strings, numbers or lists of them, and are otherwise
/// ignored) or a CSV file (a header with "id" and "text" columns; other columns are metadata). Nothing that cannot be
/// read stops the run: it is returned as a <see cref="SkippedInput"/> naming the file or line and the reason.
/// Text must be UTF-8 (a BOM is allowed); a file that is not UTF-8 but reads as Russian in Windows-1251 is decoded so
/// and noted.
/// </summary>
public static partial class VerdictSources
{
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The bytes <see cref="Read"/> will go through: the files' sizes (for a progress bar).</summary>
    public static long TotalBytes(string path) =>
        Directory.Exists(path) ? Files(path).Sum(f => new FileInfo(f).Length) : File.Exists(path) ? new FileInfo(path).Length : 0;

    public static IEnumerable<VerdictRead> Read(string path, CancellationToken cancellationToken = default)
    {
        if (Directory.Exists(path))
        {
            foreach (var file in Files(path))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = Path.GetRelativePath(path, file).Replace('\\', '/');
                foreach (var read in ReadFile(file, name, cancellationToken))
                {
                    yield return read;
                }
            }

            yield break;
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is neither a file nor a folder.");
        }

        foreach (var read in ReadFile(path, Path.GetFileName(path), cancellationToken))
        {
            yield return read;
        }
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false })
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<VerdictRead> ReadFile(string file, string name, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(file).ToLowerInvariant();
        return extension switch
        {
            ".jsonl" or ".ndjson" => JsonLines(file, name, cancellationToken),
            ".csv" => Csv(file, name, cancellationToken),
            ".txt" or ".text" or ".html" or ".htm" => [Single(file, name, extension is ".html" or ".htm")],
            _ => [new VerdictRead(null, new SkippedInput(name, $"not a .txt, .html, .jsonl or .csv file ('{extension}')", "unsupported file type"), SafeLength(file))],
        };
    }

    private static VerdictRead Single(string file, string name, bool html)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new VerdictRead(null, new SkippedInput(name, "cannot be read: " + e.Message, "unreadable file"), 0);
        }

        var (text, note, problem) = Decode(bytes);
        if (problem is not null)
        {
            return new VerdictRead(null, new SkippedInput(name, problem, "bad encoding"), bytes.Length);
        }

        if (html)
        {
            text = HtmlText(text!);
        }

        var id = name[..^Path.GetExtension(name).Length];
        return string.IsNullOrWhiteSpace(text)
            ? new VerdictRead(null, new SkippedInput(name, "empty text", "empty text"), bytes.Length)
            : new VerdictRead(new VerdictDocument(id, text), null, bytes.Length, note is null ? null : $"{name}: {note}");
    }

    /// <summary>UTF-8 (BOM allowed), else Windows-1251 when the bytes read as Russian; else the reason it cannot be read.</summary>
    public static (string? Text, string? Note, string? Problem) Decode(ReadOnlySpan<byte> bytes)
    {
        var body = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var unicode = bytes[1] == 0xFE ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return (unicode.GetString(bytes[2..]), "read as UTF-16", null);
        }

        if (body.IndexOf((byte)0) >= 0)
        {
            return (null, null, "binary data (a NUL byte), not text");
        }

        try
        {
            return (_strictUtf8.GetString(body), null, null);
        }
        catch (DecoderFallbackException e)
        {
            if (LooksLikeWindows1251(body))
            {
                return (Windows1251.GetString(body), "not UTF-8; read as Windows-1251", null);
            }

            return (null, null, $"not UTF-8 text (invalid byte sequence at byte {e.Index})");
        }
    }

    private static Encoding Windows1251
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1251);
        }
    }

    // Russian in Windows-1251: most high bytes are the Cyrillic letters (0xC0–0xFF, ё/Ё 0xB8/0xA8), few are anything else.
    private static bool LooksLikeWindows1251(ReadOnlySpan<byte> bytes)
    {
        int high = 0, letters = 0;
        foreach (var b in bytes)
        {
            if (b >= 0x80)
            {
                high++;
                letters += b >= 0xC0 || b is 0xA8 or 0xB8 ? 1 : 0;
            }
            else if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t'))
            {
                return false;
            }
        }

        return high > 0 && letters >= high * 0.9;
    }

    private static IEnumerable<VerdictRead> JsonLines(string file, string name, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in ByteLines.Read(file))
        {
            number++;
            if (number % 1024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var source = $"{name} line {number}";
            var bytes = line.Length + 1;
            if (line.Span.Trim((byte)'\r').Trim((byte)' ').IsEmpty)
            {
                continue;
            }

            yield return JsonLine(line, source, number, bytes, seen);
        }
    }

    private static VerdictRead JsonLine(ReadOnlyMemory<byte> line, string source, int number, int bytes, Dictionary<string, int> seen)
    {
        // A reader, not a document: the text is read straight into one string, nothing else of the line is kept.
        string? id = null;
        string? text = null;
        Dictionary<string, string>? metadata = null;
        try
        {
            var reader = new Utf8JsonReader(line.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return new VerdictRead(null, new SkippedInput(source, "a JSON object with \"id\" and \"text\" expected", "broken JSON"), bytes);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                var isText = !isId && reader.ValueTextEquals("text"u8);
                var name = isId || isText ? null : reader.GetString()!;
                reader.Read();
                if (isText)
                {
                    text = reader.TokenType == JsonTokenType.String ? Text(ref reader) : Skip(ref reader);
                    continue;
                }

                var value = Scalar(ref reader);
                if (isId)
                {
                    id = value;
                }
                else if (value is not null)
                {
                    (metadata ??= new Dictionary<string, string>(StringComparer.Ordinal))[name!] = value;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return new VerdictRead(null, new SkippedInput(source, "broken JSON (more than one value on the line)", "broken JSON"), bytes);
            }
        }
        catch (JsonException e)
        {
            return new VerdictRead(null, new SkippedInput(source, $"broken JSON ({FirstSentence(e.Message)})", "broken JSON"), bytes);
        }
        catch (InvalidOperationException)
        {
            return new VerdictRead(null, new SkippedInput(source, "not UTF-8 text", "bad encoding"), bytes);
        }

        return Document(source, id, text, metadata, bytes, number, seen);
    }

    /// <summary>
    /// The text field, unescaped and transcoded into a pooled buffer in one pass: GetString would first count its
    /// characters, a second pass over the largest field of every line. A UTF-8 field has no more characters than bytes.
    /// </summary>
    private static string Text(ref Utf8JsonReader reader)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, reader.ValueSpan.Length));
        try
        {
            return new string(buffer, 0, reader.CopyString(buffer));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>A string, number or boolean as text, a list of them joined by "; "; objects and null are skipped.</summary>
    private static string? Scalar(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True or JsonTokenType.False:
                return reader.GetBoolean() ? "true" : "false";
            case JsonTokenType.StartArray:
                var items = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (Scalar(ref reader) is { } item)
                    {
                        items.Add(item);
                    }
                }

                return string.Join("; ", items);
            default:
                return Skip(ref reader);
        }
    }

    private static string? Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    private static VerdictRead Document(string source, string? id, string? text, Dictionary<string, string>? metadata, int bytes, int number, Dictionary<string, int> seen)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return new VerdictRead(null, new SkippedInput(source, "no \"id\"", "missing id"), bytes);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new VerdictRead(null, new SkippedInput(source, $"empty text (id {id})", "empty text"), bytes);
        }

        if (!seen.TryAdd(id, number))
        {
            return new VerdictRead(null, new SkippedInput(source, $"duplicate id {id} (first at line {seen[id]})", "duplicate id"), bytes);
        }

        return new VerdictRead(new VerdictDocument(id, text, metadata), null, bytes);
    }

    private static string FirstSentence(string message)
    {
        var stop = message.IndexOf(". ", StringComparison.Ordinal);
        return stop > 0 ? message[..stop] : message.TrimEnd('.');
    }

    private static IEnumerable<VerdictRead> Csv(string file, string name, CancellationToken cancellationToken)
    {
        byte[] bytes;
        string? problem = null;
        string? text = null;
        string? note = null;
        try
        {
            bytes = File.ReadAllBytes(file);
            (text, note, problem) = Decode(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bytes = [];
            problem = "cannot be read: " + e.Message;
        }

        if (problem is not null)
        {
            yield return new VerdictRead(null, new SkippedInput(name, problem, "bad encoding"), bytes.Length);
            yield break;
        }

        var rows = new CsvRecords(text!);
        var header = rows.Next();
        if (header is null || rows.Error is not null)
        {
            yield return new VerdictRead(null, new SkippedInput(name, rows.Error ?? "empty file, no header", "broken CSV"), bytes.Length);
            yield break;
        }

        var columns = header.Value.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var idColumn = columns.IndexOf("id");
        var textColumn = columns.IndexOf("text");
        if (idColumn < 0 || textColumn < 0)
        {
            yield return new VerdictRead(null, new SkippedInput(name + " line 1", "the header must name an \"id\" and a \"text\" column", "broken CSV"), bytes.Length);
            yield break;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var perRow = bytes.Length / Math.Max(1, text!.Length);
        var first = true;
        while (rows.Next() is { } row)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = $"{name} line {row.Line}";
            var size = Math.Max(1, row.Characters * Math.Max(1, perRow));
            if (row.Fields.Count == 1 && row.Fields[0].Length == 0)
            {
                continue;
            }

            if (row.Fields.Count != columns.Count)
            {
                yield return new VerdictRead(null, new SkippedInput(source, $"{row.Fields.Count} fields where the header has {columns.Count}", "broken CSV"), size);
                continue;
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                if (i != idColumn && i != textColumn && row.Fields[i].Length > 0)
                {
                    metadata[columns[i]] = row.Fields[i];
                }
            }

            var read = Document(source, row.Fields[idColumn], row.Fields[textColumn], metadata.Count == 0 ? null : metadata, size, row.Line, seen);
            yield return first && note is not null ? read with { Note = $"{name}: {note}" } : read;
            first = false;
        }

        if (rows.Error is not null)
        {
            yield return new VerdictRead(null, new SkippedInput(name, rows.Error + "; the rest of the file was not read", "broken CSV"), 0);
        }
    }

    private static long SafeLength(string file)
    {
        try
        {
            return new FileInfo(file).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>
    /// The text of an HTML page: scripts, styles and comments removed, block elements (p, div, br, li, tr, headings)
    /// as line breaks so sentences and paragraphs stay apart, entities decoded. Offsets in the output point into this
    /// text, which is what the analysis was given.
    /// </summary>
    public static string HtmlText(string html)
    {
        var text = Hidden().Replace(html, " ");
        text = Block().Replace(text, "\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        return SpaceRuns().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"<(script|style|head|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<\s*(/?\s*(p|div|li|tr|h[1-6]|section|article|blockquote|pre|table|ul|ol)\b[^>]*|br\s*/?)\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Block();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\f\v]+", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceRuns();
}
