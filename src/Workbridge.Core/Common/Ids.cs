namespace Workbridge.Core.Common;

/// <summary>Identifiers are Guid v7: unique without coordination and ordered by creation, which keeps indexes compact.</summary>
public static class Ids
{
    public static Guid New() => Guid.CreateVersion7();
}
