using Workbridge.Core.Access;

namespace Workbridge.Web.Access;

/// <summary>
/// Resolves who is making the request. Every endpoint and page asks this service and passes the actor on to the
/// handlers, which scope their reads and sign their writes with it. Until accounts exist (issue 3), every request acts
/// as the local operator with central staff's reach: the web application is then meant for one machine's loopback.
/// </summary>
public sealed class CurrentActor
{
    public static readonly Actor LocalOperator = new("local:operator", "Local operator", Role.CentralStaff);

    public Actor Get(HttpContext context) => LocalOperator;
}
