using Microsoft.AspNetCore.Http.HttpResults;
using Workbridge.Core.Common;
using Workbridge.Core.Registry;
using Workbridge.Data;
using Workbridge.Data.People;
using Workbridge.Web.Access;

namespace Workbridge.Web.Features.People;

public static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People").RequireAuthorization(Policies.RegistryRead);

        people.MapGet("/", async (HttpContext http, CurrentActor actor, WorkbridgeDb db, string? q, Guid? facility, string? region, string? status, string? legalStatus, string? occupation, bool? wantsWork, bool? wantsTraining, int? page, int? pageSize, CancellationToken cancellationToken) =>
            {
                var filter = new PeopleFilter(q, facility, region, Choice<CustodyStatus>(status, "status"), Choice<LegalStatus>(legalStatus, "legalStatus"), occupation, wantsWork, wantsTraining, page ?? 1, pageSize ?? 50);
                return TypedResults.Ok(await PeopleQueries.SearchAsync(db, actor.Get(http), filter, cancellationToken));
            })
            .WithSummary("Search people")
            .WithDescription("q matches the start of a name (surname first, ё = е, any case) or of a reference number; occupation is an ISCO-08 code or the start of one; status is in-custody, temporarily-released or released; legalStatus is pre-trial or convicted. Paged (pageSize at most 500), ordered by name.");

        people.MapGet("/{id:guid}", async Task<Results<Ok<PersonView>, NotFound>> (HttpContext http, CurrentActor actor, PersonReader reader, Guid id, CancellationToken cancellationToken) =>
                await reader.GetAsync(actor.Get(http), id, cancellationToken) is { } person ? TypedResults.Ok(person) : TypedResults.NotFound())
            .WithSummary("One person's record");

        people.MapPost("/", async (HttpContext http, CurrentActor actor, SavePerson save, PersonReader reader, CreatePersonInput input, CancellationToken cancellationToken) =>
            {
                var id = await save.CreateAsync(actor.Get(http), input, cancellationToken);
                return TypedResults.Created($"/api/v1/people/{id}", await reader.GetAsync(actor.Get(http), id, cancellationToken));
            })
            .RequireAuthorization(Policies.RegistryWrite)
            .WithSummary("Register a person by admitting them to a facility");

        people.MapPut("/{id:guid}", async Task<Results<Ok<PersonView>, NotFound>> (HttpContext http, CurrentActor actor, SavePerson save, PersonReader reader, Guid id, PersonInput input, CancellationToken cancellationToken) =>
                await save.UpdateAsync(actor.Get(http), id, input, cancellationToken)
                    ? TypedResults.Ok((await reader.GetAsync(actor.Get(http), id, cancellationToken))!)
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.RegistryWrite)
            .WithSummary("Update a person's details (not their facility or status: those change by movements)");

        people.MapGet("/{id:guid}/movements", async Task<Results<Ok<IReadOnlyList<MovementView>>, NotFound>> (HttpContext http, CurrentActor actor, PersonReader reader, Guid id, CancellationToken cancellationToken) =>
                await reader.MovementsAsync(actor.Get(http), id, cancellationToken) is { } movements ? TypedResults.Ok(movements) : TypedResults.NotFound())
            .WithSummary("A person's movement history, oldest first");

        people.MapGet("/{id:guid}/personal-data", async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> (HttpContext http, CurrentActor actor, PersonalData data, Guid id, CancellationToken cancellationToken) =>
                !actor.Get(http).SeesIdentity ? TypedResults.Forbid()
                : await data.ExportAsync(actor.Get(http), id, cancellationToken) is { } export
                    ? TypedResults.File(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(export, http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions), "application/json", $"personal-data-{id}.json")
                    : TypedResults.NotFound())
            .WithSummary("Everything held about one person, as a JSON file: for the person, or for the staff who hold their file");

        people.MapPost("/{id:guid}/movements", async Task<Results<Created<MovementView>, NotFound>> (HttpContext http, CurrentActor actor, RecordMovement record, PersonReader reader, Guid id, MovementInput input, CancellationToken cancellationToken) =>
            {
                var movement = await record.RunAsync(actor.Get(http), id, input, cancellationToken);
                if (movement is null)
                {
                    return TypedResults.NotFound();
                }

                // Built from the movement itself: a transfer may have just taken the person out of the caller's sight.
                var view = (await reader.ViewsAsync(actor.Get(http), [movement], cancellationToken))[0];
                return TypedResults.Created($"/api/v1/people/{id}/movements", view);
            })
            .RequireAuthorization(Policies.RegistryWrite)
            .WithSummary("Record a movement: admission, transfer, temporary release, return, release, release rescheduled");

        return api;
    }

    /// <summary>Query-string enums in the same kebab-case words as the JSON ("pre-trial").</summary>
    private static T? Choice<T>(string? text, string field)
        where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? null
        : EnumText.TryParse<T>(text, out var value) ? value
        : throw new RuleViolation("request.query", $"'{text}' is not one of {EnumText.Choices<T>()}.", field);
}
