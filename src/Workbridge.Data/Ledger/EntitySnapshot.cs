using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Workbridge.Core.Ledger;

namespace Workbridge.Data.Ledger;

/// <summary>
/// The canonical state of an entity, read from the EF model: every mapped property, complex property and owned
/// collection (sorted), keys of owned rows left out, fields in name order. The same function hashes an entity when it
/// is written and when the verifier re-reads it, so any edit of a stored row shows as a different payload hash.
/// </summary>
public static class EntitySnapshot
{
    // The model does not change while the process runs: each type's field list is worked out once.
    private static readonly ConcurrentDictionary<ITypeBase, Field[]> _plans = new();

    public static string Hash(IEntityType type, object entity) => LedgerHash.Payload(Fields(type, entity));

    public static string Id(IEntityType type, object entity) =>
        string.Join('/', type.FindPrimaryKey()!.Properties.Select(p => Format(p.GetGetter().GetClrValueUsingContainingEntity(entity))));

    private static IEnumerable<KeyValuePair<string, string?>> Fields(ITypeBase type, object value)
    {
        foreach (var field in _plans.GetOrAdd(type, Plan))
        {
            var raw = field.Read(value);
            switch (field.Kind)
            {
                case FieldKind.Scalar:
                    yield return new(field.Name, Format(raw));
                    break;
                case FieldKind.Complex when raw is null:
                    yield return new(field.Name, null);
                    break;
                case FieldKind.Complex:
                    foreach (var inner in Fields(field.Target!, raw))
                    {
                        yield return new(field.Name + "." + inner.Key, inner.Value);
                    }

                    break;
                default:
                    var items = raw switch { null => [], IEnumerable many => many.Cast<object>(), var one => [one] };
                    yield return new(field.Name, string.Join(',', items.Select(item => LedgerHash.Payload(Fields(field.Target!, item))).Order(StringComparer.Ordinal)));
                    break;
            }
        }
    }

    private static Field[] Plan(ITypeBase type)
    {
        var fields = type.GetProperties().Where(p => !p.IsShadowProperty())
            .Select(p => new Field(p.Name, FieldKind.Scalar, p.GetGetter().GetClrValue, null))
            .Concat(type.GetComplexProperties().Select(c => new Field(c.Name, FieldKind.Complex, c.GetGetter().GetClrValue, c.ComplexType)));
        if (type is IEntityType entityType)
        {
            fields = fields.Concat(entityType.GetNavigations().Where(n => n.TargetEntityType.IsOwned())
                .Select(n => new Field(n.Name, FieldKind.Owned, n.GetGetter().GetClrValue, n.TargetEntityType)));
        }

        // Complex fields expand to "Name.Inner"; ordering by the outer name keeps the result sorted as a whole.
        return [.. fields.OrderBy(f => f.Name, StringComparer.Ordinal)];
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

    private enum FieldKind
    {
        Scalar,
        Complex,
        Owned,
    }

    private sealed record Field(string Name, FieldKind Kind, Func<object, object?> Read, ITypeBase? Target);
}
