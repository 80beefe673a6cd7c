using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace Workbridge.Core.Ledger;

/// <summary>
/// A signed statement that the ledger had <see cref="Size"/> entries ending in <see cref="HeadHash"/> at
/// <see cref="At"/>. Signed with ECDSA P-256 (SHA-256) by a key kept outside the database; monitors keep copies and
/// verify the live ledger against them, so a rewrite of history after a checkpoint cannot go unnoticed.
/// </summary>
public sealed record Checkpoint(
    long Size,
    string HeadHash,
    DateTime At,
    [property: JsonPropertyName("publicKey")] string PublicKey,
    string Signature)
{
    private const string Domain = "workbridge/ledger/checkpoint/v1";

    /// <summary>SHA-256 of the public key (SubjectPublicKeyInfo), to compare with the fingerprint a monitor holds.</summary>
    public string KeyFingerprint => LedgerHash.Hex(SHA256.HashData(Convert.FromBase64String(PublicKey)));

    public static Checkpoint Sign(long size, string headHash, DateTime at, ECDsa key)
    {
        at = LedgerHash.Instant(at);
        var publicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
        var signature = key.SignData(Message(size, headHash, at), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new Checkpoint(size, headHash, at, publicKey, Convert.ToBase64String(signature));
    }

    /// <summary>True when the signature is valid for the embedded public key (and, when given, that key is the expected one).</summary>
    public bool HasValidSignature(string? expectedFingerprint = null)
    {
        if (expectedFingerprint is not null && !string.Equals(expectedFingerprint, KeyFingerprint, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(PublicKey), out _);
            return key.KeySize == 256 && key.VerifyData(Message(Size, HeadHash, At), Convert.FromBase64String(Signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
    }

    private static byte[] Message(long size, string headHash, DateTime at) =>
        Encoding.UTF8.GetBytes(string.Join('\n', Domain, size.ToString(CultureInfo.InvariantCulture), headHash, at.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture)));
}
