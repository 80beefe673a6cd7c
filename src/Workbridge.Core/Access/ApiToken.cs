using Workbridge.Core.Common;

namespace Workbridge.Core.Access;

/// <summary>
/// A bearer token for an integration, acting as its account with the account's role and scope. Only the SHA-256 of
/// its secret is kept; it stops working at <see cref="ExpiresAt"/>, when revoked, or when its account is disabled or
/// given a new password.
/// </summary>
public sealed class ApiToken
{
    public static readonly TimeSpan LongestLife = TimeSpan.FromDays(366);

    private ApiToken()
    {
        Name = "";
        SecretHash = "";
        AccountStamp = "";
    }

    public ApiToken(Account account, string name, string secretHash, DateTime now, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > LongestLife)
        {
            throw new RuleViolation("token.lifetime", $"A token lives from one day to {LongestLife.TotalDays:0} days.", "days");
        }

        Id = Ids.New();
        AccountId = account.Id;
        AccountStamp = account.SecurityStamp;
        Name = string.IsNullOrWhiteSpace(name) ? "token" : name.Trim();
        SecretHash = secretHash;
        CreatedAt = now;
        ExpiresAt = now + lifetime;
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public string Name { get; private set; }

    public string SecretHash { get; private set; }

    /// <summary>The account's security stamp when the token was issued: a new password or disabling ends the token.</summary>
    public string AccountStamp { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public bool IsValidAt(DateTime now) => RevokedAt is null && now < ExpiresAt;

    public void Revoke(DateTime now) => RevokedAt ??= now;
}
