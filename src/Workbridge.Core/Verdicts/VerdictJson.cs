using System.Text.Encodings.Web;
using System.Text.Json;
using Workbridge.Core.Common;

namespace Workbridge.Core.Verdicts;

/// <summary>
/// Writes findings as JSON lines, one object a document: id, forced_labour, indicators (codes), articles (numbers only),
/// region (ISO 3166-2 or null), form (or null), evidence [{indicator, sentence, start, end, strength, sentence_start}], and, to explain
/// the decision, work [{element, sentence, start, end}] and reason.
/// </summary>
public sealed class VerdictJson : IDisposable
{
    private static readonly JsonWriterOptions _options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _writer;

    public VerdictJson(Stream stream)
    {
        _stream = stream;
        _writer = new Utf8JsonWriter(stream, _options);
    }

    public void Write(VerdictFinding finding)
    {
        _writer.Reset(_stream);
        _writer.WriteStartObject();
        _writer.WriteString("id", finding.Id);
        _writer.WriteBoolean("forced_labour", finding.ForcedLabour);
        _writer.WriteStartArray("indicators");
        foreach (var indicator in finding.Indicators)
        {
            _writer.WriteStringValue(EnumText.Kebab(indicator));
        }

        _writer.WriteEndArray();
        _writer.WriteStartArray("articles");
        foreach (var article in finding.Articles)
        {
            _writer.WriteStringValue(article);
        }

        _writer.WriteEndArray();
        WriteNullable("region", finding.Region);
        WriteNullable("form", finding.Form is { } form ? EnumText.Kebab(form) : null);
        _writer.WriteStartArray("evidence");
        foreach (var evidence in finding.Evidence)
        {
            _writer.WriteStartObject();
            _writer.WriteString("indicator", evidence.Indicator);
            _writer.WriteString("sentence", evidence.Sentence);
            _writer.WriteNumber("start", evidence.Start);
            _writer.WriteNumber("end", evidence.End);
            _writer.WriteString("strength", evidence.Strong ? "strong" : "medium");
            _writer.WriteNumber("sentence_start", evidence.SentenceStart);
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        _writer.WriteStartArray("work");
        foreach (var work in finding.Work)
        {
            _writer.WriteStartObject();
            _writer.WriteString("element", work.Indicator);
            _writer.WriteString("sentence", work.Sentence);
            _writer.WriteNumber("start", work.Start);
            _writer.WriteNumber("end", work.End);
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        _writer.WriteString("reason", finding.Reason);
        _writer.WriteEndObject();
        _writer.Flush();
        _stream.WriteByte((byte)'\n');
    }

    private void WriteNullable(string name, string? value)
    {
        if (value is null)
        {
            _writer.WriteNull(name);
        }
        else
        {
            _writer.WriteString(name, value);
        }
    }

    public void Dispose() => _writer.Dispose();
}
