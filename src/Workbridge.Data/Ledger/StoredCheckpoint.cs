using Workbridge.Core.Ledger;

namespace Workbridge.Data.Ledger;

/// <summary>A checkpoint as the database keeps it, so that monitors can download every one ever made.</summary>
public sealed class StoredCheckpoint
{
    private StoredCheckpoint()
    {
        HeadHash = "";
        PublicKey = "";
        Signature = "";
    }

    public StoredCheckpoint(Checkpoint checkpoint)
    {
        Size = checkpoint.Size;
        HeadHash = checkpoint.HeadHash;
        At = checkpoint.At;
        PublicKey = checkpoint.PublicKey;
        Signature = checkpoint.Signature;
    }

    public long Size { get; private set; }

    public string HeadHash { get; private set; }

    public DateTime At { get; private set; }

    public string PublicKey { get; private set; }

    public string Signature { get; private set; }

    public Checkpoint ToCheckpoint() => new(Size, HeadHash, At, PublicKey, Signature);
}
