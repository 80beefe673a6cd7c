using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Ledger;

namespace Workbridge.Data.Ledger;

/// <summary>Making, listing and reading checkpoints.</summary>
public static class Checkpoints
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Signs the ledger's current head and keeps the checkpoint; when nothing was added since the last one, returns that.</summary>
    public static async Task<Checkpoint> CreateAsync(UnitOfWork unitOfWork, ECDsa key, CancellationToken cancellationToken)
    {
        var db = unitOfWork.Db;
        var head = await db.LedgerEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var size = head?.Sequence ?? 0;
        var last = await db.LedgerCheckpoints.AsNoTracking().OrderByDescending(c => c.Size).FirstOrDefaultAsync(cancellationToken);
        var publicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
        if (last is not null && last.Size == size && last.PublicKey == publicKey)
        {
            return last.ToCheckpoint();
        }

        var checkpoint = Checkpoint.Sign(size, head?.Hash ?? LedgerHash.Genesis, unitOfWork.Now, key);
        await unitOfWork.RunAsync(Actor.System("checkpoint"), async d =>
        {
            // A new signing key re-signs the same size: the newer signature replaces the older one.
            if (last is not null && last.Size == size)
            {
                d.LedgerCheckpoints.Remove(await d.LedgerCheckpoints.SingleAsync(c => c.Size == size, cancellationToken));
            }

            d.LedgerCheckpoints.Add(new StoredCheckpoint(checkpoint));
            return 0;
        }, cancellationToken);
        return checkpoint;
    }

    public static async Task<IReadOnlyList<Checkpoint>> ListAsync(WorkbridgeDb db, CancellationToken cancellationToken) =>
        [.. (await db.LedgerCheckpoints.AsNoTracking().OrderByDescending(c => c.Size).ToListAsync(cancellationToken)).Select(c => c.ToCheckpoint())];

    public static string ToJson(Checkpoint checkpoint) => JsonSerializer.Serialize(checkpoint, Json);

    public static Checkpoint Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Checkpoint>(File.ReadAllText(path), Json)
                ?? throw new InvalidOperationException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{path} is not a checkpoint file: {e.Message}", e);
        }
    }
}
