using Microsoft.AspNetCore.Authorization;
using Workbridge.Core.Access;

namespace Workbridge.Web.Access;

/// <summary>
/// Function-level rules: which roles may call what. Record-level rules (which people) live in PeopleQueries.VisibleTo
/// and the handlers; field-level rules (names, offences) in the views. The checked-in authorization matrix
/// (tests/Workbridge.Web.Tests/authorization-matrix.csv) states the outcome of every endpoint for every role.
/// </summary>
public static class Policies
{
    public const string RegistryRead = "registry.read";
    public const string RegistryWrite = "registry.write";
    public const string FacilitiesRead = "facilities.read";
    public const string FacilitiesWrite = "facilities.write";
    public const string Ledger = "ledger";
    public const string Accounts = "accounts";
    public const string WorkRead = "work.read";
    public const string OrdersManage = "orders.manage";
    public const string WorkStaff = "work.staff";
    public const string PlacementsAccept = "placements.accept";
    public const string PlacementsPerson = "placements.person";
    public const string PlacementsEnd = "placements.end";
    public const string TimesheetsRecord = "timesheets.record";
    public const string TimesheetsRespond = "timesheets.respond";
    public const string Candidates = "candidates";
    public const string PayRead = "pay.read";
    public const string Central = "central";
    public const string Verdicts = "verdicts";

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        Require(options, RegistryRead, Role.FacilityStaff, Role.CentralStaff, Role.Monitor, Role.Person);
        Require(options, RegistryWrite, Role.FacilityStaff, Role.CentralStaff);
        Require(options, FacilitiesRead, Role.FacilityStaff, Role.CentralStaff, Role.Monitor, Role.EmploymentService, Role.Administrator);
        Require(options, FacilitiesWrite, Role.CentralStaff);
        Require(options, Ledger, Role.Monitor, Role.CentralStaff, Role.Administrator);
        Require(options, Accounts, Role.Administrator);
        Require(options, WorkRead, Role.FacilityStaff, Role.CentralStaff, Role.Employer, Role.EmploymentService, Role.Monitor, Role.Person);
        Require(options, OrdersManage, Role.FacilityStaff, Role.CentralStaff, Role.Employer);
        Require(options, WorkStaff, Role.FacilityStaff, Role.CentralStaff);
        Require(options, PlacementsAccept, Role.FacilityStaff, Role.CentralStaff, Role.Employer);
        Require(options, PlacementsPerson, Role.FacilityStaff, Role.CentralStaff, Role.Person);
        Require(options, PlacementsEnd, Role.FacilityStaff, Role.CentralStaff, Role.Employer);
        Require(options, TimesheetsRecord, Role.FacilityStaff, Role.CentralStaff, Role.Employer);
        Require(options, TimesheetsRespond, Role.Person);
        Require(options, Candidates, Role.FacilityStaff, Role.CentralStaff, Role.Employer);
        Require(options, PayRead, Role.FacilityStaff, Role.CentralStaff, Role.Monitor, Role.Person);
        Require(options, Central, Role.CentralStaff);
        // Verdict analysis is the monitors' research tool (DESIGN.md sections 1 and 9).
        Require(options, Verdicts, Role.Monitor);
    }

    private static void Require(AuthorizationOptions options, string name, params Role[] roles) =>
        options.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles.Select(r => r.ToString())));
}
