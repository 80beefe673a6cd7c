using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Common;
using Workbridge.Core.Registry;

namespace Workbridge.Data.People;

/// <summary>Filters of the people list; all optional. <see cref="Text"/> matches the start of a name or a reference number.</summary>
public sealed record PeopleFilter(
    string? Text = null,
    Guid? FacilityId = null,
    string? RegionCode = null,
    CustodyStatus? Status = null,
    LegalStatus? LegalStatus = null,
    string? Occupation = null,
    bool? WantsWork = null,
    bool? WantsTraining = null,
    int Page = 1,
    int PageSize = 50)
{
    public const int MaxPageSize = 500;
}

/// <summary>One row of the people list; for actors without sight of identity, names and birth date are left out and the reference number is the pseudonymous id.</summary>
public sealed record PersonSummary(
    Guid Id,
    string ReferenceNumber,
    string FullName,
    DateOnly? BirthDate,
    LegalStatus LegalStatus,
    CustodyStatus Status,
    Guid FacilityId,
    string FacilityCode,
    string RegionCode,
    DateOnly? ExpectedRelease);

/// <summary>
/// One page of results. <see cref="Total"/> is exact up to <see cref="PeopleQueries.CountLimit"/>; beyond it the
/// count stops there and <see cref="TotalIsCapped"/> says so, which keeps a broad filter as fast as a narrow one.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Number, int PageSize, bool TotalIsCapped = false)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The registry's reads, shared by the API, the pages and the CLI. Every read is limited to what the actor may see.</summary>
public static class PeopleQueries
{
    public const int CountLimit = 10_000;

    /// <summary>
    /// The people an actor may see at all: facility staff their facility's, the person their own record, central
    /// staff and monitors everyone. Other roles see nobody here (employers get pseudonymous profiles elsewhere).
    /// </summary>
    public static IQueryable<Person> VisibleTo(this IQueryable<Person> people, Actor actor) => actor.Role switch
    {
        Role.CentralStaff or Role.Monitor => people,
        Role.FacilityStaff when actor.FacilityId is { } facility => people.Where(p => p.FacilityId == facility),
        Role.Person when actor.PersonId is { } self => people.Where(p => p.Id == self),
        _ => people.Where(p => false),
    };

    public static async Task<Page<PersonSummary>> SearchAsync(WorkbridgeDb db, Actor actor, PeopleFilter filter, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(filter.PageSize, 1, PeopleFilter.MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var people = db.People.AsNoTracking().VisibleTo(actor);

        var text = SearchText.Fold(filter.Text);
        if (text.Length > 0 && !actor.SeesIdentity)
        {
            // A name or file-number search would tell a pseudonym's holder who it is.
            throw new RuleViolation("search.identity", "Searching by name or reference number is for the staff who hold the file.", "q");
        }

        if (text.Any(char.IsDigit))
        {
            // Reference numbers carry digits and names never do: one index range scan either way, in index order.
            var reference = filter.Text!.Trim();
            var referenceUpper = SearchText.UpperBound(reference);
            people = people.Where(p => string.Compare(p.ReferenceNumber, reference) >= 0 && string.Compare(p.ReferenceNumber, referenceUpper) < 0);
        }
        else if (text.Length > 0)
        {
            // A range rather than LIKE, which neither database can serve from this index.
            var upper = SearchText.UpperBound(text);
            people = people.Where(p => string.Compare(p.SearchName, text) >= 0 && string.Compare(p.SearchName, upper) < 0);
        }

        if (filter.FacilityId is { } facilityId)
        {
            people = people.Where(p => p.FacilityId == facilityId);
        }

        if (!string.IsNullOrWhiteSpace(filter.RegionCode))
        {
            var region = filter.RegionCode.Trim().ToUpperInvariant();
            var facilities = db.Facilities.Where(f => f.RegionCode == region).Select(f => f.Id);
            people = people.Where(p => facilities.Contains(p.FacilityId));
        }

        if (filter.Status is { } status)
        {
            people = people.Where(p => p.Status == status);
        }

        if (filter.LegalStatus is { } legalStatus)
        {
            people = people.Where(p => p.LegalStatus == legalStatus);
        }

        if (!string.IsNullOrWhiteSpace(filter.Occupation))
        {
            // A unit group or any group above it: "75" finds every food, wood and garment trade worker.
            var code = filter.Occupation.Trim();
            var codeUpper = SearchText.UpperBound(code);
            // IN (subquery) over the occupation index rather than EXISTS per person; owned rows cannot be queried on
            // their own through LINQ, hence the SQL (the same on both databases).
            var holders = db.Database.SqlQuery<Guid>($"""SELECT "PersonId" AS "Value" FROM "PersonOccupations" WHERE "IscoCode" >= {code} AND "IscoCode" < {codeUpper}""");
            people = people.Where(p => holders.Contains(p.Id));
        }

        if (filter.WantsWork is { } wantsWork)
        {
            people = people.Where(p => p.WantsWork == wantsWork);
        }

        if (filter.WantsTraining is { } wantsTraining)
        {
            people = people.Where(p => p.WantsTraining == wantsTraining);
        }

        var total = await people.Take(CountLimit + 1).CountAsync(cancellationToken);
        // Those who see pseudonyms get them in id order: name order would give the names away.
        var ordered = actor.SeesIdentity ? people.OrderBy(p => p.SearchName).ThenBy(p => p.Id) : people.OrderBy(p => p.Id);
        var items = await ordered
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Facilities, p => p.FacilityId, f => f.Id, (p, f) => new PersonSummary(
                p.Id, p.ReferenceNumber, p.Identity.FullName, p.Identity.BirthDate, p.LegalStatus, p.Status, p.FacilityId, f.Code, f.RegionCode, p.Sentence.ExpectedRelease))
            .ToListAsync(cancellationToken);
        if (!actor.SeesIdentity)
        {
            items = [.. items.Select(p => p with { ReferenceNumber = Pseudonym(p.Id), FullName = Pseudonym(p.Id), BirthDate = null })];
        }

        return new Page<PersonSummary>(items, Math.Min(total, CountLimit), page, pageSize, total > CountLimit);
    }

    /// <summary>How a person is named to those who may not see their identity: a short form of the pseudonymous id.</summary>
    public static string Pseudonym(Guid id) => "P-" + id.ToString("N")[^10..].ToUpperInvariant();

    public static Task<Person?> FindAsync(WorkbridgeDb db, Actor actor, Guid id, CancellationToken cancellationToken) =>
        db.People.VisibleTo(actor).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public static async Task<IReadOnlyList<Movement>?> MovementsAsync(WorkbridgeDb db, Actor actor, Guid personId, CancellationToken cancellationToken)
    {
        if (!await db.People.VisibleTo(actor).AnyAsync(p => p.Id == personId, cancellationToken))
        {
            return null;
        }

        return await db.Movements.AsNoTracking().Where(m => m.PersonId == personId).OrderBy(m => m.Sequence).ToListAsync(cancellationToken);
    }
}
