using Shouldly;
using Workbridge.Cli;

namespace Workbridge.Web.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "workbridge-cli-tests", Guid.NewGuid().ToString("N"));

    public CliTests() => Directory.CreateDirectory(_folder);

    private string Connection => $"Data Source={Path.Combine(_folder, "cli.db")}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--connection", Connection], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task InitSeedExportImport_WorkTogether()
    {
        (await Run("init")).Output.ShouldContain("619 ISCO-08 groups, 83 regions");
        var seeded = await Run("seed", "--people", "250", "--facilities", "3", "--seed", "9");
        seeded.Code.ShouldBe(0);
        seeded.Output.ShouldContain("3 facilities and 250 people");

        (await Run("status")).Output.ShouldContain("people=250 in-custody=");
        var file = Path.Combine(_folder, "people.csv");
        (await Run("export", "people", file)).Output.ShouldContain("Exported 250 people");
        File.ReadLines(file).Count().ShouldBe(251);

        var again = await Run("import", "people", file);
        again.Code.ShouldBe(2);
        again.Error.ShouldContain("people.csv line 2, field reference_number");
        again.Error.ShouldContain("Nothing from the file was stored");
    }

    [Fact]
    public async Task Work_EmployersHoursAndPay_FromTheCommandLine()
    {
        await Run("seed", "--people", "20", "--facilities", "1", "--seed", "4");
        var bad = await Run("work", "employers", "add", "--name", "ООО «Проба»", "--tax-id", "7707083894", "--region", "RU-TA");
        bad.Code.ShouldBe(2);
        bad.Error.ShouldContain("is not a valid ИНН");
        var added = await Run("work", "employers", "add", "--name", "ООО «Проба»", "--tax-id", "7707083893", "--region", "RU-TA", "--verified");
        added.Code.ShouldBe(0);
        added.Output.ShouldContain("verified");
        (await Run("work", "employers", "list")).Output.ShouldContain("7707083893");

        var hours = Path.Combine(_folder, "hours.csv");
        File.WriteAllLines(hours, ["placement_id,date,hours", $"{Guid.NewGuid()},2026-11-02,8"]);
        var unknown = await Run("work", "hours", "import", hours);
        unknown.Code.ShouldBe(2);
        unknown.Error.ShouldContain("hours.csv line 2, field placement_id");
        File.WriteAllLines(hours, ["placement_id,date,hours", $"{Guid.NewGuid()},02.11.2026,8"]);
        (await Run("work", "hours", "import", hours)).Error.ShouldContain("line 2, field date: '02.11.2026' is not a date");

        (await Run("work", "pay", "run", "--facility", "NOPE", "--month", "2026-10")).Error.ShouldContain("no facility with the code 'NOPE'");
        var csv = Path.Combine(_folder, "pay.csv");
        (await Run("work", "pay", "export", "--month", "2026-10", "--out", csv)).Code.ShouldBe(0);
        File.ReadAllLines(csv)[0].ShouldStartWith("statement_id,person,facility");
    }

    [Fact]
    public async Task Import_MalformedLine_ExitsWith2AndNamesLineAndField()
    {
        await Run("seed", "--people", "5", "--facilities", "1");
        var export = Path.Combine(_folder, "export.csv");
        await Run("export", "people", export);
        var lines = File.ReadAllLines(export);
        var facility = lines[1].Split(',')[17];
        var file = Path.Combine(_folder, "new.csv");
        File.WriteAllLines(file,
        [
            lines[0],
            $"N-1,Петров,Иван,Иванович,1985-02-03,male,convicted,imprisonment,2024-01-01,2027-01-01,2027-01-01,3,RU-UK 158 ч.2,,ru,yes,no,{facility},,in-custody,",
            $"N-2,Петров,Иван,Иванович,1985-02-30,male,convicted,imprisonment,2024-01-01,2027-01-01,2027-01-01,3,RU-UK 158 ч.2,,ru,yes,no,{facility},,in-custody,",
        ]);

        var result = await Run("import", "people", file);

        result.Code.ShouldBe(2);
        result.Error.ShouldContain("new.csv line 3, field birth_date: '1985-02-30' is not a date");
        (await Run("export", "people", "-")).Output.ShouldNotContain("N-1");
    }

    [Fact]
    public async Task Regions_Import_AddsAnotherCountry_AndANewerMinimumWage()
    {
        var file = Path.Combine(_folder, "regions.csv");
        File.WriteAllLines(file,
        [
            "# Kazakhstan, two regions, for the test",
            "code,name_en,name_ru,population,minimum_wage_kopecks,district_coefficient,minimum_wage_effective,minimum_wage_source,currency,utc_offset_hours",
            "KZ-ALA,Almaty,Алматы,2200000,8500000,1.0,2025-01-01,Law on the republican budget 2025,KZT,5",
            "RU-MOW,Moscow,Москва,13000000,4500000,1.0,2027-01-01,Moscow tripartite agreement 2027,RUB,3",
        ]);

        var result = await Run("regions", "import", file);

        result.Code.ShouldBe(0);
        result.Output.ShouldContain("1 regions added, 1 given a newer minimum wage");
    }

    [Fact]
    public async Task Ledger_CheckpointThenVerify_IsOk_AndAnEditedEntryFails()
    {
        await Run("seed", "--people", "30", "--facilities", "2");
        var checkpoint = Path.Combine(_folder, "checkpoint.json");
        var key = Path.Combine(_folder, "key.pem");
        (await Run("ledger", "checkpoint", "--out", checkpoint, "--key", key)).Code.ShouldBe(0);
        File.Exists(key).ShouldBeTrue();
        var verified = await Run("ledger", "verify", "--checkpoint", checkpoint);
        verified.Code.ShouldBe(0);
        verified.Output.ShouldStartWith("OK");

        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(Connection))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE LedgerEntries SET EntityId = 'someone' WHERE Sequence = 800";
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var failed = await Run("ledger", "verify", "--checkpoint", checkpoint);
        failed.Code.ShouldBe(3);
        failed.Error.ShouldContain("entry 800 has been altered");
    }

    // A JSON line with evidence of forced labour, charged under art. 126.
    private const string ForcedLabourLine =
        "{\"id\":\"a\",\"text\":\"Иванов заставлял потерпевшего работать на ферме, избивал его и забрал паспорт. Осужден по п. «в» ч. 2 ст. 126 УК РФ.\"}\n";

    [Fact]
    public async Task VerdictsAnalyse_BadLines_AreNamedAndTheRunGoesOn()
    {
        var input = Path.Combine(_folder, "corpus.jsonl");
        File.WriteAllText(input,
            ForcedLabourLine +
            "{\"id\": broken\n{\"id\":\"c\",\"text\":\"\"}\n");
        var output = Path.Combine(_folder, "out.jsonl");
        var report = Path.Combine(_folder, "report");

        var run = await Run("verdicts", "analyse", "--input", input, "--output", output, "--report", report);

        run.Code.ShouldBe(0);
        run.Output.ShouldContain("Analysed 1 documents");
        run.Output.ShouldContain("Hidden (evidence, 127.2 not charged): 1");
        run.Error.ShouldContain("corpus.jsonl line 2: broken JSON");
        run.Error.ShouldContain("corpus.jsonl line 3: empty text");
        run.Error.ShouldNotContain(" at Workbridge");
        File.ReadAllLines(output).Length.ShouldBe(1);
        File.ReadAllText(Path.Combine(report, "skipped.csv")).ShouldContain("corpus.jsonl line 2");
        File.Exists(Path.Combine(report, "report.html")).ShouldBeTrue();

        var missing = await Run("verdicts", "analyse", "--input", Path.Combine(_folder, "nowhere"), "--output", output);
        missing.Code.ShouldBe(2);
        missing.Error.ShouldContain("neither a file nor a folder");
    }

    [Fact]
    public async Task VerdictsEvaluate_MeasuresTheAnalysisOnLabelledDocuments_AndNamesABadLabel()
    {
        var input = Path.Combine(_folder, "labelled.jsonl");
        File.WriteAllText(input,
            ForcedLabourLine +
            "{\"id\":\"b\",\"text\":\"Петров похитил потерпевшего и требовал выкуп. Осужден по ч. 2 ст. 126 УК РФ.\"}\n" +
            "{\"id\":\"c\",\"text\":\"Сидоров тайно похитил велосипед. Осужден по ч. 1 ст. 158 УК РФ.\"}\n");
        var labels = Path.Combine(_folder, "labels.tsv");
        File.WriteAllText(labels,
            "# labels for the test\nid\tforced_labour\tindicators\tarticles\tregion\tform\n" +
            "a\ttrue\tphysical-sexual-violence,retention-of-documents\t126\t\tagricultural\n" +
            "b\ttrue\t\t126\t\t\n" +
            "z\tfalse\t\t\t\t\n");

        var run = await Run("verdicts", "evaluate", "--input", input, "--labels", labels);

        run.Code.ShouldBe(0);
        run.Output.ShouldContain("2 labelled documents. forced_labour: precision 1.00, recall 0.50");
        run.Output.ShouldContain("Not counted: 1 documents without a label; 0 repeated ids (the first counted); 1 labels without a document (z).");
        run.Output.ShouldContain("b: forced labour labelled, not found");

        File.WriteAllText(labels, "id\tforced_labour\tindicators\tarticles\na\tyes\t\t\n");
        var bad = await Run("verdicts", "evaluate", "--input", input, "--labels", labels);
        bad.Code.ShouldBe(2);
        bad.Error.ShouldContain("labels.tsv line 2: forced_labour must be true or false, not 'yes'.");
        bad.Error.ShouldNotContain(" at Workbridge");
    }

    [Fact]
    public async Task Help_DescribesEveryCommand()
    {
        var help = await Run("--help");
        foreach (var command in new[] { "init", "status", "seed", "import", "export", "regions", "ledger", "serve" })
        {
            help.Output.ShouldContain(command);
        }

        (await Run("import", "people", "--help")).Output.ShouldContain("reference_number");
    }

    [Fact]
    public async Task MissingFile_IsAnErrorNotACrash()
    {
        var result = await Run("import", "people", Path.Combine(_folder, "nope.csv"));
        result.Code.ShouldBe(2);
        result.Error.ShouldContain("does not exist");
    }

    [Fact]
    public async Task MatchSolve_PlacementFile_PrintsTheObjectiveAndWritesTheFlow()
    {
        var file = Path.Combine(_folder, "small.min");
        await File.WriteAllTextAsync(file, "p min 4 5\nn 1 1\nn 2 1\nn 4 -2\na 1 3 0 1 -7\na 1 4 0 1 0\na 2 3 0 1 -9\na 2 4 0 1 0\na 3 4 0 1 0\n");
        var flow = Path.Combine(_folder, "small.flow");

        var (code, output, _) = await Run("match", "solve", file, "--flow", flow);

        code.ShouldBe(0);
        output.ShouldStartWith("objective=-9\n");
        output.ShouldContain("algorithm=placement-auction certificate=verified nodes=4 arcs=5");
        (await File.ReadAllTextAsync(flow)).ShouldBe("s -9\nf 1 3 0\nf 1 4 1\nf 2 3 1\nf 2 4 0\nf 3 4 1\n");
    }

    [Fact]
    public async Task MatchSolve_MalformedFile_ExitsWith2AndNamesTheLine()
    {
        var file = Path.Combine(_folder, "bad.min");
        await File.WriteAllTextAsync(file, "c fine\np min 2 1\na 1 2 0 1 x\n");

        var (code, _, error) = await Run("match", "solve", file);

        code.ShouldBe(2);
        error.ShouldContain("bad.min, line 3: the cost is not an integer: 'x'");
    }

    [Fact]
    public async Task MatchSolve_InfeasibleFile_ExitsWith3AndSaysWhy()
    {
        var file = Path.Combine(_folder, "stuck.min");
        await File.WriteAllTextAsync(file, "p min 3 1\nn 1 2\nn 3 -2\na 1 2 0 5 1\n");

        var (code, output, error) = await Run("match", "solve", file);

        code.ShouldBe(3);
        output.ShouldNotContain("objective=");
        error.ShouldContain("infeasible: 2 units of supply (at node 1 among others) cannot reach");
    }

    [Fact]
    public async Task MatchBench_WrittenInstance_SolvesToTheSameObjective()
    {
        var file = Path.Combine(_folder, "bench.min");

        var bench = await Run("match", "bench", "--people", "2000", "--orders", "150", "--degree", "12", "--seed", "4", "--out", file);
        var solved = await Run("match", "solve", file, "--algorithm", "general");

        bench.Code.ShouldBe(0);
        solved.Code.ShouldBe(0);
        var objective = bench.Output.Split('\n')[0];
        objective.ShouldStartWith("objective=-");
        solved.Output.Split('\n')[0].ShouldBe(objective);
        bench.Output.ShouldContain("peak_mb=");
    }
}
