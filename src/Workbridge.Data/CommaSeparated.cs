using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Workbridge.Data;

/// <summary>A short list of codes (languages, region codes) stored in one column as "ru,tt", compared by content.</summary>
internal static class CommaSeparated
{
    public static void AsCommaSeparated(this PropertyBuilder<List<string>> property) =>
        property
            .HasConversion(new ValueConverter<List<string>, string>(v => string.Join(',', v), v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList()))
            .Metadata.SetValueComparer(new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))), v => v.ToList()));
}
