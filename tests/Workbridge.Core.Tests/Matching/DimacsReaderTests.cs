using System.Text;
using Shouldly;
using Workbridge.Core.Matching;

namespace Workbridge.Core.Tests.Matching;

public sealed class DimacsReaderTests
{
    private const string Small = """
        c two people, one order with one seat, the sink
        p min 4 5
        n 1 1
        n 2 1
        n 4 -2
        a 1 3 0 1 -7
        a 1 4 0 1 0
        a 2 3 0 1 -9
        a 2 4 0 1 0
        a 3 4 0 1 0
        """;

    private static FlowNetwork Read(string text) => DimacsReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "test.min");

    [Fact]
    public void Read_WellFormedFile_BuildsTheRows()
    {
        var network = Read(Small);

        network.NodeCount.ShouldBe(4);
        network.ArcCount.ShouldBe(5);
        network.Supply.ShouldBe([1, 1, 0, -2]);
        network.FirstArc.ShouldBe([0, 2, 4, 5, 5]);
        network.Head.ShouldBe([2, 3, 2, 3, 3]);
        network.Cost.ShouldBe([-7, 0, -9, 0, 0]);
    }

    [Fact]
    public void Solve_SmallFile_PlacesTheBetterScore()
    {
        var solution = MinCostFlow.Solve(Read(Small));

        solution.Status.ShouldBe(FlowStatus.Optimal);
        solution.Objective.ShouldBe(-9);
    }

    [Theory]
    [InlineData("a 1 2 0 1 1\np min 2 1\n", 1, "before the problem line")]
    [InlineData("p min 2 1\na 1 2 1 1 1\n", 2, "lower bound is 1")]
    [InlineData("p min 2 1\na 1 3 0 1 1\n", 2, "head node 3 is not a node")]
    [InlineData("p min 2 1\na 1 2 0 x 1\n", 2, "capacity is not an integer: 'x'")]
    [InlineData("p min 2 1\na 1 2 0 -1 1\n", 2, "capacity is negative")]
    [InlineData("p min 2 1\na 1 2 0 1 99999999999\n", 2, "does not fit a 32-bit integer")]
    [InlineData("p min 2 1\na 1 2 0 1\n", 2, "the cost is missing")]
    [InlineData("p min 2 1\na 1 2 0 1 1 7\n", 2, "unexpected text")]
    [InlineData("p min 2 1\nc fine\na 1 2 0 1 1\na 2 1 0 1 1\n", 4, "more arc lines than the 1")]
    [InlineData("p min 2 2\na 1 2 0 1 1\n", 3, "ends after 1 arc lines")]
    [InlineData("p min 2 0\nn 1 1\nn 1 2\n", 3, "given twice (first on line 2)")]
    [InlineData("p min 2 0\np min 2 0\n", 2, "second problem line")]
    [InlineData("p max 2 0\n", 1, "must read 'p min NODES ARCS'")]
    [InlineData("p min 2 0\nx 1 2\n", 2, "unknown line kind 'x'")]
    [InlineData("c only a comment\n", 2, "no problem line")]
    public void Read_MalformedFile_NamesTheLineAndTheFault(string text, int line, string fault)
    {
        var error = Should.Throw<DimacsFormatException>(() => Read(text));

        error.Line.ShouldBe(line);
        error.Message.ShouldContain(fault);
        error.Message.ShouldStartWith($"test.min, line {line}: ");
    }

    [Fact]
    public void Read_CarriageReturnsAndBlankLines_AreAccepted()
    {
        var network = Read("c x\r\n\r\np min 2 1\r\nn 1 1\r\nn 2 -1\r\na 1 2 0 3 4\r\n");

        MinCostFlow.Solve(network).Objective.ShouldBe(4);
    }

    [Fact]
    public void WriteFlow_ArcsOutOfTailOrder_ListsFlowsInFileOrder()
    {
        var network = Read("p min 3 3\nn 1 2\nn 3 -2\na 2 3 0 5 1\na 1 3 0 1 10\na 1 2 0 5 1\n");
        var solution = MinCostFlow.Solve(network);
        var written = new MemoryStream();

        DimacsWriter.WriteFlow(network, solution.Flow, solution.Objective, written);

        Encoding.ASCII.GetString(written.ToArray()).ShouldBe("s 4\nf 2 3 2\nf 1 3 0\nf 1 2 2\n");
    }

    [Fact]
    public void WriteProblem_ThenRead_GivesTheSameNetwork()
    {
        var generated = PlacementInstanceGenerator.Generate(new(500, 40, 8, 3));
        var written = new MemoryStream();
        DimacsWriter.WriteProblem(generated, written, "round trip");

        var read = DimacsReader.Read(new MemoryStream(written.ToArray()), "round.min");

        read.FirstArc.ShouldBe(generated.FirstArc);
        read.Head.ShouldBe(generated.Head);
        read.Capacity.ShouldBe(generated.Capacity);
        read.Cost.ShouldBe(generated.Cost);
        read.Supply.ShouldBe(generated.Supply);
    }
}
