using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Common;
using Workbridge.Core.Reference;
using Workbridge.Data;

namespace Workbridge.Web.Features.Reference;

public sealed record RegionView(string Code, string NameEn, string NameRu, string Currency, long Population, WorkingTimeRules WorkingTime, IReadOnlyList<MinimumWage> MinimumWages);

public sealed record IscoView(string Code, IscoLevel Level, string TitleEn, string TitleRu);

public sealed record OffenceCatalogueView(string Code, string Article, string TitleEn, string TitleRu, string Categories);

public static class ReferenceApi
{
    public static RouteGroupBuilder MapReferenceApi(this RouteGroupBuilder api)
    {
        var reference = api.MapGroup("/").WithTags("Reference data");

        reference.MapGet("/regions", async (WorkbridgeDb db, string? country, CancellationToken cancellationToken) =>
            {
                var regions = db.Regions.AsNoTracking();
                if (!string.IsNullOrWhiteSpace(country))
                {
                    var code = country.Trim().ToUpperInvariant();
                    regions = regions.Where(r => r.CountryCode == code);
                }

                return TypedResults.Ok((await regions.ToListAsync(cancellationToken)).OrderBy(r => r.Code, StringComparer.Ordinal).Select(View).ToList());
            })
            .WithSummary("Regions with minimum wage history and working-time caps");

        reference.MapGet("/regions/{code}", async Task<Results<Ok<RegionView>, NotFound>> (WorkbridgeDb db, string code, CancellationToken cancellationToken) =>
                await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code.ToUpperInvariant(), cancellationToken) is { } region ? TypedResults.Ok(View(region)) : TypedResults.NotFound())
            .WithSummary("One region");

        reference.MapGet("/occupations", async (WorkbridgeDb db, string? q, string? under, CancellationToken cancellationToken) =>
            {
                var groups = db.IscoGroups.AsNoTracking();
                if (!string.IsNullOrWhiteSpace(under))
                {
                    var prefix = under.Trim();
                    groups = groups.Where(g => g.Code.StartsWith(prefix));
                }

                var list = await groups.ToListAsync(cancellationToken);
                var text = SearchText.Fold(q);
                return TypedResults.Ok(list
                    .Where(g => text.Length == 0 || g.Code.StartsWith(text, StringComparison.Ordinal) || SearchText.Fold(g.TitleEn).Contains(text, StringComparison.Ordinal) || SearchText.Fold(g.TitleRu).Contains(text, StringComparison.Ordinal))
                    .OrderBy(g => g.Code, StringComparer.Ordinal)
                    .Select(g => new IscoView(g.Code, g.Level, g.TitleEn, g.TitleRu))
                    .ToList());
            })
            .WithSummary("ISCO-08 groups; q matches a code prefix or words of a title (English or Russian); under limits to a group");

        reference.MapGet("/offences", async (WorkbridgeDb db, CancellationToken cancellationToken) =>
                TypedResults.Ok((await db.Offences.AsNoTracking().ToListAsync(cancellationToken))
                    .OrderBy(o => o.Code, StringComparer.Ordinal).ThenBy(o => LegalReference.ArticleOrder(o.Article))
                    .Select(o => new OffenceCatalogueView(o.Code, o.Article, o.TitleEn, o.TitleRu, OffenceCategories.Format(o.Categories)))
                    .ToList()))
            .WithSummary("The offence catalogue with each article's categories");

        return api;
    }

    private static RegionView View(Region r) => new(r.Code, r.NameEn, r.NameRu, r.Currency, r.Population, r.WorkingTime, r.MinimumWages);
}
