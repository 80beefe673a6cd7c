using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Common;
using Workbridge.Data;

namespace Workbridge.Web.Features.Accounts;

/// <summary>What an account is created with; the scope fields a role does not use are ignored.</summary>
public sealed record NewAccount(string UserName, string? DisplayName, Role Role, string? FacilityCode = null, string? RegionCode = null, string? PersonReference = null, Guid? EmployerId = null);

/// <summary>Accounts and API tokens: creation, passwords (ASP.NET Core's PBKDF2 hasher), disabling, token issue and check.</summary>
public sealed class AccountService(UnitOfWork unitOfWork)
{
    private static readonly PasswordHasher<Account> _hasher = new();

    private WorkbridgeDb Db => unitOfWork.Db;

    /// <summary>Creates the account with the given password, or a generated one; returns the password to hand over once.</summary>
    public async Task<(Account Account, string Password)> CreateAsync(Actor actor, NewAccount request, string? password, CancellationToken cancellationToken)
    {
        Guid? facilityId = null;
        if (request.Role == Role.FacilityStaff && request.FacilityCode is { } code)
        {
            facilityId = (await Db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Code == code, cancellationToken))?.Id
                ?? throw new RuleViolation("account.facility", $"There is no facility with code {code}.", "facility");
        }

        Guid? personId = null;
        if (request.Role == Role.Person && request.PersonReference is { } reference)
        {
            personId = (await Db.People.AsNoTracking().FirstOrDefaultAsync(p => p.ReferenceNumber == reference, cancellationToken))?.Id
                ?? throw new RuleViolation("account.person", $"There is no person with reference number {reference}.", "person");
        }

        if (request.Role == Role.Employer && request.EmployerId is { } employer && !await Db.Employers.AnyAsync(e => e.Id == employer, cancellationToken))
        {
            throw new RuleViolation("account.employer", $"There is no employer with id {employer}; register it first (workbridge work employers add).", "employer");
        }

        if (request.Role == Role.EmploymentService && request.RegionCode is { } region && !await Db.Regions.AnyAsync(r => r.Code == region.ToUpperInvariant(), cancellationToken))
        {
            throw new RuleViolation("account.region", $"There is no region {region}.", "region");
        }

        var account = Account.Create(request.UserName, request.DisplayName ?? request.UserName, request.Role, facilityId, request.RegionCode, request.EmployerId, personId, unitOfWork.Now);
        if (await Db.Accounts.AnyAsync(a => a.UserName == account.UserName, cancellationToken))
        {
            throw new RuleViolation("account.name-taken", $"An account named {account.UserName} exists already.", "userName");
        }

        password ??= GeneratePassword();
        if (password.Length < 12)
        {
            throw new RuleViolation("account.password", "A password has at least 12 characters.", "password");
        }

        account.SetPasswordHash(_hasher.HashPassword(account, password));
        await unitOfWork.RunAsync(actor, db =>
        {
            db.Accounts.Add(account);
            return Task.FromResult(0);
        }, cancellationToken);
        return (account, password);
    }

    /// <summary>The enabled account with that name and password, or null; the same answer for a wrong name and a wrong password.</summary>
    public async Task<Account?> CheckPasswordAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var name = userName.Trim().ToLowerInvariant();
        var account = await Db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.UserName == name, cancellationToken);
        if (account is null)
        {
            // Spend the same time as a real check, so that timing does not tell which names exist.
            _hasher.VerifyHashedPassword(Placeholder, Placeholder.PasswordHash, password);
            return null;
        }

        return !account.Disabled && _hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed ? account : null;
    }

    public async Task<bool> DisableAsync(Actor actor, string userName, CancellationToken cancellationToken)
    {
        var name = userName.Trim().ToLowerInvariant();
        var account = await Db.Accounts.FirstOrDefaultAsync(a => a.UserName == name, cancellationToken);
        if (account is null)
        {
            return false;
        }

        await unitOfWork.RunAsync(actor, _ =>
        {
            account.Disable();
            return Task.FromResult(0);
        }, cancellationToken);
        return true;
    }

    /// <summary>Issues a token "wb_&lt;id&gt;_&lt;secret&gt;"; only the secret's SHA-256 is stored, so it is shown once.</summary>
    public async Task<(ApiToken Token, string Secret)> IssueTokenAsync(Actor actor, string userName, string name, int days, CancellationToken cancellationToken)
    {
        var account = await Db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.UserName == userName.Trim().ToLowerInvariant(), cancellationToken)
            ?? throw new RuleViolation("token.account", $"There is no account named {userName}.", "userName");
        if (account.Disabled)
        {
            throw new RuleViolation("token.account", $"Account {account.UserName} is disabled.", "userName");
        }

        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new ApiToken(account, name, Hash(secret), unitOfWork.Now, TimeSpan.FromDays(days));
        await unitOfWork.RunAsync(actor, db =>
        {
            db.ApiTokens.Add(token);
            return Task.FromResult(0);
        }, cancellationToken);
        return (token, $"wb_{token.Id:N}_{secret}");
    }

    /// <summary>The account a bearer token acts for, or null when the token is unknown, expired, revoked or its account disabled.</summary>
    public async Task<Account?> ResolveTokenAsync(string presented, CancellationToken cancellationToken)
    {
        var parts = presented.Split('_', 3);
        if (parts.Length != 3 || parts[0] != "wb" || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            return null;
        }

        var token = await Db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null || !token.IsValidAt(unitOfWork.Now)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token.SecretHash), Encoding.ASCII.GetBytes(Hash(parts[2]))))
        {
            return null;
        }

        var account = await Db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == token.AccountId, cancellationToken);
        return account is { Disabled: false } && account.SecurityStamp == token.AccountStamp ? account : null;
    }

    public Task<Account?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static readonly Account Placeholder = CreatePlaceholder();

    private static Account CreatePlaceholder()
    {
        var account = Account.Create("placeholder", "placeholder", Role.Monitor, null, null, null, null, DateTime.UnixEpoch);
        account.SetPasswordHash(_hasher.HashPassword(account, GeneratePassword()));
        return account;
    }
}
