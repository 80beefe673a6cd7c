using Workbridge.Core.Access;

namespace Workbridge.Web.Access;

/// <summary>
/// Who is making the request: the signed-in account (cookie) or the account behind a bearer token, with its role and
/// scope. Every endpoint and page asks this service and passes the actor to the handlers, which scope reads and sign
/// writes with it. Endpoints that reach it all require an authenticated user.
/// </summary>
public sealed class CurrentActor
{
    public Actor Get(HttpContext context) =>
        AccountClaims.ToActor(context.User) ?? throw new InvalidOperationException("This endpoint must require an authenticated user.");
}
