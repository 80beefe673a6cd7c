namespace Workbridge.Core.Access;

/// <summary>
/// Who is acting: an account with a role and the scope that role is limited to (a facility for facility staff, a
/// region for an employment service, an employer, the person's own record). Every query and write takes one.
/// </summary>
public sealed record Actor(string Id, string DisplayName, Role Role, Guid? FacilityId = null, string? RegionCode = null, Guid? EmployerId = null, Guid? PersonId = null)
{
    /// <summary>The operator of a command-line tool run on the server itself.</summary>
    public static Actor System(string name) => new($"system:{name}", name, Role.CentralStaff);

    /// <summary>
    /// Whether the actor may see restricted fields (names, birth date, offences) of the people they can see: staff who
    /// hold the personal file, and the person themselves. Monitors and everyone else see pseudonymous records.
    /// </summary>
    public bool SeesIdentity => Role is Role.FacilityStaff or Role.CentralStaff or Role.Person;

    /// <summary>Whether the actor may see every facility's people (central staff, monitors).</summary>
    public bool SeesAllFacilities => Role is Role.CentralStaff or Role.Monitor;
}
