using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Workbridge.Core.Ledger;

/// <summary>
/// The ledger's hashes: SHA-256 over a length-prefixed encoding of every field, with a distinct domain tag for each
/// use (entry, payload, genesis, checkpoint), so that a hash made for one purpose can never pass for another.
/// </summary>
public static class LedgerHash
{
    private const string EntryDomain = "workbridge/ledger/entry/v1";
    private const string PayloadDomain = "workbridge/ledger/payload/v1";

    /// <summary>The "previous hash" of the first entry.</summary>
    public static string Genesis { get; } = Hex(SHA256.HashData(Encoding.UTF8.GetBytes("workbridge/ledger/genesis/v1")));

    public static string Entry(LedgerEntry entry)
    {
        var writer = new FieldWriter(EntryDomain);
        writer.Add(entry.Sequence.ToString(CultureInfo.InvariantCulture));
        writer.Add(entry.At.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture));
        writer.Add(entry.ActorId);
        writer.Add(entry.Action);
        writer.Add(entry.EntityType);
        writer.Add(entry.EntityId);
        writer.Add(entry.FacilityId?.ToString("D") ?? "");
        writer.Add(entry.PayloadHash);
        writer.Add(entry.PreviousHash);
        return writer.Hash();
    }

    /// <summary>The hash of an entity's state given as ordered (name, value) pairs.</summary>
    public static string Payload(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        var writer = new FieldWriter(PayloadDomain);
        foreach (var (name, value) in fields)
        {
            writer.Add(name);
            writer.Add(value ?? "\0null");
        }

        return writer.Hash();
    }

    /// <summary>An instant as the ledger keeps it: UTC, whole microseconds (PostgreSQL's precision), so that a stored entry rehashes the same.</summary>
    public static DateTime Instant(DateTime at)
    {
        var utc = at.ToUniversalTime();
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }

    /// <summary>The payload hash of a deleted entity.</summary>
    public static string Deleted { get; } = Payload([]);

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Domain tag, then each field as a 4-byte big-endian length and its UTF-8 bytes.</summary>
    private sealed class FieldWriter
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public FieldWriter(string domain) => Add(domain);

        public void Add(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            _hash.AppendData(length);
            _hash.AppendData(bytes);
        }

        public string Hash()
        {
            Span<byte> digest = stackalloc byte[32];
            _hash.GetHashAndReset(digest);
            _hash.Dispose();
            return Hex(digest);
        }
    }
}
