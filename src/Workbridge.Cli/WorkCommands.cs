using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Common;
using Workbridge.Core.Work;
using Workbridge.Data;
using Workbridge.Data.Work;
using Workbridge.Web.Features.Work;

namespace Workbridge.Cli;

/// <summary>`workbridge work`: employers, orders, hours from files, and monthly pay, on the same handlers as the site.</summary>
internal static class WorkCommands
{
    public static Command Create(TextWriter output) => new("work", "Work and training: employers, job orders, hours and pay.")
    {
        Employers(output),
        Orders(output),
        Hours(output),
        Pay(output),
    };

    private static Command Employers(TextWriter output)
    {
        var name = new Option<string>("--name") { Description = "Legal name, e.g. ООО «Окна Поволжья».", Required = true };
        var taxId = new Option<string>("--tax-id") { Description = "Taxpayer number: an ИНН (10 or 12 digits with valid check digits) for a Russian region.", Required = true };
        var region = new Option<string>("--region") { Description = "ISO 3166-2 code of the region where it is registered, e.g. RU-TA.", Required = true };
        var sector = new Option<string>("--sector") { Description = "private or public. Pre-trial detainees never work for a private employer.", DefaultValueFactory = _ => "private" };
        var verify = new Option<bool>("--verified") { Description = "Record that the service has checked the registration (orders can be posted from then on)." };
        var add = new Command("add", "Register an employer.") { name, taxId, region, sector, verify };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var (_, db) = await CliApp.OpenAsync(parse, cancellationToken);
            await using var _db = db;
            var actor = Actor.System("cli");
            var openings = Handlers(db).Openings;
            var kind = EnumText.TryParse<EmployerSector>(parse.GetValue(sector), out var s) ? s : throw new RuleViolation("employer.sector", $"--sector must be one of {EnumText.Choices<EmployerSector>()}.", "sector");
            var employer = await openings.CreateEmployerAsync(actor, new EmployerInput(parse.GetValue(name), parse.GetValue(taxId), parse.GetValue(region), kind), cancellationToken);
            if (parse.GetValue(verify))
            {
                await openings.VerifyEmployerAsync(actor, employer.Id, cancellationToken);
            }

            await output.WriteLineAsync($"{employer.Id} {employer.LegalName} ({employer.TaxId}){(parse.GetValue(verify) ? ", verified" : ", not verified yet")}");
            return 0;
        });
        var list = new Command("list", "List employers with their id, tax id, region and whether they are verified.");
        list.SetAction(async (parse, cancellationToken) =>
        {
            var (_, db) = await CliApp.OpenAsync(parse, cancellationToken);
            await using var _db = db;
            foreach (var e in await db.Employers.AsNoTracking().OrderBy(e => e.LegalName).ToListAsync(cancellationToken))
            {
                await output.WriteLineAsync($"{e.Id} {e.TaxId,-12} {e.RegionCode,-7} {EnumText.Kebab(e.Sector),-8} {(e.Verified ? "verified" : "unverified"),-10} {e.LegalName}");
            }

            return 0;
        });
        return new Command("employers", "Employers that offer work.") { add, list };
    }

    private static Command Orders(TextWriter output)
    {
        var list = new Command("list", "List job orders: id, status, mode, occupation, wage an hour, hours a week, seats taken, title.");
        list.SetAction(async (parse, cancellationToken) =>
        {
            var (_, db) = await CliApp.OpenAsync(parse, cancellationToken);
            await using var _db = db;
            var reader = new WorkReader(db);
            var orders = await reader.OrderViewsAsync(await reader.VisibleOrdersAsync(Actor.System("cli"), cancellationToken), cancellationToken);
            foreach (var o in orders)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{o.Id} {EnumText.Kebab(o.Status),-6} {EnumText.Kebab(o.Mode),-11} {o.IscoCode} {o.Terms.HourlyWageMinor / 100m,8:0.00} {o.Terms.HoursPerWeek,2}h {o.Active,3}/{o.Seats,-3} {o.Terms.Title} — {o.Offeror}"));
            }

            return 0;
        });
        return new Command("orders", "Job orders.") { list };
    }

    private static Command Hours(TextWriter output)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV with the columns placement_id,date,hours (date YYYY-MM-DD, hours like 7.5)." };
        var employer = new Option<Guid?>("--employer") { Description = "Accept only placements of this employer (the file came from its time system)." };
        var import = new Command("import", "Record hours from a file, under the same caps as hours entered on the site (all of a person's placements count together). All or nothing: at the first bad line nothing is stored and the error names the line and field.") { file, employer };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var (_, db) = await CliApp.OpenAsync(parse, cancellationToken);
            await using var _db = db;
            using var reader = CliApp.OpenText(path);
            var uow = new UnitOfWork(db, TimeProvider.System);
            var result = await uow.RunAsync(Actor.System("hours-import"), d => HoursImport.ImportAsync(d, reader, path.Name, parse.GetValue(employer), "cli:hours-import", uow.Now, cancellationToken), cancellationToken);
            await output.WriteLineAsync($"{result.Recorded} days recorded, {result.Corrected} corrected.");
            return 0;
        });
        return new Command("hours", "Timesheet hours.") { import };
    }

    private static Command Pay(TextWriter output)
    {
        var facility = new Option<string?>("--facility") { Description = "Facility code, e.g. IK-6-74 (run: required; export: all facilities when left out)." };
        var month = new Option<string>("--month") { Description = "The finished month, YYYY-MM.", Required = true };
        var run = new Command("run", "Issue the facility's pay statements for a finished month: hours × rate, a top-up to the regional minimum where needed, deductions in legal order with their caps, the guaranteed share kept. People already paid for the month are left alone.") { facility, month };
        run.SetAction(async (parse, cancellationToken) =>
        {
            var (_, db) = await CliApp.OpenAsync(parse, cancellationToken);
            await using var _db = db;
            var (year, m) = Month(parse.GetValue(month)!);
            var facilityId = await FacilityAsync(db, parse.GetValue(facility) ?? throw new RuleViolation("request.missing", "--facility is required for a pay run.", "facility"), cancellationToken);
            var result = await Handlers(db).Pay.RunAsync(Actor.System("cli"), new PayRunInput(facilityId, year, m), cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Issued} statements issued ({result.AlreadyIssued} people already paid), gross {result.GrossMinor / 100m:0.00}, paid to people {result.NetMinor / 100m:0.00}, {result.TopUps} top-ups to the minimum wage."));
            return 0;
        });
        var path = new Option<FileInfo>("--out") { Description = "CSV file to write: one row per statement line.", Required = true };
        var export = new Command("export", "Write a month's pay statements as CSV for accounting (amounts in roubles).") { facility, month, path };
        export.SetAction(async (parse, cancellationToken) =>
        {
            var (_, db) = await CliApp.OpenAsync(parse, cancellationToken);
            await using var _db = db;
            var (year, m) = Month(parse.GetValue(month)!);
            Guid? facilityId = parse.GetValue(facility) is { } code ? await FacilityAsync(db, code, cancellationToken) : null;
            var statements = await Handlers(db).Pay.ListAsync(Actor.System("cli"), facilityId, year, m, cancellationToken);
            await File.WriteAllTextAsync(parse.GetValue(path)!.FullName, PayRuns.Csv(statements), cancellationToken);
            await output.WriteLineAsync($"{statements.Count} statements written to {parse.GetValue(path)!.FullName}.");
            return 0;
        });
        return new Command("pay", "Monthly pay.") { run, export };
    }

    private static (Openings Openings, PayRuns Pay) Handlers(WorkbridgeDb db)
    {
        var uow = new UnitOfWork(db, TimeProvider.System);
        var reader = new WorkReader(db);
        return (new Openings(uow, reader), new PayRuns(uow, reader));
    }

    private static (int Year, int Month) Month(string text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date.Year, date.Month)
            : throw new RuleViolation("request.month", $"'{text}' is not a month (YYYY-MM).", "month");

    private static async Task<Guid> FacilityAsync(WorkbridgeDb db, string code, CancellationToken cancellationToken) =>
        await db.Facilities.Where(f => f.Code == code).Select(f => (Guid?)f.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new RuleViolation("facility.unknown", $"There is no facility with the code '{code}'.", "facility");
}
