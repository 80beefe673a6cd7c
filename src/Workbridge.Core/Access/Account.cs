using Workbridge.Core.Common;

namespace Workbridge.Core.Access;

/// <summary>
/// A local account: a role and the scope the role is confined to. Invariant: a scoped role always has its scope
/// (facility staff a facility, an employment service a region, an employer its employer id, a person their own
/// record). Disabling or a new password changes <see cref="SecurityStamp"/>, which ends every session and token at
/// their next request.
/// </summary>
public sealed class Account
{
    private Account()
    {
        UserName = "";
        DisplayName = "";
        PasswordHash = "";
        SecurityStamp = "";
    }

    public Guid Id { get; private set; }

    /// <summary>Unique, case-insensitive (stored lower case).</summary>
    public string UserName { get; private set; }

    public string DisplayName { get; private set; }

    public Role Role { get; private set; }

    public Guid? FacilityId { get; private set; }

    public string? RegionCode { get; private set; }

    public Guid? EmployerId { get; private set; }

    public Guid? PersonId { get; private set; }

    /// <summary>ASP.NET Core PasswordHasher output (PBKDF2); never the password.</summary>
    public string PasswordHash { get; private set; }

    public string SecurityStamp { get; private set; }

    public bool Disabled { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Account Create(string userName, string displayName, Role role, Guid? facilityId, string? regionCode, Guid? employerId, Guid? personId, DateTime now)
    {
        var name = userName?.Trim().ToLowerInvariant() ?? "";
        if (name.Length is < 3 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
        {
            throw new RuleViolation("account.name", "A user name is 3 to 64 letters, digits, dots, hyphens, underscores or @.", "userName");
        }

        if (!Enum.IsDefined(role))
        {
            throw new RuleViolation("account.role", $"'{role}' is not a role: {EnumText.Choices<Role>()}.", "role");
        }

        var scopeMissing = role switch
        {
            Role.FacilityStaff when facilityId is null => "facility",
            Role.EmploymentService when string.IsNullOrWhiteSpace(regionCode) => "region",
            Role.Employer when employerId is null => "employer",
            Role.Person when personId is null => "person",
            _ => null,
        };
        if (scopeMissing is not null)
        {
            throw new RuleViolation("account.scope", $"A {EnumText.Kebab(role)} account needs its {scopeMissing}.", scopeMissing);
        }

        return new Account
        {
            Id = Ids.New(),
            UserName = name,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? name : displayName.Trim(),
            Role = role,
            // Only the scope the role is confined to is kept: a central staff account never carries a facility.
            FacilityId = role == Role.FacilityStaff ? facilityId : null,
            RegionCode = role == Role.EmploymentService ? regionCode!.Trim().ToUpperInvariant() : null,
            EmployerId = role == Role.Employer ? employerId : null,
            PersonId = role == Role.Person ? personId : null,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = now,
        };
    }

    public void SetPasswordHash(string hash)
    {
        PasswordHash = hash;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public void Disable()
    {
        Disabled = true;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public Actor ToActor() => new($"account:{UserName}", DisplayName, Role, FacilityId, RegionCode, EmployerId, PersonId);
}
