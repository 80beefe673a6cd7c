using Microsoft.AspNetCore.Http.HttpResults;
using Workbridge.Web.Access;

namespace Workbridge.Web.Features.Facilities;

public static class FacilitiesApi
{
    public static RouteGroupBuilder MapFacilitiesApi(this RouteGroupBuilder api)
    {
        var facilities = api.MapGroup("/facilities").WithTags("Facilities").RequireAuthorization(Policies.FacilitiesRead);

        facilities.MapGet("/", async (FacilitiesFeature feature, string? region, CancellationToken cancellationToken) =>
                TypedResults.Ok(await feature.ListAsync(region, cancellationToken)))
            .WithSummary("Facilities with their occupancy; region filters by ISO 3166-2 code");

        facilities.MapGet("/{id:guid}", async Task<Results<Ok<FacilityView>, NotFound>> (FacilitiesFeature feature, Guid id, CancellationToken cancellationToken) =>
                await feature.GetAsync(id, cancellationToken) is { } facility ? TypedResults.Ok(facility) : TypedResults.NotFound())
            .WithSummary("One facility");

        facilities.MapPost("/", async (HttpContext http, CurrentActor actor, FacilitiesFeature feature, FacilityInput input, CancellationToken cancellationToken) =>
            {
                var id = await feature.CreateAsync(actor.Get(http), input, cancellationToken);
                return TypedResults.Created($"/api/v1/facilities/{id}", await feature.GetAsync(id, cancellationToken));
            })
            .RequireAuthorization(Policies.FacilitiesWrite)
            .WithSummary("Record a facility");

        facilities.MapPut("/{id:guid}", async Task<Results<Ok<FacilityView>, NotFound>> (HttpContext http, CurrentActor actor, FacilitiesFeature feature, Guid id, FacilityInput input, CancellationToken cancellationToken) =>
                await feature.UpdateAsync(actor.Get(http), id, input, cancellationToken)
                    ? TypedResults.Ok((await feature.GetAsync(id, cancellationToken))!)
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.FacilitiesWrite)
            .WithSummary("Change a facility's name, kind, capacity or workstations");

        return api;
    }
}
