using Shouldly;
using Workbridge.Core.Matching;

namespace Workbridge.Core.Tests.Matching;

public sealed class PlacementInstanceGeneratorTests
{
    [Fact]
    public void Generate_SameParameters_SameNetwork()
    {
        var a = PlacementInstanceGenerator.Generate(new(2000, 150, 20, 5));
        var b = PlacementInstanceGenerator.Generate(new(2000, 150, 20, 5));
        var other = PlacementInstanceGenerator.Generate(new(2000, 150, 20, 6));

        b.Head.ShouldBe(a.Head);
        b.Cost.ShouldBe(a.Cost);
        b.Capacity.ShouldBe(a.Capacity);
        other.Head.ShouldNotBe(a.Head);
    }

    [Fact]
    public void Generate_Instance_HasThePlacementShapeWithSkewAndTies()
    {
        const int People = 20_000;
        const int Orders = 1_000;
        var network = PlacementInstanceGenerator.Generate(new(People, Orders, 30, 1));

        var shape = PlacementShape.Detect(network, out var whyNot);
        shape.ShouldNotBeNull(whyNot);
        shape.People.ShouldBe(People);
        shape.Orders.ShouldBe(Orders);

        var eligible = network.ArcCount - People - Orders;
        ((double)eligible / People).ShouldBeInRange(27, 33);

        // Popularity is skewed: the most wanted tenth of orders gets far more than a tenth of the arcs.
        var reaching = new int[Orders];
        for (var p = 0; p < People; p++)
        {
            for (var a = network.FirstArc[p]; a < network.FirstArc[p + 1] - 1; a++)
            {
                reaching[network.Head[a] - People]++;
            }
        }

        reaching.OrderDescending().Take(Orders / 10).Sum().ShouldBeGreaterThan(eligible / 4);

        // Seats are skewed too, and scores take few values, so ties are everywhere.
        var seats = Enumerable.Range(People, Orders).Select(o => network.Capacity[network.FirstArc[o]]).ToArray();
        seats.Count(s => s <= 3).ShouldBeGreaterThan(Orders / 2);
        seats.Max().ShouldBeGreaterThanOrEqualTo(20);
        network.Cost.Distinct().Count().ShouldBeLessThanOrEqualTo(21);
    }
}
