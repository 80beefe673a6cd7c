using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Workbridge.Core.Matching;

namespace Workbridge.Cli;

/// <summary>
/// `workbridge match`: the matching engine on DIMACS min-cost-flow files and on generated national-scale instances.
/// Exit codes beyond CliApp's: 3 the file has no feasible flow, 4 a solver's answer failed its certificate (a defect).
/// </summary>
public static class MatchCommands
{
    public static Command Create(TextWriter output, TextWriter error) => new("match", "The matching engine: optimal placements as minimum-cost flow, checked by a certificate.")
    {
        Solve(output, error),
        Bench(output, error),
        Run(output),
        Export(output),
        TopK(output),
        _trace,
    };

    private static readonly Option<bool> _trace = new("--trace") { Description = "Print each solver phase with its time on standard error.", Recursive = true };

    private static readonly Option<string?> _facility = new("--facility") { Description = "Match the people of one facility (its code, e.g. IK-6-74)." };
    private static readonly Option<string?> _region = new("--region") { Description = "Match the people of one region (ISO 3166-2 code, e.g. RU-TA)." };
    private static readonly Option<bool> _national = new("--national") { Description = "Match everyone in the service." };

    private static Command TopK(TextWriter output)
    {
        var people = new Option<int>("--people") { Description = "How many people to generate in memory.", DefaultValueFactory = _ => 1_000_000 };
        var facilityCount = new Option<int>("--facilities") { Description = "How many facilities they are held in.", DefaultValueFactory = _ => 700 };
        var orders = new Option<int>("--orders") { Description = "How many job orders to ask for candidates, one after the other.", DefaultValueFactory = _ => 200 };
        var k = new Option<int>("--k") { Description = "Candidates per order.", DefaultValueFactory = _ => 50 };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic population and orders.", DefaultValueFactory = _ => 1 };
        var command = new Command("topk", "Benchmark: generate a synthetic population in memory (as `workbridge seed` would), build the candidate index, then ask it for the best k candidates of random job orders (in-facility, off-site, remote; with and without access needs) and print the median and 95th-percentile time per order.") { people, facilityCount, orders, k, seed };
        command.SetAction(parse =>
        {
            var now = DateTime.UtcNow;
            var today = DateOnly.FromDateTime(now);
            using var regionsFile = Data.Reference.ReferenceData.OpenEmbedded(Data.Reference.ReferenceData.RussianRegionsFile);
            var regions = Data.Reference.ReferenceData.ReadRegions(regionsFile, Data.Reference.ReferenceData.RussianRegionsFile);
            using var offencesFile = Data.Reference.ReferenceData.OpenEmbedded(Data.Reference.ReferenceData.OffencesFile);
            var offences = Data.Reference.ReferenceData.ReadOffences(offencesFile, Data.Reference.ReferenceData.OffencesFile);
            var generator = new Data.Seeding.PopulationGenerator(parse.GetValue(seed), now, regions, offences, Data.Seeding.NameTables.LoadEmbedded());
            var clock = Stopwatch.StartNew();
            var facilities = generator.Facilities(parse.GetValue(facilityCount), null, 1, parse.GetValue(people));
            var population = generator.People(parse.GetValue(people), facilities).Select(p => p.Person).ToList();
            var generated = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var index = new CandidateIndex(population, facilities, new Dictionary<Guid, int>());
            var built = clock.Elapsed.TotalSeconds;
            var byCode = regions.ToDictionary(r => r.Code);
            var random = new Random(parse.GetValue(seed));
            var codes = Data.Seeding.PopulationGenerator.OccupationCodes;
            var employer = new Core.Work.Employer("ООО «Бенчмарк»", "7707083893", facilities[0].RegionCode, Core.Work.EmployerSector.Private);
            employer.Verify(now);
            var times = new List<double>();
            var found = 0L;
            for (var i = 0; i < parse.GetValue(orders); i++)
            {
                var facility = facilities[random.Next(facilities.Count)];
                var region = byCode[facility.RegionCode];
                var mode = (Core.Work.WorkMode)random.Next(1, 4);
                var wage = Core.Pay.MinimumPay.HourlyMinimum(region, today) * random.Next(101, 160) / 100;
                var terms = Core.Work.Terms.Validated("Work", "Work described plainly for the benchmark.", wage, random.Next(10, 41), today, today.AddDays(180), 40);
                var access = random.Next(3) == 0 ? Core.Work.AccessNeed.PersonalData : Core.Work.AccessNeed.None;
                var order = Core.Work.JobOrder.Create(mode == Core.Work.WorkMode.InFacility && random.Next(2) == 0 ? null : employer, facility, mode, codes[random.Next(codes.Count)], terms, 10,
                    mode == Core.Work.WorkMode.OffSite ? [facility.RegionCode] : [], access, random.Next(5) == 0, "A duty officer supervises the work.", null, mode == Core.Work.WorkMode.Remote ? byCode[employer.RegionCode] : region, now);
                clock.Restart();
                found += index.Top(order, byCode, Core.Work.EligibilityRules.Defaults, today, parse.GetValue(k)).Count;
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"people={population.Count} facilities={facilities.Count} orders={times.Count} k={parse.GetValue(k)} generate_s={generated:0.0} index_s={built:0.00} median_ms={times[times.Count / 2]:0.00} p95_ms={times[(int)(times.Count * 0.95)]:0.00} max_ms={times[^1]:0.00} candidates_returned={found} managed_mb={GC.GetTotalMemory(false) / 1_048_576}"));
            return 0;
        });
        return command;
    }

    private static Command Run(TextWriter output)
    {
        var path = new Option<FileInfo>("--out") { Description = "Where to write the plan (CSV: person, facility, opening, score, its parts, and the reason for every person without a proposal).", Required = true };
        var propose = new Option<bool>("--propose") { Description = "Also record each proposal as a proposed placement. Nothing is agreed until the person applies and consents." };
        var command = new Command("run", "Find the best overall allocation of the people in scope (who want work or training and have no active placement) to the open orders and cohorts that serve them: every hard rule respected, the total fit score as high as possible, solved exactly and checked by its certificate.") { _facility, _region, _national, path, propose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (result, _) = await RunAsync(parse, parse.GetValue(propose), cancellationToken);
            await File.WriteAllTextAsync(parse.GetValue(path)!.FullName, Web.Features.Matching.MatchRuns.Csv(result), cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Scope}: {result.People} people, {result.Openings} openings, {result.Candidates} eligible pairs; {result.Placed} proposals, total score {result.TotalScore} ({result.Algorithm}); {result.ProposalsCreated} proposed placements recorded. Plan in {parse.GetValue(path)!.FullName}."));
            return 0;
        });
        return command;
    }

    private static Command Export(TextWriter output)
    {
        var path = new Option<FileInfo>("--out") { Description = "The DIMACS file to write (people, then openings, then the sink; see ../shared/bench/lemon/README.md).", Required = true };
        var command = new Command("export", "Write the current population's placement instance as a DIMACS min-cost-flow file, to check the engine against any other solver (LEMON: ../shared/bench/lemon/run FILE).") { _facility, _region, _national, path };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (result, instance) = await RunAsync(parse, false, cancellationToken);
            var (network, _) = PlacementPlan.Network(instance.People, instance.Seats, instance.Candidates);
            await using (var stream = File.Create(parse.GetValue(path)!.FullName))
            {
                DimacsWriter.WriteProblem(network, stream, $"Workbridge placement instance, {result.Scope}: {result.People} people, {result.Openings} openings; optimum total score {result.TotalScore}");
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{network.NodeCount} nodes and {network.ArcCount} arcs written to {parse.GetValue(path)!.FullName}; objective={-result.TotalScore}."));
            return 0;
        });
        return command;
    }

    private static async Task<(Web.Features.Matching.MatchRunResult Result, Web.Features.Matching.FlowInstance Instance)> RunAsync(ParseResult parse, bool propose, CancellationToken cancellationToken)
    {
        var (_, db) = await CliApp.OpenAsync(parse, cancellationToken);
        await using var _db = db;
        Guid? facilityId = null;
        if (parse.GetValue(_facility) is { } code)
        {
            facilityId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.Facilities.Where(f => f.Code == code).Select(f => (Guid?)f.Id), cancellationToken)
                ?? throw new Core.Common.RuleViolation("facility.unknown", $"There is no facility with the code '{code}'.", "facility");
        }

        var uow = new Data.UnitOfWork(db, TimeProvider.System);
        var runs = new Web.Features.Matching.MatchRuns(uow, new Web.Features.Work.WorkReader(db));
        return await runs.RunAsync(Core.Access.Actor.System("cli"), new Web.Features.Matching.MatchRunInput(facilityId, parse.GetValue(_region), parse.GetValue(_national), propose), null, cancellationToken);
    }

    private static Command Solve(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A DIMACS min-cost-flow file: 'p min NODES ARCS', 'n ID SUPPLY', 'a FROM TO 0 CAP COST' (lower bounds must be 0)." };
        var flow = new Option<string?>("--flow") { Description = "Also write the optimal flow here, in DIMACS solution form ('s COST', then 'f FROM TO FLOW' for every arc in file order)." };
        var algorithm = Algorithm();
        var supplies = new Option<string>("--supply")
        {
            Description = "exact (DIMACS: every supply and demand met exactly) or at-least (LEMON's default: demands are upper bounds, so supplies may sum below 0).",
            DefaultValueFactory = _ => "exact",
        };
        var command = new Command("solve", "Solve any DIMACS min-cost-flow file and print 'objective=<total cost>' (the minimum total cost) and a line of figures. The answer is printed only after its optimality certificate (potentials with nonnegative reduced costs on every arc with room) has been checked. A placement network (people with supply 1, orders, one sink) gets the fast placement solver; any other network the general one. A malformed file is refused with its line number.")
        {
            file, flow, algorithm, supplies,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new FileNotFoundException($"{path.FullName} does not exist.");
            }

            var clock = Stopwatch.StartNew();
            var network = DimacsReader.Read(path.FullName);
            var read = clock.Elapsed;
            var solution = WithStatus(parse, error, $"Solving {path.Name}", progress => MinCostFlow.Solve(network, ParseAlgorithm(parse.GetValue(algorithm)), progress, ParseSupplyRule(parse.GetValue(supplies))));
            var solved = clock.Elapsed - read;
            if (Report(output, error, network, solution, $"read_s={Seconds(read)} solve_s={Seconds(solved)}") is var failed and not 0)
            {
                return failed;
            }

            if (parse.GetValue(flow) is { } flowPath)
            {
                using var stream = File.Create(flowPath);
                DimacsWriter.WriteFlow(network, solution.Flow, solution.Objective, stream);
            }

            return 0;
        });
        return command;
    }

    private static Command Bench(TextWriter output, TextWriter error)
    {
        var people = new Option<int>("--people") { Description = "People (each may take one place).", DefaultValueFactory = _ => 1_000_000 };
        var orders = new Option<int>("--orders") { Description = "Job orders (each with skewed seats).", DefaultValueFactory = _ => 100_000 };
        var degree = new Option<int>("--degree") { Description = "Mean number of eligible orders per person.", DefaultValueFactory = _ => 60 };
        var seed = new Option<ulong>("--seed") { Description = "Random seed: the same parameters give the same instance.", DefaultValueFactory = _ => 1 };
        var instanceFile = new Option<string?>("--out") { Description = "Also write the instance as a DIMACS file (for `match solve` and LEMON)." };
        var noSolve = new Option<bool>("--no-solve") { Description = "Only generate (and write with --out); do not solve." };
        var algorithm = Algorithm();
        var command = new Command("bench", "Generate a synthetic placement instance in memory (regions of different sizes, remote orders open to all, skewed seats and popularity, tied scores; see docs/matching.md), solve it and print the objective, the times and the peak memory. Defaults: the national scale, 1,000,000 people × 100,000 orders × ~60 eligible each.")
        {
            people, orders, degree, seed, instanceFile, noSolve, algorithm,
        };
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var parameters = new PlacementInstanceGenerator.Parameters(parse.GetValue(people), parse.GetValue(orders), parse.GetValue(degree), parse.GetValue(seed));
            var network = WithStatus(parse, error, $"Generating {parameters.People:N0} people × {parameters.Orders:N0} orders", progress => PlacementInstanceGenerator.Generate(parameters, progress is null ? null : new Fraction(done => progress.Report($"{done:P0} of the people"))));
            var generated = clock.Elapsed;
            if (parse.GetValue(instanceFile) is { } path)
            {
                using var stream = File.Create(path);
                DimacsWriter.WriteProblem(network, stream, $"workbridge match bench --people {parameters.People} --orders {parameters.Orders} --degree {parameters.Degree} --seed {parameters.Seed}");
            }

            var written = clock.Elapsed - generated;
            if (parse.GetValue(noSolve))
            {
                output.WriteLine($"generated nodes={network.NodeCount} arcs={network.ArcCount} generate_s={Seconds(generated)} write_s={Seconds(written)}");
                return 0;
            }

            var start = clock.Elapsed;
            var solution = WithStatus(parse, error, "Solving", progress => MinCostFlow.Solve(network, ParseAlgorithm(parse.GetValue(algorithm)), progress));
            var solved = clock.Elapsed - start;
            return Report(output, error, network, solution, $"generate_s={Seconds(generated)} write_s={Seconds(written)} solve_s={Seconds(solved)}");
        });
        return command;
    }

    private static Option<string> Algorithm() => new("--algorithm")
    {
        Description = "auto (placement solver when the shape allows, else general), placement, general (successive shortest paths) or reference (tiny files only).",
        DefaultValueFactory = _ => "auto",
    };

    private static FlowAlgorithm ParseAlgorithm(string? text) => text switch
    {
        "auto" => FlowAlgorithm.Auto,
        "placement" => FlowAlgorithm.Placement,
        "general" => FlowAlgorithm.General,
        "reference" => FlowAlgorithm.Reference,
        _ => throw new ArgumentException($"--algorithm must be auto, placement, general or reference, not '{text}'"),
    };

    private static SupplyRule ParseSupplyRule(string? text) => text switch
    {
        "exact" => SupplyRule.Exact,
        "at-least" => SupplyRule.AtLeast,
        _ => throw new ArgumentException($"--supply must be exact or at-least, not '{text}'"),
    };

    private static int Report(TextWriter output, TextWriter error, FlowNetwork network, FlowSolution solution, string times)
    {
        switch (solution.Status)
        {
            case FlowStatus.Infeasible:
                error.WriteLine($"infeasible: {solution.Problem}");
                return 3;
            case FlowStatus.Unverified:
                error.WriteLine($"certificate failed ({solution.Algorithm}): {solution.Problem}. The flow is not reported as optimal; please file the input with an issue.");
                return 4;
        }

        output.WriteLine($"objective={solution.Objective.ToString(CultureInfo.InvariantCulture)}");
        using var process = Process.GetCurrentProcess();
        output.WriteLine($"algorithm={solution.Algorithm} certificate=verified nodes={network.NodeCount} arcs={network.ArcCount} {times} peak_mb={process.PeakWorkingSet64 >> 20}");
        return 0;
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);

    /// <summary>Runs work under a status line on a terminal (the solver reports its phases); elsewhere it just runs.</summary>
    private static T WithStatus<T>(ParseResult parse, TextWriter error, string title, Func<IProgress<string>?, T> work)
    {
        if (parse.GetValue(_trace))
        {
            return work(new Line(text => error.WriteLine($"{title}: {text}")));
        }

        if (Console.IsOutputRedirected || Console.IsErrorRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return work(null);
        }

        return AnsiConsole.Status().Start(title, context => work(new Line(text => context.Status($"{title}: {text}"))));
    }

    private sealed class Line(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }

    /// <summary>The generator reports from its worker threads: one report at a time reaches the status line.</summary>
    private sealed class Fraction(Action<double> report) : IProgress<double>
    {
        private readonly Lock _lock = new();

        public void Report(double value)
        {
            lock (_lock)
            {
                report(value);
            }
        }
    }
}
