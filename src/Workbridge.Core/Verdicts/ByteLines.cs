namespace Workbridge.Core.Verdicts;

/// <summary>
/// The lines of a file as bytes, read in large blocks: JSON lines are parsed from UTF-8 without decoding them first,
/// and a line with bad bytes fails alone. A yielded line is valid until the next one is asked for.
/// </summary>
public static class ByteLines
{
    public static IEnumerable<ReadOnlyMemory<byte>> Read(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        var filled = 0;
        var skipBom = true;
        while (true)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = stream.Read(buffer, filled, buffer.Length - filled);
            var end = filled + read;
            var start = 0;
            if (skipBom && end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
            {
                start = 3;
            }

            skipBom = skipBom && end < 3;
            while (true)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                if (newline < 0)
                {
                    break;
                }

                yield return new ReadOnlyMemory<byte>(buffer, start, newline - start);
                start = newline + 1;
            }

            if (read == 0)
            {
                if (start < end)
                {
                    yield return new ReadOnlyMemory<byte>(buffer, start, end - start);
                }

                yield break;
            }

            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            filled = end - start;
        }
    }
}
