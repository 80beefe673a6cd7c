using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Pay;
using Workbridge.Core.Training;
using Workbridge.Core.Work;
using Workbridge.Data;
using Workbridge.Data.Reference;
using Workbridge.Web.Access;

namespace Workbridge.Web.Features.Work;

/// <summary>The work and training endpoints: employers, orders, contracts, courses, cohorts, placements, timesheets, pay and rules.</summary>
public static class WorkApi
{
    public static RouteGroupBuilder MapWorkApi(this RouteGroupBuilder api)
    {
        MapEmployers(api.MapGroup("/employers").WithTags("Employers"));
        MapOrders(api.MapGroup("/orders").WithTags("Job orders").RequireAuthorization(Policies.WorkRead));
        MapTraining(api);
        MapPlacements(api.MapGroup("/placements").WithTags("Placements").RequireAuthorization(Policies.WorkRead));
        MapPay(api);
        return api;
    }

    private static void MapEmployers(RouteGroupBuilder employers)
    {
        employers.MapGet("/", async (HttpContext http, CurrentActor actor, WorkbridgeDb db, CancellationToken cancellationToken) =>
            {
                var a = actor.Get(http);
                var query = db.Employers.AsNoTracking();
                query = a.Role == Core.Access.Role.Employer ? query.Where(e => e.Id == a.EmployerId) : query;
                return TypedResults.Ok(await query.OrderBy(e => e.LegalName).Select(e => new EmployerView(e.Id, e.LegalName, e.TaxId, e.RegionCode, e.Sector, e.Verified)).ToListAsync(cancellationToken));
            })
            .RequireAuthorization(Policies.OrdersManage)
            .WithSummary("Employers (an employer sees itself)");

        employers.MapPost("/", async (HttpContext http, CurrentActor actor, Openings openings, EmployerInput input, CancellationToken cancellationToken) =>
            {
                var e = await openings.CreateEmployerAsync(actor.Get(http), input, cancellationToken);
                return TypedResults.Created($"/api/v1/employers/{e.Id}", new EmployerView(e.Id, e.LegalName, e.TaxId, e.RegionCode, e.Sector, e.Verified));
            })
            .RequireAuthorization(Policies.Central)
            .WithSummary("Register an employer (the tax id is checked: an ИНН for a Russian region)");

        employers.MapPost("/{employerId:guid}/verification", async Task<Results<Ok<EmployerView>, NotFound>> (HttpContext http, CurrentActor actor, Openings openings, Guid employerId, CancellationToken cancellationToken) =>
                await openings.VerifyEmployerAsync(actor.Get(http), employerId, cancellationToken) is { } e
                    ? TypedResults.Ok(new EmployerView(e.Id, e.LegalName, e.TaxId, e.RegionCode, e.Sector, e.Verified))
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.Central)
            .WithSummary("Record that the service checked the employer; its orders open from then on");
    }

