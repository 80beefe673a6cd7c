using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Registry;
using Workbridge.Data;
using Workbridge.Data.Storage;

namespace Workbridge.Web.Features.Accounts;

/// <summary>
/// One account per role for the demo, with generated passwords, created only together with the demo data: no other
/// database ever gets an account it did not ask for. The passwords are kept in a file beside the database (owner-only)
/// and printed at each start, so whoever runs the demo can sign in.
/// </summary>
public static class DemoAccounts
{
    public static string FileFor(Database database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            return Path.GetFullPath(file) + ".demo-accounts.txt";
        }

        var name = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString);
        return Path.Combine(Path.GetDirectoryName(Database.DefaultSqlitePath)!, $"demo-accounts-{name.Host}-{name.Port}-{name.Database}.txt");
    }

    public static async Task CreateAsync(AccountService accounts, WorkbridgeDb db, string file, CancellationToken cancellationToken)
    {
        var facility = await db.Facilities.AsNoTracking().OrderBy(f => f.Code).FirstAsync(f => f.Kind != FacilityKind.PreTrialDetentionCentre, cancellationToken);
        // The demo person has work going on, so their page shows hours to confirm and a payslip.
        var working = await db.Placements.AsNoTracking().Where(p => p.FacilityId == facility.Id && p.Status == Core.Work.PlacementStatus.Active && p.Kind == Core.Work.PlacementKind.Work).Select(p => (Guid?)p.PersonId).OrderBy(p => p).FirstOrDefaultAsync(cancellationToken);
        var person = await db.People.AsNoTracking().Where(p => p.FacilityId == facility.Id && p.Status == CustodyStatus.InCustody && (working == null || p.Id == working)).OrderBy(p => p.ReferenceNumber).FirstAsync(cancellationToken);
        var employer = await db.Employers.AsNoTracking().Where(e => e.Verified && e.Sector == Core.Work.EmployerSector.Private).OrderBy(e => e.TaxId).Select(e => e.Id).FirstAsync(cancellationToken);
        var system = Actor.System("demo");
        NewAccount[] wanted =
        [
            new("central", "Central staff (demo)", Role.CentralStaff),
            new("staff", $"Staff of {facility.Code} (demo)", Role.FacilityStaff, FacilityCode: facility.Code),
            new("monitor", "Independent monitor (demo)", Role.Monitor),
            new("admin", "Administrator (demo)", Role.Administrator),
            new("employment", $"Employment service {facility.RegionCode} (demo)", Role.EmploymentService, RegionCode: facility.RegionCode),
            new("employer", "Employer (demo)", Role.Employer, EmployerId: employer),
            new("person", $"{person.ReferenceNumber} (demo)", Role.Person, PersonReference: person.ReferenceNumber),
        ];
        var lines = new List<string> { "# Workbridge demo accounts: user name, role, password. Only the demo database has them." };
        foreach (var request in wanted)
        {
            var (account, password) = await accounts.CreateAsync(system, request, null, cancellationToken);
            lines.Add($"{account.UserName,-11} {account.Role,-18} {password}");
        }

        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var writer = new StreamWriter(file, options);
        await writer.WriteAsync(string.Join('\n', lines) + "\n");
    }
}
