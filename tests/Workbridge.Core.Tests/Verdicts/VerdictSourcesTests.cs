using Shouldly;
using Workbridge.Core.Verdicts;

namespace Workbridge.Core.Tests.Verdicts;

public sealed class VerdictSourcesTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("verdict-sources-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Read_JsonLines_ReportsEachBadLineAndGoesOn()
    {
        var path = Write("c.jsonl", "{\"id\":\"a\",\"text\":\"один\",\"court\":\"суд\",\"articles\":[\"127.2\",\"126\"],\"extra\":{\"x\":1}}\n{\"id\": broken\n{\"id\":\"c\",\"text\":\"  \"}\n\n[1,2]\n{\"text\":\"без id\"}\n{\"id\":\"a\",\"text\":\"снова\"}\n{\"id\":7,\"text\":\"семь\"}\n");
        var reads = VerdictSources.Read(path).ToList();
        reads.Where(r => r.Document is not null).Select(r => r.Document!.Id).ShouldBe(["a", "7"]);
        reads[0].Document!.Metadata!["articles"].ShouldBe("127.2; 126");
        reads[0].Document!.Metadata!.ContainsKey("extra").ShouldBeFalse();
        reads.Where(r => r.Skipped is not null).Select(r => $"{r.Skipped!.Source}|{r.Skipped.Category}").ShouldBe([
            "c.jsonl line 2|broken JSON", "c.jsonl line 3|empty text", "c.jsonl line 5|broken JSON", "c.jsonl line 6|missing id", "c.jsonl line 7|duplicate id",
        ]);
    }

    [Fact]
    public void Read_JsonLineWithBadUtf8_IsSkippedAsBadEncoding()
    {
        var path = Write("u.jsonl", [.. "{\"id\":\"x\",\"text\":\""u8.ToArray(), 0xC3, 0x28, .. "\"}\n"u8.ToArray()]);
        VerdictSources.Read(path).Single().Skipped!.Category.ShouldBe("bad encoding");
    }

    [Fact]
    public void Read_Folder_ReadsTextHtmlCsvAndNamesBadFiles()
    {
        Write("a/one.txt", "Первый приговор.");
        Write("two.html", "<html><head><title>x</title><script>var a=1;</script></head><body><p>Второй&nbsp;приговор.</p><p>Абзац</p></body></html>");
        Write("three.csv", "id,text,region\nc1,\"Третий, с запятой\nи переносом\",Пермский край\nc2\n");
        Write("empty.txt", "");
        Write("binary.txt", [0x00, 0x01, 0x02]);
        Write("cp1251.txt", [0xCF, 0xF0, 0xE8, 0xE3, 0xEE, 0xE2, 0xEE, 0xF0, 0x2E]);
        Write("notes.docx", "x");
        var reads = VerdictSources.Read(_folder.FullName).ToList();
        var documents = reads.Where(r => r.Document is not null).ToDictionary(r => r.Document!.Id, r => r.Document!);
        documents["a/one"].Text.ShouldBe("Первый приговор.");
        documents["two"].Text.ShouldBe("Второй\u00a0приговор.\n\nАбзац");
        documents["c1"].Text.ShouldBe("Третий, с запятой\nи переносом");
        documents["c1"].Metadata!["region"].ShouldBe("Пермский край");
        documents["cp1251"].Text.ShouldBe("Приговор.");
        var skipped = reads.Where(r => r.Skipped is not null).Select(r => $"{r.Skipped!.Source}|{r.Skipped.Category}").ToList();
        skipped.ShouldContain("empty.txt|empty text");
        skipped.ShouldContain("binary.txt|bad encoding");
        skipped.ShouldContain("notes.docx|unsupported file type");
        skipped.ShouldContain("three.csv line 4|broken CSV");
    }

    [Fact]
    public void Read_CsvWithAnUnclosedQuote_ReportsTheLine()
    {
        var path = Write("q.csv", "id,text\nok,fine\nbad,\"never closed\n");
        var reads = VerdictSources.Read(path).ToList();
        reads.Single(r => r.Document is not null).Document!.Id.ShouldBe("ok");
        reads.Single(r => r.Skipped is not null).Skipped!.Reason.ShouldContain("line 3");
    }

    [Fact]
    public void Analyse_RunOverFolder_WritesOneLinePerDocumentAndCountsSkips()
    {
        Write("one.txt", "Иванов заставлял потерпевшего работать на ферме, избивал его и отобрал паспорт. Осужден по ст. 126 УК РФ.");
        Write("two.txt", "");
        // A wage dispute: its unpaid wages are seen, but they are not an indicator of forced labour found.
        Write("three.txt", "Рабочие работали на стройке у Петрова, он не выплачивал им зарплату. Они уволились и обратились в суд.");
        using var output = new MemoryStream();
        var report = VerdictRun.Analyse(_folder.FullName, output, new VerdictAnalyser(VerdictLexicon.Default, null));
        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        using var json = System.Text.Json.JsonDocument.Parse(lines[0]);
        using var dispute = System.Text.Json.JsonDocument.Parse(lines[1]);
        dispute.RootElement.GetProperty("forced_labour").GetBoolean().ShouldBeFalse();
        dispute.RootElement.GetProperty("indicators").GetArrayLength().ShouldBe(0);
        dispute.RootElement.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("indicator").GetString()).ShouldContain("withholding-of-wages");
        json.RootElement.GetProperty("forced_labour").GetBoolean().ShouldBeTrue();
        json.RootElement.GetProperty("articles")[0].GetString().ShouldBe("126");
        report.Hidden.ShouldBe(1);
        report.SkippedByReason.ShouldBe([("empty text", 1)]);
        var directory = Path.Combine(_folder.FullName, "report");
        report.WriteTo(directory);
        File.ReadAllText(Path.Combine(directory, "summary.csv")).ShouldContain("hidden_evidence_without_127_2,1");
        File.ReadAllText(Path.Combine(directory, "report.html")).ShouldContain("<svg");
        File.ReadAllText(Path.Combine(directory, "indicators.csv")).ShouldContain("withholding-of-wages,1,0");
        File.ReadAllText(Path.Combine(directory, "skipped.csv")).ShouldContain("two.txt,empty text");
    }
}
