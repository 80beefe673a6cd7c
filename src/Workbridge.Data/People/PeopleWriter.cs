using Workbridge.Core.Registry;

namespace Workbridge.Data.People;

/// <summary>A new person with the movements that brought them to where they are (admission, perhaps transfers).</summary>
public sealed record AdmittedPerson(Person Person, IReadOnlyList<Movement> Movements);

/// <summary>
/// Writes many new people inside a caller's unit of work, in batches that keep memory flat; the caller's transaction
/// makes it every one of them or, on any failure, none.
/// </summary>
public static class PeopleWriter
{
    private const int BatchSize = 2000;

    public static async Task<int> WriteAsync(WorkbridgeDb db, IEnumerable<AdmittedPerson> people, IProgress<int>? progress, CancellationToken cancellationToken)
    {
            var detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                var written = 0;
                foreach (var batch in people.Chunk(BatchSize))
                {
                    foreach (var admitted in batch)
                    {
                        db.People.Add(admitted.Person);
                        db.Movements.AddRange(admitted.Movements);
                    }

                    await db.SaveChangesAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    written += batch.Length;
                    progress?.Report(written);
                }

                return written;
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
            }
    }
}
