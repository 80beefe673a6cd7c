using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Ledger;
using Workbridge.Data;
using Workbridge.Data.Ledger;

namespace Workbridge.Web.Features.Ledger;

public sealed record LedgerStatus(long Entries, string HeadHash, string KeyFingerprint, IReadOnlyList<Checkpoint> Checkpoints);

public sealed record VerificationView(bool Ok, long Entries, long EntitiesChecked, long? BadSequence, string? Problem, long? AgainstCheckpoint);

public static class LedgerApi
{
    public static async Task<LedgerStatus> StatusAsync(WorkbridgeDb db, LedgerSigner signer, CancellationToken cancellationToken)
    {
        var head = await db.LedgerEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        return new LedgerStatus(head?.Sequence ?? 0, head?.Hash ?? LedgerHash.Genesis, signer.Fingerprint, await Checkpoints.ListAsync(db, cancellationToken));
    }

    /// <summary>
    /// Verifies the live ledger against the latest stored checkpoint, which must carry this server's signing key. The
    /// stored checkpoints are themselves in the database: a monitor's own copies, verified with the CLI, are the
    /// stronger check.
    /// </summary>
    public static async Task<VerificationView> VerifyAsync(WorkbridgeDb db, LedgerSigner signer, CancellationToken cancellationToken)
    {
        var latest = (await Checkpoints.ListAsync(db, cancellationToken)).FirstOrDefault();
        var result = await LedgerVerifier.VerifyAsync(db, latest, latest is null ? null : signer.Fingerprint, null, cancellationToken);
        return new VerificationView(result.Ok, result.Entries, result.EntitiesChecked, result.BadSequence, result.Problem, latest?.Size);
    }

    public static RouteGroupBuilder MapLedgerApi(this RouteGroupBuilder api)
    {
        var ledger = api.MapGroup("/ledger").WithTags("Ledger").RequireAuthorization(Web.Access.Policies.Ledger);

        ledger.MapGet("/", async (WorkbridgeDb db, LedgerSigner signer, CancellationToken cancellationToken) => TypedResults.Ok(await StatusAsync(db, signer, cancellationToken)))
            .WithSummary("The ledger's size, head hash, signing key fingerprint and every checkpoint");

        ledger.MapGet("/checkpoints/{size:long}", async Task<Results<FileContentHttpResult, NotFound>> (WorkbridgeDb db, long size, CancellationToken cancellationToken) =>
                await db.LedgerCheckpoints.AsNoTracking().FirstOrDefaultAsync(c => c.Size == size, cancellationToken) is { } stored
                    ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(Checkpoints.ToJson(stored.ToCheckpoint())), "application/json", $"workbridge-checkpoint-{size}.json")
                    : TypedResults.NotFound())
            .WithSummary("Download one checkpoint, for `workbridge ledger verify --checkpoint FILE`");

        ledger.MapPost("/checkpoints", async (UnitOfWork unitOfWork, LedgerSigner signer, CancellationToken cancellationToken) =>
            {
                var checkpoint = await Checkpoints.CreateAsync(unitOfWork, signer.Key, cancellationToken);
                return TypedResults.Created($"/api/v1/ledger/checkpoints/{checkpoint.Size}", checkpoint);
            })
            .WithSummary("Sign a checkpoint of the ledger as it is now");

        ledger.MapPost("/verification", async (WorkbridgeDb db, LedgerSigner signer, CancellationToken cancellationToken) => TypedResults.Ok(await VerifyAsync(db, signer, cancellationToken)))
            .WithSummary("Verify the chain, the data and the latest checkpoint now");

        return api;
    }
}
