using System.Security.Cryptography;
using Workbridge.Data.Ledger;

namespace Workbridge.Web.Features.Ledger;

/// <summary>The checkpoint signing key, read once from Workbridge:LedgerKeyFile (or the default place) when first needed.</summary>
public sealed class LedgerSigner(IConfiguration configuration) : IDisposable
{
    private readonly Lazy<ECDsa> _key = new(() => LedgerKey.LoadOrCreate(configuration[LedgerKey.ConfigurationKey]));

    public ECDsa Key => _key.Value;

    /// <summary>SHA-256 of the public key, as checkpoints and monitors name it.</summary>
    public string Fingerprint => Core.Ledger.LedgerHash.Hex(SHA256.HashData(Key.ExportSubjectPublicKeyInfo()));

    public void Dispose()
    {
        if (_key.IsValueCreated)
        {
            _key.Value.Dispose();
        }
    }
}
