using Workbridge.Core.Common;

namespace Workbridge.Core.Registry;

/// <summary>
/// A colony, correctional centre, juvenile colony, pre-trial centre or prison in one region. Remote work is offered
/// only where <see cref="RemoteWorkstations"/> is above zero: supervised workstations are the safeguard that makes it
/// possible.
/// </summary>
public sealed class Facility
{
    private Facility()
    {
        Code = "";
        Name = "";
        RegionCode = "";
    }

    public Facility(string code, string name, FacilityKind kind, string regionCode, int capacity, int remoteWorkstations)
    {
        Id = Ids.New();
        Name = "";
        Code = RequireCode(code);
        RegionCode = regionCode;
        Update(name, kind, capacity, remoteWorkstations);
    }

    public Guid Id { get; private set; }

    /// <summary>A short natural code unique across the service, e.g. IK-6-74.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public FacilityKind Kind { get; private set; }

    /// <summary>ISO 3166-2 code of the region the facility is in.</summary>
    public string RegionCode { get; private set; }

    /// <summary>Places the facility is rated for; people above it are recorded, never refused, so overcrowding shows.</summary>
    public int Capacity { get; private set; }

    /// <summary>Supervised workstations for remote work; zero means the facility offers none.</summary>
    public int RemoteWorkstations { get; private set; }

    public bool HasRemoteWorkstations => RemoteWorkstations > 0;

    public void Update(string name, FacilityKind kind, int capacity, int remoteWorkstations)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new RuleViolation("facility.name", "A facility needs a name.", "name") : name.Trim();
        Kind = Enum.IsDefined(kind) ? kind : throw new RuleViolation("facility.kind", $"'{kind}' is not a kind of facility.", "kind");
        Capacity = capacity > 0 ? capacity : throw new RuleViolation("facility.capacity", "Capacity must be a positive number of places.", "capacity");
        RemoteWorkstations = remoteWorkstations >= 0 ? remoteWorkstations : throw new RuleViolation("facility.workstations", "Workstations cannot be negative.", "remoteWorkstations");
    }

    private static string RequireCode(string code)
    {
        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length is < 2 or > 32 || trimmed.Any(char.IsWhiteSpace))
        {
            throw new RuleViolation("facility.code", "A facility code is 2 to 32 characters without spaces, e.g. IK-6-74.", "code");
        }

        return trimmed;
    }
}
