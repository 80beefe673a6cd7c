using System.Buffers.Text;

namespace Workbridge.Core.Matching;

/// <summary>
/// Writes DIMACS min-cost-flow files (the layout <see cref="DimacsReader"/> and LEMON read) and DIMACS flow solutions
/// (<c>s COST</c>, then <c>f FROM TO FLOW</c> for every arc in the file's order), formatting numbers straight into bytes.
/// </summary>
public static class DimacsWriter
{
    public static void WriteProblem(FlowNetwork network, Stream stream, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        using var output = new ByteOutput(stream);
        if (comment is not null)
        {
            foreach (var line in comment.Split('\n'))
            {
                output.Ascii("c ").Ascii(line).Newline();
            }
        }

        output.Ascii("p min ").Number(network.NodeCount).Space().Number(network.ArcCount).Newline();
        for (var v = 0; v < network.NodeCount; v++)
        {
            if (network.Supply[v] != 0)
            {
                output.Ascii("n ").Number(v + 1).Space().Number(network.Supply[v]).Newline();
            }
        }

        for (var v = 0; v < network.NodeCount; v++)
        {
            for (var a = network.FirstArc[v]; a < network.FirstArc[v + 1]; a++)
            {
                output.Ascii("a ").Number(v + 1).Space().Number(network.Head[a] + 1).Ascii(" 0 ")
                    .Number(network.Capacity[a]).Space().Number(network.Cost[a]).Newline();
            }
        }
    }

    /// <summary>Writes <c>s OBJECTIVE</c> and one <c>f FROM TO FLOW</c> line per arc, in the order the file gave them.</summary>
    public static void WriteFlow(FlowNetwork network, ReadOnlySpan<int> flow, long objective, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(network);
        var tails = network.Tails();
        var byFile = new int[network.ArcCount];
        for (var a = 0; a < byFile.Length; a++)
        {
            byFile[network.FileOrder?[a] ?? a] = a;
        }

        using var output = new ByteOutput(stream);
        output.Ascii("s ").Number(objective).Newline();
        foreach (var a in byFile)
        {
            output.Ascii("f ").Number(tails[a] + 1).Space().Number(network.Head[a] + 1).Space().Number(flow[a]).Newline();
        }
    }

    private sealed class ByteOutput(Stream stream) : IDisposable
    {
        private readonly byte[] _buffer = new byte[1 << 20];
        private int _used;

        public ByteOutput Ascii(string text)
        {
            Room(text.Length);
            _used += System.Text.Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used));
            return this;
        }

        public ByteOutput Number(long value)
        {
            Room(24);
            Utf8Formatter.TryFormat(value, _buffer.AsSpan(_used), out var written);
            _used += written;
            return this;
        }

        public ByteOutput Space()
        {
            Room(1);
            _buffer[_used++] = (byte)' ';
            return this;
        }

        public ByteOutput Newline()
        {
            Room(1);
            _buffer[_used++] = (byte)'\n';
            return this;
        }

        public void Dispose()
        {
            stream.Write(_buffer, 0, _used);
            _used = 0;
            stream.Flush();
        }

        private void Room(int bytes)
        {
            if (_used + (bytes * 4) > _buffer.Length)
            {
                stream.Write(_buffer, 0, _used);
                _used = 0;
            }
        }
    }
}
