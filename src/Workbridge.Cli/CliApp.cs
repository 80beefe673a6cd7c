using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Workbridge.Core.Access;
using Workbridge.Core.Common;
using Workbridge.Core.Verdicts;
using Workbridge.Data;
using Workbridge.Data.Csv;
using Workbridge.Data.Ledger;
using Workbridge.Data.People;
using Workbridge.Data.Privacy;
using Workbridge.Data.Reference;
using Workbridge.Data.Seeding;
using Workbridge.Data.Storage;
using Workbridge.Web;
using Workbridge.Web.Features.Accounts;

namespace Workbridge.Cli;

/// <summary>
/// The `workbridge` command. Every subcommand reads the same connection string as the web application
/// (ConnectionStrings__Workbridge, or --connection), so the CLI and the site work on one database.
/// Exit codes: 0 done, 1 unexpected failure, 2 bad input (the message names the file, line and field).
/// </summary>
public static class CliApp
{
    private static readonly Option<string?> _connection = new("--connection", "-c")
    {
        Description = "Connection string: 'Data Source=FILE' (SQLite) or 'Host=...;Database=...;Username=...' (PostgreSQL). Default: ConnectionStrings__Workbridge, else " + Database.DefaultSqlitePath,
        Recursive = true,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = new RootCommand("Workbridge: lawful prison work, training and reintegration. Registry of facilities, people and movements.");
        root.Options.Add(_connection);
        root.Subcommands.Add(Init(output));
        root.Subcommands.Add(Status(output));
        root.Subcommands.Add(Seed(output));
        root.Subcommands.Add(Import(output));
        root.Subcommands.Add(Export(output));
        root.Subcommands.Add(Regions(output));
        root.Subcommands.Add(Ledger(output, error));
        root.Subcommands.Add(Users(output));
        root.Subcommands.Add(RetentionCommand(output));
        root.Subcommands.Add(WorkCommands.Create(output));
        root.Subcommands.Add(Verdicts(output, error));
        root.Subcommands.Add(MatchCommands.Create(output, error));
        root.Subcommands.Add(Serve());

        var parsed = root.Parse(args);
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (ImportError e)
        {
            await error.WriteLineAsync($"error: {e.Message}. Nothing from the file was stored.");
            return 2;
        }
        catch (Workbridge.Core.Matching.DimacsFormatException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (RuleViolation e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (FileNotFoundException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (FormatException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or IOException or UnauthorizedAccessException or ArgumentException or System.Data.Common.DbException)
        {
            await error.WriteLineAsync($"error: {e.GetBaseException().Message}");
            return 1;
        }
    }

    private static Command Init(TextWriter output)
    {
        var command = new Command("init", "Create or upgrade the database schema and load the reference data (ISCO-08, offence catalogue, Russia's regions). Safe to run again.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (database, db) = await OpenAsync(parse, cancellationToken);
            await using var _ = db;
            await output.WriteLineAsync($"{database.Describe()}: schema up to date; {await db.IscoGroups.CountAsync(cancellationToken)} ISCO-08 groups, {await db.Regions.CountAsync(cancellationToken)} regions, {await db.Offences.CountAsync(cancellationToken)} offence articles.");
            return 0;
        });
        return command;
    }

    private static Command Status(TextWriter output)
    {
        var command = new Command("status", "Show which database is used and what it holds (people by custody status, facilities, regions).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (database, db) = await OpenAsync(parse, cancellationToken);
            await using var _ = db;
            var byStatus = await db.People.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            await output.WriteLineAsync(database.Describe());
            await output.WriteLineAsync($"people={byStatus.Sum(s => s.Count)} " + string.Join(' ', byStatus.OrderBy(s => s.Key).Select(s => $"{EnumText.Kebab(s.Key)}={s.Count}")));
            await output.WriteLineAsync($"facilities={await db.Facilities.CountAsync(cancellationToken)} regions={await db.Regions.CountAsync(cancellationToken)} movements={await db.Movements.CountAsync(cancellationToken)}");
            return 0;
        });
        return command;
    }

    private static Command Seed(TextWriter output)
    {
        var people = new Option<int>("--people") { Description = "How many people to generate.", DefaultValueFactory = _ => 3000 };
        var facilities = new Option<int>("--facilities") { Description = "How many facilities to spread them over.", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed, date and database give the same population.", DefaultValueFactory = _ => 1 };
        var regions = new Option<int?>("--regions") { Description = "At most this many regions (default: all, weighted by population)." };
        var command = new Command("seed", "Add a synthetic population: facilities in regions weighted by population, people with Russian names, sentences, offences, education and occupations drawn from plausible distributions. Adds to what is there; all or nothing.")
        {
            people, facilities, seed, regions,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (database, db) = await OpenAsync(parse, cancellationToken);
            await using var _ = db;
            var count = parse.GetValue(people);
            var options = new Seeder.Options(count, parse.GetValue(facilities), parse.GetValue(seed), parse.GetValue(regions));
            var started = System.Diagnostics.Stopwatch.StartNew();
            var result = await WithProgress($"Seeding {count:N0} people", count, progress =>
                Seeder.SeedAsync(new UnitOfWork(db, TimeProvider.System), Actor.System("seed"), options, progress, cancellationToken));
            await output.WriteLineAsync($"Added {result.Facilities} facilities and {result.People:N0} people to {database.Describe()} in {started.Elapsed.TotalSeconds:F1} s.");
            return 0;
        });
        return command;
    }

    private static Command Import(TextWriter output)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV with a header row; columns: " + string.Join(',', PeopleCsv.Header) + " (status and released_at optional). See docs/data-model.md." };
        var people = new Command("people", "Import people from a CSV file. Each row admits a new person to the facility named by code (and records their release when the status says so). The whole file is checked first; at the first bad line nothing is stored and the error names the line and field.") { file };
        people.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var (database, db) = await OpenAsync(parse, cancellationToken);
            await using var _ = db;
            using var reader = OpenText(path);
            var lines = File.ReadLines(path.FullName).Count();
            var added = await WithProgress($"Importing {path.Name}", Math.Max(1, lines - 1), progress =>
                PeopleCsv.ImportAsync(new UnitOfWork(db, TimeProvider.System), Actor.System("import"), reader, path.Name, progress, cancellationToken));
            await output.WriteLineAsync($"Imported {added:N0} people from {path.Name} into {database.Describe()}.");
            return 0;
        });
        return new Command("import", "Import data from files.") { people };
    }

    private static Command Export(TextWriter output)
    {
        var file = new Argument<string>("FILE") { Description = "Where to write the CSV ('-' for standard output)." };
        var people = new Command("people", "Export every person as CSV in the import layout: the latest admission and, for people not in custody, the latest departure; the rest of the movement history stays in the database.") { file };
        people.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var (database, db) = await OpenAsync(parse, cancellationToken);
            await using var _ = db;
            if (path == "-")
            {
                await PeopleCsv.ExportAsync(db, Actor.System("export"), output, null, cancellationToken);
                return 0;
            }

            var total = await db.People.CountAsync(cancellationToken);
            await using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
            var written = await WithProgress($"Exporting to {path}", Math.Max(1, total), progress => PeopleCsv.ExportAsync(db, Actor.System("export"), writer, progress, cancellationToken));
            await output.WriteLineAsync($"Exported {written:N0} people to {path}.");
            return 0;
        });
        return new Command("export", "Export data to files.") { people };
    }

    private static Command Regions(TextWriter output)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV in the layout of src/Workbridge.Data/Reference/regions-ru.csv." };
        var import = new Command("import", "Add regions (of any country, ISO 3166-2 codes) or a newer minimum wage for existing ones. A region already present gets the file's minimum wage added when its effective date is later than the latest one.") { file };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var (database, db) = await OpenAsync(parse, cancellationToken);
            await using var _ = db;
            using var reader = OpenText(path);
            var regions = ReferenceData.ReadRegions(reader, path.Name);
            var (added, updated) = (0, 0);
            await new UnitOfWork(db, TimeProvider.System).RunAsync(Actor.System("regions"), async d =>
            {
                foreach (var region in regions)
                {
                    var existing = await d.Regions.FirstOrDefaultAsync(r => r.Code == region.Code, cancellationToken);
                    if (existing is null)
                    {
                        d.Regions.Add(region);
                        added++;
                    }
                    else if (region.MinimumWages[^1].EffectiveFrom > (existing.MinimumWages.LastOrDefault()?.EffectiveFrom ?? DateOnly.MinValue))
                    {
                        existing.AddMinimumWage(region.MinimumWages[^1]);
                        updated++;
                    }
                }

                return 0;
            }, cancellationToken);
            await output.WriteLineAsync($"{added} regions added, {updated} given a newer minimum wage, {regions.Count - added - updated} unchanged.");
            return 0;
        });
        return new Command("regions", "Manage regions and their minimum wages.") { import };
    }

    private static Command Ledger(TextWriter output, TextWriter error)
    {
        var key = new Option<string?>("--key") { Description = "PEM file of the ECDSA P-256 signing key, kept outside the database; created on first use. Default: Workbridge__LedgerKeyFile, else " + LedgerKey.DefaultPath };
        var path = new Option<string>("--out") { Description = "Where to write the checkpoint (JSON).", Required = true };
        var checkpoint = new Command("checkpoint", "Sign the ledger's current size and head hash and write the checkpoint to a file (and keep it in the database). Hand it to monitors: later verification against it detects any rewrite of what it covers.") { key, path };
        checkpoint.SetAction(async (parse, cancellationToken) =>
        {
            var (database, db) = await OpenAsync(parse, cancellationToken);
            await using var _ = db;
            using var signingKey = LedgerKey.LoadOrCreate(parse.GetValue(key) ?? Environment.GetEnvironmentVariable("Workbridge__LedgerKeyFile"));
            var made = await Checkpoints.CreateAsync(new UnitOfWork(db, TimeProvider.System), signingKey, cancellationToken);
            await File.WriteAllTextAsync(parse.GetValue(path)!, Checkpoints.ToJson(made), cancellationToken);
            await output.WriteLineAsync($"Checkpoint of {database.Describe()}: {made.Size:N0} entries, head {made.HeadHash}, signed by key {made.KeyFingerprint}; written to {parse.GetValue(path)}.");
            return 0;
        });

        var file = new Option<FileInfo?>("--checkpoint") { Description = "A checkpoint file to verify against (from `ledger checkpoint` or the monitors' download)." };
        var fingerprint = new Option<string?>("--key-fingerprint") { Description = "The SHA-256 fingerprint of the signing key you trust; without it, the checkpoint's own key is taken and printed." };
        var verify = new Command("verify", "Check the whole ledger: the hash chain, the data against each entity's latest entry, and, with --checkpoint, that nothing the checkpoint covers was rewritten or removed. Prints OK or the first problem; exits 3 on a problem.") { file, fingerprint };
        verify.SetAction(async (parse, cancellationToken) =>
        {
            var (database, db) = await OpenAsync(parse, cancellationToken);
            await using var _ = db;
            var against = parse.GetValue(file) is { } checkpointFile
                ? (checkpointFile.Exists ? Checkpoints.Read(checkpointFile.FullName) : throw new FileNotFoundException($"{checkpointFile.FullName} does not exist."))
                : null;
            var total = await db.LedgerEntries.LongCountAsync(cancellationToken);
            var result = await WithProgress("Verifying the ledger", (int)Math.Max(1, Math.Min(int.MaxValue, total)), progress =>
                LedgerVerifier.VerifyAsync(db, against, parse.GetValue(fingerprint), new Progress<long>(done => progress.Report((int)Math.Min(done, int.MaxValue))), cancellationToken));
            if (!result.Ok)
            {
                await error.WriteLineAsync($"FAIL {database.Describe()}: {result.Problem}");
                return 3;
            }

            var checkpointText = against is null ? "no checkpoint given" : $"matches the checkpoint of {against.Size:N0} entries signed by key {against.KeyFingerprint}";
            await output.WriteLineAsync($"OK {database.Describe()}: {result.Entries:N0} entries chained, {result.EntitiesChecked:N0} records match their latest entry, {checkpointText}.");
            return 0;
        });
        return new Command("ledger", "The tamper-evident ledger: signed checkpoints and verification.") { checkpoint, verify };
    }

    private static Command Users(TextWriter output)
    {
        var name = new Argument<string>("NAME") { Description = "User name: 3 to 64 letters, digits, dots, hyphens, underscores or @." };
        var role = new Option<string>("--role") { Description = "One of " + EnumText.Choices<Role>() + ".", Required = true };
        var facility = new Option<string?>("--facility") { Description = "Facility code, for facility staff." };
        var region = new Option<string?>("--region") { Description = "ISO 3166-2 region code, for an employment service." };
        var person = new Option<string?>("--person") { Description = "Reference number of the person, for a person's own account." };
        var employer = new Option<Guid?>("--employer") { Description = "Employer id, for an employer's account." };
        var display = new Option<string?>("--display-name") { Description = "Name shown on pages." };
        var add = new Command("add", "Create an account and print its generated password once (it is stored hashed).") { name, role, facility, region, person, employer, display };
        add.SetAction(async (parse, cancellationToken) =>
        {
            if (!EnumText.TryParse<Role>(parse.GetValue(role), out var parsedRole))
            {
                throw new RuleViolation("account.role", $"'{parse.GetValue(role)}' is not a role: {EnumText.Choices<Role>()}.", "role");
            }

            var (_, db) = await OpenAsync(parse, cancellationToken);
            await using var _ = db;
            var request = new NewAccount(parse.GetValue(name)!, parse.GetValue(display), parsedRole, parse.GetValue(facility), parse.GetValue(region), parse.GetValue(person), parse.GetValue(employer));
            var (account, password) = await new AccountService(new UnitOfWork(db, TimeProvider.System)).CreateAsync(Actor.System("users"), request, null, cancellationToken);
            await output.WriteLineAsync($"Created {account.UserName} ({EnumText.Kebab(account.Role)}). Password, shown once: {password}");
            return 0;
        });

        var disableName = new Argument<string>("NAME") { Description = "User name." };
        var disable = new Command("disable", "Disable an account: its sessions and tokens stop working at their next request.") { disableName };
        disable.SetAction(async (parse, cancellationToken) =>
        {
            var (_, db) = await OpenAsync(parse, cancellationToken);
            await using var _ = db;
            var done = await new AccountService(new UnitOfWork(db, TimeProvider.System)).DisableAsync(Actor.System("users"), parse.GetValue(disableName)!, cancellationToken);
            await output.WriteLineAsync(done ? $"Disabled {parse.GetValue(disableName)}." : $"There is no account named {parse.GetValue(disableName)}.");
            return done ? 0 : 2;
        });

        var tokenName = new Argument<string>("NAME") { Description = "User name the token acts for." };
        var days = new Option<int>("--days") { Description = "Days until it expires (1 to 366).", DefaultValueFactory = _ => 30 };
        var label = new Option<string>("--label") { Description = "What the token is for.", DefaultValueFactory = _ => "integration" };
        var token = new Command("token", "Issue an API token for an account (send it as 'Authorization: Bearer TOKEN'); printed once, stored hashed.") { tokenName, days, label };
        token.SetAction(async (parse, cancellationToken) =>
        {
            var (_, db) = await OpenAsync(parse, cancellationToken);
            await using var _ = db;
            var (issued, secret) = await new AccountService(new UnitOfWork(db, TimeProvider.System)).IssueTokenAsync(Actor.System("users"), parse.GetValue(tokenName)!, parse.GetValue(label)!, parse.GetValue(days), cancellationToken);
            await output.WriteLineAsync($"Token for {parse.GetValue(tokenName)}, expires {issued.ExpiresAt:yyyy-MM-dd HH:mm} UTC, shown once:");
            await output.WriteLineAsync(secret);
            return 0;
        });

        var list = new Command("list", "List accounts with their role, scope and state.");
        list.SetAction(async (parse, cancellationToken) =>
        {
            var (_, db) = await OpenAsync(parse, cancellationToken);
            await using var _ = db;
            foreach (var account in await db.Accounts.AsNoTracking().OrderBy(a => a.UserName).ToListAsync(cancellationToken))
            {
                var scope = account.FacilityId?.ToString() ?? account.RegionCode ?? account.PersonId?.ToString() ?? account.EmployerId?.ToString() ?? "-";
                await output.WriteLineAsync($"{account.UserName,-24} {EnumText.Kebab(account.Role),-20} {scope,-36} {(account.Disabled ? "disabled" : "enabled")}");
            }

            return 0;
        });

        return new Command("users", "Manage accounts and API tokens.") { add, disable, token, list };
    }

    private static Command RetentionCommand(TextWriter output)
    {
        var years = new Option<int>("--years") { Description = "Remove the names of people released more than this many years ago.", DefaultValueFactory = _ => Retention.DefaultYears };
        var run = new Command("run", "Remove names and all but the birth year of people released longer ago than the period; records, movements and the ledger stay. The web application runs this daily with Workbridge__RetentionYears.") { years };
        run.SetAction(async (parse, cancellationToken) =>
        {
            var (database, db) = await OpenAsync(parse, cancellationToken);
            await using var _ = db;
            var removed = await Retention.RunAsync(new UnitOfWork(db, TimeProvider.System), parse.GetValue(years), cancellationToken);
            await output.WriteLineAsync($"Removed the identity of {removed:N0} people released more than {parse.GetValue(years)} years ago from {database.Describe()}.");
            return 0;
        });
        return new Command("retention", "Privacy retention.") { run };
    }

    private static Command Verdicts(TextWriter output, TextWriter error)
    {
        var input = new Option<string>("--input", "-i") { Description = "A folder of .txt/.html files (and .jsonl/.csv files), a JSON lines file ({\"id\", \"text\"} and optional metadata) or a CSV file with id and text columns.", Required = true };
        var file = new Option<string>("--output", "-o") { Description = "Where to write the findings: JSON lines, one object per document.", Required = true };
        var report = new Option<string?>("--report") { Description = "A folder for the aggregate report: summary, indicators, articles, regions, forms and skipped as CSV, and report.html with charts." };
        var analyse = new Command("analyse", "Read court decisions for evidence of forced labour (ILO indicators), the Criminal Code articles cited, the region and the form of exploitation; explain every finding. Inputs that cannot be read are listed with the reason and skipped; the run goes on. See docs/verdicts.md.") { input, file, report };
        analyse.Aliases.Add("analyze");
        analyse.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(input)!;
            var analyser = VerdictAnalyserFor(path);
            var total = VerdictSources.TotalBytes(path);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            await using var stream = new FileStream(parse.GetValue(file)!, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            // Progress in KiB keeps multi-gigabyte inputs inside the bar's int range.
            var result = await WithProgress($"Analysing {Path.GetFileName(Path.TrimEndingDirectorySeparator(path))}", (int)Math.Max(1, total / 1024), progress =>
                Task.Run(() => VerdictRun.Analyse(path, stream, analyser, new SynchronousProgress64(done => progress.Report((int)(done / 1024))), cancellationToken), cancellationToken));
            var seconds = Math.Max(started.Elapsed.TotalSeconds, 1e-6);
            // CPU time as well as wall time: on a shared machine the wall clock also counts other people's work.
            var cpu = Math.Max((System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds, 1e-6);
            await output.WriteLineAsync($"Analysed {result.Documents:N0} documents ({result.Bytes / 1e6:F1} MB in {seconds:F1} s, {result.Bytes / 1e6 / seconds:F1} MB/s; {cpu:F1} s of CPU, {result.Bytes / 1e6 / cpu:F1} MB per CPU-second); findings in {parse.GetValue(file)}.");
            await output.WriteLineAsync($"Evidence of forced labour: {result.ForcedLabour:N0}. Charged under art. 127.2: {result.Charged1272:N0} ({result.Charged1272WithEvidence:N0} with evidence). Hidden (evidence, 127.2 not charged): {result.Hidden:N0} ({result.HiddenShare:P1} of those with evidence).");
            foreach (var note in result.Notes.Take(20))
            {
                await error.WriteLineAsync($"note: {note}");
            }

            if (result.Skipped.Count > 0)
            {
                await error.WriteLineAsync($"Skipped {result.Skipped.Count:N0}: " + string.Join(", ", result.SkippedByReason.Select(s => $"{s.Reason} {s.Count:N0}")) + ".");
                foreach (var skipped in result.Skipped.Take(50))
                {
                    await error.WriteLineAsync($"  skipped {skipped.Source}: {skipped.Reason}");
                }

                if (result.Skipped.Count > 50)
                {
                    await error.WriteLineAsync($"  … and {result.Skipped.Count - 50:N0} more" + (parse.GetValue(report) is null ? "; --report DIR lists them all in skipped.csv." : ", listed in skipped.csv."));
                }
            }

            if (parse.GetValue(report) is { } directory)
            {
                result.WriteTo(directory);
                await output.WriteLineAsync($"Report written to {Path.Combine(directory, "report.html")} (and CSV files beside it).");
            }

            return 0;
        });
        return new Command("verdicts", "Verdict analysis: forced labour in court decisions, even where it was charged as something else.") { analyse, Evaluate(output) };
    }

    /// <summary>The analyser for a run over <paramref name="input"/>, once the input is known to exist.</summary>
    private static VerdictAnalyser VerdictAnalyserFor(string input) =>
        File.Exists(input) || Directory.Exists(input)
            ? new VerdictAnalyser(VerdictLexicon.Default, ReferenceData.RussianRegionNames())
            : throw new FileNotFoundException($"{Path.GetFullPath(input)} is neither a file nor a folder.");

    private static Command Evaluate(TextWriter output)
    {
        var input = new Option<string>("--input", "-i") { Description = "The labelled documents: a folder, a JSON lines file or a CSV file, as for analyse.", Required = true };
        var labels = new Option<string>("--labels", "-l") { Description = "The labels: a tab-separated file with the columns id, forced_labour, indicators, articles, region, form (lists comma-separated; # starts a comment).", Required = true };
        var evaluate = new Command("evaluate", "Measure the analysis on documents you have labelled yourself: precision and recall of forced_labour, micro-F1 over the indicators, articles exact, region and form right, and every disagreement. See docs/verdicts.md.") { input, labels };
        evaluate.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(input)!;
            var labelFile = parse.GetValue(labels)!;
            var analyser = VerdictAnalyserFor(path);

            if (!File.Exists(labelFile))
            {
                throw new FileNotFoundException($"{Path.GetFullPath(labelFile)} does not exist.");
            }

            IReadOnlyDictionary<string, VerdictLabel> labelled;
            using (var reader = new StreamReader(labelFile))
            {
                labelled = VerdictEvaluation.ReadLabels(reader, Path.GetFileName(labelFile));
            }

            var evaluation = new VerdictEvaluation();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var unlabelled = 0;
            var repeated = 0;
            foreach (var read in VerdictSources.Read(path, cancellationToken))
            {
                if (read.Document is not { } document)
                {
                    continue;
                }

                if (!labelled.TryGetValue(document.Id, out var label))
                {
                    unlabelled++;
                }
                else if (seen.Add(document.Id))
                {
                    evaluation.Add(label, analyser.Analyse(document));
                }
                else
                {
                    repeated++;
                }
            }

            await output.WriteLineAsync(evaluation.Summary());
            var absent = labelled.Keys.Where(id => !seen.Contains(id)).Order(StringComparer.Ordinal).ToList();
            if (absent.Count > 0 || unlabelled > 0 || repeated > 0)
            {
                await output.WriteLineAsync($"Not counted: {unlabelled} documents without a label; {repeated} repeated ids (the first counted); {absent.Count} labels without a document" + (absent.Count > 0 ? $" ({string.Join(", ", absent.Take(20))}{(absent.Count > 20 ? ", …" : "")})." : "."));
            }

            foreach (var line in evaluation.Disagreements)
            {
                await output.WriteLineAsync("  " + line);
            }

            return 0;
        });
        return evaluate;
    }

    private static Command Serve()
    {
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on (default http://localhost:5080)." };
        var command = new Command("serve", "Run the web application (pages and /api/v1) on this database; an empty database gets the demo.") { urls };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var connection = parse.GetValue(_connection);
            var listen = parse.GetValue(urls);
            var app = WorkbridgeApp.Build([], builder =>
            {
                var overrides = new Dictionary<string, string?>();
                if (connection is not null)
                {
                    overrides["ConnectionStrings:" + Database.ConnectionName] = connection;
                }

                if (listen is not null)
                {
                    overrides["Urls"] = listen;
                }

                builder.Configuration.AddInMemoryCollection(overrides);
            });
            return await WorkbridgeApp.RunAsync(app);
        });
        return command;
    }

    /// <summary>The database the command works on, migrated and with its reference data loaded.</summary>
    internal static async Task<(Database Database, WorkbridgeDb Db)> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var database = Open(parse);
        var db = database.Open();
        await Schema.MigrateAsync(db, cancellationToken);
        return (database, db);
    }

    private static Database Open(ParseResult parse)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var connection = parse.GetValue(_connection) ?? configuration.GetConnectionString(Database.ConnectionName);
        return Database.FromConnectionString(connection);
    }

    internal static StreamReader OpenText(FileInfo file) =>
        file.Exists ? new StreamReader(file.FullName, detectEncodingFromByteOrderMarks: true) : throw new FileNotFoundException($"{file.FullName} does not exist.");

    /// <summary>Runs long work under a progress bar on a terminal; elsewhere (CI, pipes) it just runs.</summary>
    private static async Task<T> WithProgress<T>(string title, int total, Func<IProgress<int>, Task<T>> work)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await work(new Progress<int>());
        }

        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(title, maxValue: total);
                result = await work(new SynchronousProgress(done => task.Value = Math.Min(done, total)));
                task.Value = total;
            });
        return result;
    }

    private sealed class SynchronousProgress64(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    /// <summary>Reports on the caller's thread; Progress&lt;T&gt; would post to a thread pool and race the final value.</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
