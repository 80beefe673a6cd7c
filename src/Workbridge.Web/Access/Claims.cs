using System.Security.Claims;
using Workbridge.Core.Access;

namespace Workbridge.Web.Access;

/// <summary>An account as claims on the request's principal, and back.</summary>
public static class AccountClaims
{
    public const string Stamp = "workbridge:stamp";
    public const string Facility = "workbridge:facility";
    public const string Region = "workbridge:region";
    public const string Employer = "workbridge:employer";
    public const string Person = "workbridge:person";

    public static ClaimsPrincipal Principal(Account account, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new(ClaimTypes.Name, account.UserName),
            new(ClaimTypes.GivenName, account.DisplayName),
            new(ClaimTypes.Role, account.Role.ToString()),
            new(Stamp, account.SecurityStamp),
        };
        Add(claims, Facility, account.FacilityId?.ToString());
        Add(claims, Region, account.RegionCode);
        Add(claims, Employer, account.EmployerId?.ToString());
        Add(claims, Person, account.PersonId?.ToString());
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static Actor? ToActor(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || !Enum.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return null;
        }

        return new Actor(
            $"account:{user.FindFirstValue(ClaimTypes.Name)}",
            user.FindFirstValue(ClaimTypes.GivenName) ?? user.FindFirstValue(ClaimTypes.Name)!,
            role,
            Guid.TryParse(user.FindFirstValue(Facility), out var facility) ? facility : null,
            user.FindFirstValue(Region),
            Guid.TryParse(user.FindFirstValue(Employer), out var employer) ? employer : null,
            Guid.TryParse(user.FindFirstValue(Person), out var person) ? person : null);
    }

    private static void Add(List<Claim> claims, string type, string? value)
    {
        if (value is not null)
        {
            claims.Add(new Claim(type, value));
        }
    }
}
