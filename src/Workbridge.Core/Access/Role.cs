namespace Workbridge.Core.Access;

/// <summary>The roles of DESIGN.md section 1. Stored by name; never renumber.</summary>
public enum Role
{
    FacilityStaff = 1,
    CentralStaff = 2,
    Employer = 3,
    EmploymentService = 4,
    Monitor = 5,
    Person = 6,
    Administrator = 7,
}