    private static void MapOrders(RouteGroupBuilder orders)
    {
        orders.MapGet("/", async (HttpContext http, CurrentActor actor, WorkReader reader, CancellationToken cancellationToken) =>
                TypedResults.Ok(await reader.OrderViewsAsync(await reader.VisibleOrdersAsync(actor.Get(http), cancellationToken), cancellationToken)))
            .WithSummary("Job orders the caller may see: all for central staff and monitors, those serving the facility for its staff and people, its own for an employer, open vacancies of the region for an employment service");

        orders.MapGet("/{orderId:guid}", async Task<Results<Ok<OrderView>, NotFound>> (HttpContext http, CurrentActor actor, WorkReader reader, Guid orderId, CancellationToken cancellationToken) =>
                await reader.FindOrderAsync(actor.Get(http), orderId, cancellationToken) is { } order
                    ? TypedResults.Ok((await reader.OrderViewsAsync([order], cancellationToken))[0])
                    : TypedResults.NotFound())
            .WithSummary("One job order with its terms and the hash a consent must match");

        orders.MapPost("/", async (HttpContext http, CurrentActor actor, Openings openings, WorkReader reader, OrderInput input, CancellationToken cancellationToken) =>
            {
                var order = await openings.CreateOrderAsync(actor.Get(http), input, cancellationToken);
                return TypedResults.Created($"/api/v1/orders/{order.Id}", (await reader.OrderViewsAsync([order], cancellationToken))[0]);
            })
            .RequireAuthorization(Policies.OrdersManage)
            .WithSummary("Post a job order; a wage below the regional minimum is refused with the minimum named");

        orders.MapPut("/{orderId:guid}/terms", async Task<Results<Ok<TermsChanged>, NotFound>> (HttpContext http, CurrentActor actor, Openings openings, Guid orderId, TermsInput input, CancellationToken cancellationToken) =>
                await openings.ChangeTermsAsync(actor.Get(http), orderId, input, cancellationToken) is { } suspended ? TypedResults.Ok(new TermsChanged(suspended)) : TypedResults.NotFound())
            .RequireAuthorization(Policies.OrdersManage)
            .WithSummary("Change wage, hours, duties or dates: active placements are suspended until each person consents again");

        orders.MapPost("/{orderId:guid}/closure", async Task<Results<NoContent, NotFound>> (HttpContext http, CurrentActor actor, Openings openings, Guid orderId, CancellationToken cancellationToken) =>
                await openings.CloseOrderAsync(actor.Get(http), orderId, cancellationToken) is null ? TypedResults.NotFound() : TypedResults.NoContent())
            .RequireAuthorization(Policies.OrdersManage)
            .WithSummary("Close the order to new applications (placements already made go on)");

        orders.MapGet("/{orderId:guid}/candidates", async Task<Results<Ok<IReadOnlyList<CandidateView>>, NotFound>> (HttpContext http, CurrentActor actor, Placements placements, Guid orderId, int? limit, CancellationToken cancellationToken) =>
                await placements.CandidatesAsync(actor.Get(http), orderId, limit ?? 50, cancellationToken) is { } candidates ? TypedResults.Ok(candidates) : TypedResults.NotFound())
            .RequireAuthorization(Policies.Candidates)
            .WithSummary("Pseudonymous profiles of people who want work and pass every hard rule for the order");

        orders.MapGet("/{orderId:guid}/eligibility/{personId:guid}", async Task<Results<Ok<EligibilityView>, NotFound>> (HttpContext http, CurrentActor actor, Placements placements, Guid orderId, Guid personId, CancellationToken cancellationToken) =>
                await placements.EligibilityAsync(actor.Get(http), orderId, personId, cancellationToken) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .RequireAuthorization(Policies.WorkStaff)
            .WithSummary("Why a person is or is not eligible for an order or cohort: every rule with its reason code");

        orders.MapGet("/contracts", async (HttpContext http, CurrentActor actor, WorkbridgeDb db, TimeProvider clock, CancellationToken cancellationToken) =>
                TypedResults.Ok(await ContractViewsAsync(db, clock, actor.Get(http), cancellationToken)))
            .RequireAuthorization(Policies.WorkStaff)
            .WithSummary("Production contracts between institutions, with progress");

        orders.MapPost("/contracts", async (HttpContext http, CurrentActor actor, Openings openings, WorkbridgeDb db, TimeProvider clock, ContractInput input, CancellationToken cancellationToken) =>
            {
                var contract = await openings.CreateContractAsync(actor.Get(http), input, cancellationToken);
                return TypedResults.Created($"/api/v1/orders/contracts/{contract.Id}", (await ContractViewsAsync(db, clock, actor.Get(http), cancellationToken)).Single(c => c.Id == contract.Id));
            })
            .RequireAuthorization(Policies.WorkStaff)
            .WithSummary("Record a production contract: customer, items, quantities, deadline");

        orders.MapPost("/contracts/{contractId:guid}/deliveries", async Task<Results<Ok<ContractView>, NotFound>> (HttpContext http, CurrentActor actor, Openings openings, WorkbridgeDb db, TimeProvider clock, Guid contractId, DeliveryInput input, CancellationToken cancellationToken) =>
                await openings.RecordDeliveryAsync(actor.Get(http), contractId, input, cancellationToken) is { } contract
                    ? TypedResults.Ok((await ContractViewsAsync(db, clock, actor.Get(http), cancellationToken)).Single(c => c.Id == contract.Id))
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.WorkStaff)
            .WithSummary("Record units delivered on an item line");

        orders.MapGet("/rules", async (WorkbridgeDb db, CancellationToken cancellationToken) => TypedResults.Ok(await ReferenceData.RulesAsync(db, cancellationToken)))
            .RequireAuthorization(Policies.WorkStaff)
            .WithSummary("The eligibility rule tables: security rules and the work modes open to each kind of facility");

        orders.MapPost("/rules/security", async (HttpContext http, CurrentActor actor, Openings openings, SecurityRuleInput input, CancellationToken cancellationToken) =>
            {
                var rule = await openings.AddSecurityRuleAsync(actor.Get(http), input, cancellationToken);
                return TypedResults.Created($"/api/v1/orders/rules/security/{rule.Code}", rule);
            })
            .RequireAuthorization(Policies.Central)
            .WithSummary("Add a security rule: an offence category refused an access need");

        orders.MapDelete("/rules/security/{code}", async Task<Results<NoContent, NotFound>> (HttpContext http, CurrentActor actor, Openings openings, string code, CancellationToken cancellationToken) =>
                await openings.RemoveSecurityRuleAsync(actor.Get(http), code, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound())
            .RequireAuthorization(Policies.Central)
            .WithSummary("Remove a security rule (the ledger keeps the change)");
    }

    private static void MapTraining(RouteGroupBuilder api)
    {
        var training = api.MapGroup("/training").WithTags("Training").RequireAuthorization(Policies.WorkRead);
        training.MapGet("/courses", async (WorkbridgeDb db, CancellationToken cancellationToken) =>
                TypedResults.Ok(await db.TrainingCourses.AsNoTracking().OrderBy(c => c.Title).Select(c => new CourseView(c.Id, c.IscoCode, c.Title, c.Hours, c.Syllabus)).ToListAsync(cancellationToken)))
            .WithSummary("Vocational courses");

        training.MapPost("/courses", async (HttpContext http, CurrentActor actor, Openings openings, CourseInput input, CancellationToken cancellationToken) =>
            {
                var c = await openings.CreateCourseAsync(actor.Get(http), input, cancellationToken);
                return TypedResults.Created($"/api/v1/training/courses/{c.Id}", new CourseView(c.Id, c.IscoCode, c.Title, c.Hours, c.Syllabus));
            })
            .RequireAuthorization(Policies.Central)
            .WithSummary("Add a course for an ISCO-08 occupation");

        training.MapGet("/cohorts", async (HttpContext http, CurrentActor actor, WorkReader reader, CancellationToken cancellationToken) =>
                TypedResults.Ok(await reader.CohortViewsAsync(await reader.VisibleCohortsAsync(actor.Get(http), cancellationToken), cancellationToken)))
            .WithSummary("Cohorts the caller may see, with seats taken");

        training.MapPost("/cohorts", async (HttpContext http, CurrentActor actor, Openings openings, WorkReader reader, CohortInput input, CancellationToken cancellationToken) =>
            {
                var cohort = await openings.CreateCohortAsync(actor.Get(http), input, cancellationToken);
                return TypedResults.Created($"/api/v1/training/cohorts/{cohort.Id}", (await reader.CohortViewsAsync([cohort], cancellationToken))[0]);
            })
            .RequireAuthorization(Policies.WorkStaff)
            .WithSummary("Open a cohort of a course in a facility");
    }

    private static void MapPlacements(RouteGroupBuilder placements)
    {
        placements.MapGet("/", async (HttpContext http, CurrentActor actor, WorkReader reader, Guid? openingId, Guid? personId, string? status, CancellationToken cancellationToken) =>
            {
                var a = actor.Get(http);
                var query = reader.VisiblePlacements(a);
                query = openingId is { } o ? query.Where(p => p.OpeningId == o) : query;
                query = personId is { } p ? query.Where(x => x.PersonId == p) : query;
                if (!string.IsNullOrWhiteSpace(status))
                {
                    var wanted = Core.Common.EnumText.TryParse<PlacementStatus>(status, out var s) ? s : throw new Core.Common.RuleViolation("request.query", $"'{status}' is not one of {Core.Common.EnumText.Choices<PlacementStatus>()}.", "status");
                    query = query.Where(x => x.Status == wanted);
                }

                var list = await query.OrderByDescending(x => x.CreatedAt).Take(1000).ToListAsync(cancellationToken);
                return TypedResults.Ok(await reader.PlacementViewsAsync(a, list, cancellationToken));
            })
            .WithSummary("Placements and enrolments the caller may see (at most 1000, newest first)");

        placements.MapGet("/{placementId:guid}", async Task<Results<Ok<PlacementView>, NotFound>> (HttpContext http, CurrentActor actor, WorkReader reader, Guid placementId, CancellationToken cancellationToken) =>
                await reader.VisiblePlacements(actor.Get(http)).FirstOrDefaultAsync(p => p.Id == placementId, cancellationToken) is { } placement
                    ? TypedResults.Ok((await reader.PlacementViewsAsync(actor.Get(http), [placement], cancellationToken))[0])
                    : TypedResults.NotFound())
            .WithSummary("One placement with every consent given for it");

        placements.MapPost("/proposals", (HttpContext http, CurrentActor actor, Placements handler, WorkReader reader, ApplyInput input, CancellationToken cancellationToken) =>
                Created(http, actor, reader, handler.ProposeAsync(actor.Get(http), input, cancellationToken), cancellationToken))
            .RequireAuthorization(Policies.WorkStaff)
            .WithSummary("Propose an order or cohort to a person; nothing is agreed until they apply");

        placements.MapPost("/", (HttpContext http, CurrentActor actor, Placements handler, WorkReader reader, ApplyInput input, CancellationToken cancellationToken) =>
                Created(http, actor, reader, handler.ApplyAsync(actor.Get(http), input, cancellationToken), cancellationToken))
            .RequireAuthorization(Policies.PlacementsPerson)
            .WithSummary("Apply: the person consents to the terms they read (termsHash); staff record a paper application with its number (writtenReference)");

        Step<ConsentInput>(placements, "/{placementId:guid}/consent", Policies.PlacementsPerson, "Consent again after the terms changed (termsHash of the terms read)", (h, a, id, body, ct) => h.RenewConsentAsync(a, id, body ?? new(null, null), ct));
        Step<EndInput>(placements, "/{placementId:guid}/acceptance", Policies.PlacementsAccept, "The employer (or facility, for workshops and training) accepts the application", (h, a, id, _, ct) => h.AcceptAsync(a, id, ct));
        Step<EndInput>(placements, "/{placementId:guid}/activation", Policies.WorkStaff, "Start the placement: only with consent to the current terms and every rule passed", (h, a, id, _, ct) => h.ActivateAsync(a, id, ct));
        Step<EndInput>(placements, "/{placementId:guid}/withdrawal", Policies.PlacementsPerson, "The person withdraws, at any time; nothing else about them changes (an optional note)", (h, a, id, body, ct) => h.WithdrawAsync(a, id, body?.Note, ct));
        Step<EndInput>(placements, "/{placementId:guid}/end", Policies.PlacementsEnd, "End the placement for a reason other than the person's withdrawal", (h, a, id, body, ct) => h.EndAsync(a, id, body ?? new(null, null), ct));
        Step<CompleteInput>(placements, "/{placementId:guid}/completion", Policies.WorkStaff, "Complete a training enrolment: certificate issued, occupation added to the person's record", (h, a, id, body, ct) => h.CompleteTrainingAsync(a, id, body ?? new(null), ct));

        placements.MapGet("/{placementId:guid}/timesheet", async Task<Results<Ok<IReadOnlyList<TimesheetEntryView>>, NotFound>> (HttpContext http, CurrentActor actor, Timesheets timesheets, Guid placementId, CancellationToken cancellationToken) =>
                await timesheets.ForPlacementAsync(actor.Get(http), placementId, cancellationToken) is { } entries ? TypedResults.Ok(entries) : TypedResults.NotFound())
            .WithSummary("Hours recorded on a placement, by day");

        placements.MapPut("/{placementId:guid}/timesheet/{date}", async Task<Results<Ok<TimesheetEntryView>, NotFound>> (HttpContext http, CurrentActor actor, Timesheets timesheets, Guid placementId, string date, HoursInput input, CancellationToken cancellationToken) =>
                await timesheets.RecordAsync(actor.Get(http), placementId, Timesheets.ParseDate(date), input, cancellationToken) is { } entry ? TypedResults.Ok(entry) : TypedResults.NotFound())
            .RequireAuthorization(Policies.TimesheetsRecord)
            .WithSummary("Record (or correct) the hours of one day; over a daily or weekly cap is refused with the cap and article named");

        placements.MapPost("/timesheet/{entryId:guid}/confirmation", async Task<Results<Ok<TimesheetEntryView>, NotFound>> (HttpContext http, CurrentActor actor, Timesheets timesheets, Guid entryId, CancellationToken cancellationToken) =>
                await timesheets.ConfirmAsync(actor.Get(http), entryId, cancellationToken) is { } entry ? TypedResults.Ok(entry) : TypedResults.NotFound())
            .RequireAuthorization(Policies.TimesheetsRespond)
            .WithSummary("The person confirms the hours recorded for a day");

        placements.MapPost("/timesheet/{entryId:guid}/dispute", async Task<Results<Ok<TimesheetEntryView>, NotFound>> (HttpContext http, CurrentActor actor, Timesheets timesheets, Guid entryId, DisputeInput input, CancellationToken cancellationToken) =>
                await timesheets.DisputeAsync(actor.Get(http), entryId, input, cancellationToken) is { } entry ? TypedResults.Ok(entry) : TypedResults.NotFound())
            .RequireAuthorization(Policies.TimesheetsRespond)
            .WithSummary("The person disputes the hours recorded for a day, saying why; pay is not held back");
    }

    private static void MapPay(RouteGroupBuilder api)
    {
        var pay = api.MapGroup("/pay").WithTags("Pay").RequireAuthorization(Policies.PayRead);
        pay.MapPost("/runs", async (HttpContext http, CurrentActor actor, PayRuns runs, PayRunInput input, CancellationToken cancellationToken) =>
                TypedResults.Ok(await runs.RunAsync(actor.Get(http), input, cancellationToken)))
            .RequireAuthorization(Policies.WorkStaff)
            .WithSummary("Issue a facility's pay statements for a finished month (people already paid for it are left alone)");

        pay.MapGet("/statements", async (HttpContext http, CurrentActor actor, PayRuns runs, Guid? facilityId, int? year, int? month, string? format, CancellationToken cancellationToken) =>
            {
                var statements = await runs.ListAsync(actor.Get(http), facilityId, year, month, cancellationToken);
                return format == "csv"
                    ? Results.File(System.Text.Encoding.UTF8.GetBytes(PayRuns.Csv(statements)), "text/csv", $"pay-{year}-{month}.csv")
                    : Results.Ok(statements);
            })
            .WithSummary("Pay statements the caller may see; format=csv gives one row per line for accounting");

        pay.MapGet("/statements/{statementId:guid}", async Task<Results<Ok<PayStatementView>, NotFound>> (HttpContext http, CurrentActor actor, PayRuns runs, Guid statementId, CancellationToken cancellationToken) =>
                await runs.GetAsync(actor.Get(http), statementId, cancellationToken) is { } statement ? TypedResults.Ok(statement) : TypedResults.NotFound())
            .WithSummary("One pay statement");

        pay.MapGet("/deductions/{personId:guid}", async Task<Results<Ok<IReadOnlyList<DeductionOrder>>, NotFound>> (HttpContext http, CurrentActor actor, PayRuns runs, Guid personId, CancellationToken cancellationToken) =>
                await runs.DeductionsAsync(actor.Get(http), personId, cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound())
            .WithSummary("A person's standing deductions");

        pay.MapPost("/deductions/{personId:guid}", async Task<Results<Created<DeductionOrder>, NotFound>> (HttpContext http, CurrentActor actor, PayRuns runs, Guid personId, DeductionInput input, CancellationToken cancellationToken) =>
                await runs.AddDeductionAsync(actor.Get(http), personId, input, cancellationToken) is { } order ? TypedResults.Created($"/api/v1/pay/deductions/{personId}", order) : TypedResults.NotFound())
            .RequireAuthorization(Policies.WorkStaff)
            .WithSummary("Record a court-ordered deduction (state share, maintenance, victim's claim, writ) or upkeep");
    }

    public sealed record TermsChanged(int Suspended);

    private static void Step<TInput>(RouteGroupBuilder placements, string route, string policy, string summary, Func<Placements, Core.Access.Actor, Guid, TInput?, CancellationToken, Task<Placement?>> step)
        where TInput : class =>
        placements.MapPost(route, async Task<Results<Ok<PlacementView>, NotFound>> (HttpContext http, CurrentActor actor, Placements handler, WorkReader reader, Guid placementId, CancellationToken cancellationToken) =>
            {
                var placement = await step(handler, actor.Get(http), placementId, await OptionalBodyAsync<TInput>(http.Request, cancellationToken), cancellationToken);
                return placement is null ? TypedResults.NotFound() : TypedResults.Ok((await reader.PlacementViewsAsync(actor.Get(http), [placement], cancellationToken))[0]);
            })
            .RequireAuthorization(policy)
            .WithSummary(summary);

    // A step's body is optional (a withdrawal needs no note), so a request without one, or without a content type, is fine.
    private static async Task<T?> OptionalBodyAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength is null or 0 && request.Headers.TransferEncoding.Count == 0)
        {
            return null;
        }

        if (!request.HasJsonContentType())
        {
            throw new Core.Common.RuleViolation("request.content-type", "Send the body as JSON (Content-Type: application/json), or send no body.", "body");
        }

        try
        {
            return await request.ReadFromJsonAsync<T>(cancellationToken);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new Core.Common.RuleViolation("request.json", $"The request body is not valid JSON: {e.Message.Split(" Path:")[0]}", string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.'));
        }
    }

    private static async Task<Results<Created<PlacementView>, NotFound>> Created(HttpContext http, CurrentActor actor, WorkReader reader, Task<Placement?> work, CancellationToken cancellationToken) =>
        await work is { } placement
            ? TypedResults.Created($"/api/v1/placements/{placement.Id}", (await reader.PlacementViewsAsync(actor.Get(http), [placement], cancellationToken))[0])
            : TypedResults.NotFound();

    private static async Task<IReadOnlyList<ContractView>> ContractViewsAsync(WorkbridgeDb db, TimeProvider clock, Core.Access.Actor actor, CancellationToken cancellationToken)
    {
        var contracts = await db.ProductionContracts.AsNoTracking().Where(c => actor.Role != Core.Access.Role.FacilityStaff || c.ProducerFacilityId == actor.FacilityId).OrderBy(c => c.Deadline).ToListAsync(cancellationToken);
        var facilities = await db.Facilities.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Code, cancellationToken);
        var ids = contracts.Select(c => (Guid?)c.Id).ToList();
        var orders = (await db.JobOrders.AsNoTracking().Where(o => ids.Contains(o.ProductionContractId)).Select(o => new { o.Id, o.ProductionContractId }).ToListAsync(cancellationToken)).ToLookup(o => o.ProductionContractId);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return [.. contracts.Select(c => new ContractView(c.Id, c.Number, c.Customer, c.ProducerFacilityId, facilities[c.ProducerFacilityId], c.Deadline, c.Status, c.ProgressPercent, c.IsOverdue(today), c.Items, [.. orders[c.Id].Select(o => o.Id)]))];
    }
}
