using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Workbridge.Web.Features.Accounts;

namespace Workbridge.Web.Access;

/// <summary>Authenticates "Authorization: Bearer wb_…" against the hashed API tokens, on every request.</summary>
public sealed class TokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }

        var accounts = Context.RequestServices.GetRequiredService<AccountService>();
        var account = await accounts.ResolveTokenAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        return account is null
            ? AuthenticateResult.Fail("The token is unknown, expired, revoked, or its account is disabled.")
            : AuthenticateResult.Success(new AuthenticationTicket(AccountClaims.Principal(account, SchemeName), SchemeName));
    }
}
