namespace Workbridge.Data.Seeding;

/// <summary>Draws items in proportion to integer weights (cumulative sums and a binary search).</summary>
public sealed class WeightedChoice<T>
{
    private readonly T[] _items;
    private readonly long[] _cumulative;

    public WeightedChoice(IEnumerable<(T Item, long Weight)> weighted)
    {
        var list = weighted.Where(w => w.Weight > 0).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one item needs a positive weight.", nameof(weighted));
        }

        _items = [.. list.Select(w => w.Item)];
        _cumulative = new long[list.Count];
        long total = 0;
        for (var i = 0; i < list.Count; i++)
        {
            total += list[i].Weight;
            _cumulative[i] = total;
        }
    }

    public T Next(Random random)
    {
        var ticket = random.NextInt64(_cumulative[^1]);
        var index = Array.BinarySearch(_cumulative, ticket + 1);
        return _items[index >= 0 ? index : ~index];
    }
}
