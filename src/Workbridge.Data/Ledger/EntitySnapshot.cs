using System.Collections;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Workbridge.Core.Ledger;

namespace Workbridge.Data.Ledger;

/// <summary>
/// The canonical state of an entity, read from the EF model: every mapped property, complex property and owned
/// collection (sorted), keys of owned rows left out. The same function hashes an entity when it is written and when
/// the verifier re-reads it, so any edit of a stored row shows as a different payload hash.
/// </summary>
public static class EntitySnapshot
{
    public static string Hash(IEntityType type, object entity) => LedgerHash.Payload(Fields(type, entity));

    public static string Id(IEntityType type, object entity) =>
        string.Join('/', type.FindPrimaryKey()!.Properties.Select(p => Format(p.GetGetter().GetClrValueUsingContainingEntity(entity))));

    private static List<KeyValuePair<string, string?>> Fields(ITypeBase type, object value)
    {
        var fields = new List<KeyValuePair<string, string?>>();
        foreach (var property in type.GetProperties().Where(p => !p.IsShadowProperty()))
        {
            fields.Add(new(property.Name, Format(property.GetGetter().GetClrValue(value))));
        }

        foreach (var complex in type.GetComplexProperties())
        {
            var inner = complex.GetGetter().GetClrValue(value);
            if (inner is null)
            {
                fields.Add(new(complex.Name, null));
                continue;
            }

            fields.AddRange(Fields(complex.ComplexType, inner).Select(f => new KeyValuePair<string, string?>(complex.Name + "." + f.Key, f.Value)));
        }

        if (type is IEntityType entityType)
        {
            foreach (var navigation in entityType.GetNavigations().Where(n => n.TargetEntityType.IsOwned()))
            {
                var items = navigation.GetGetter().GetClrValue(value) switch
                {
                    null => [],
                    IEnumerable many => many.Cast<object>(),
                    var one => [one],
                };
                var rendered = items.Select(item => LedgerHash.Payload(Fields(navigation.TargetEntityType, item))).Order(StringComparer.Ordinal);
                fields.Add(new(navigation.Name, string.Join(',', rendered)));
            }
        }

        fields.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return fields;
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        // PostgreSQL keeps microseconds: hash at that precision so a read-back equals what was written.
        DateTime instant => (instant.ToUniversalTime().Ticks / 10).ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Guid id => id.ToString("D"),
        bool flag => flag ? "true" : "false",
        Enum choice => choice.ToString(),
        IEnumerable<string> list => string.Join('\u001f', list),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
