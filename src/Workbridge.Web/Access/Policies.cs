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
        // Verdict analysis is the monitors' research tool (DESIGN.md sections 1 and 9).
        Require(options, Verdicts, Role.Monitor);
    }

    private static void Require(AuthorizationOptions options, string name, params Role[] roles) =>
        options.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles.Select(r => r.ToString())));
}
