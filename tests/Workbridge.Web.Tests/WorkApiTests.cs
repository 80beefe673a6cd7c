using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Workbridge.Core.Access;
using Workbridge.Core.Work;
using Workbridge.Data;
using Workbridge.Web.Features.People;

namespace Workbridge.Web.Tests;

/// <summary>The whole work path through the API, each step by the role that takes it, with the refusals named.</summary>
public sealed class WorkApiTests : IAsyncLifetime
{
    private static readonly System.Text.Json.JsonSerializerOptions ApiJson = new(System.Text.Json.JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower) } };

    private readonly TestClock _clock = new() { Offset = TimeSpan.FromDays(-45) };

    private TestSite Site { get; set; } = null!;

    public async Task InitializeAsync() => Site = await TestSite.StartAsync(clock: _clock);

    public async Task DisposeAsync() => await Site.DisposeAsync();

    [Fact]
    public async Task Order_WageBelowTheRegionalMinimum_IsRefusedWithTheMinimumNamed()
    {
        var response = await Site.Client(Role.CentralStaff).PostAsJsonAsync("/api/v1/orders", OrderBody(wage: 10_000));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["code"]!.GetValue<string>().ShouldBe("pay.below-minimum");
        problem["detail"]!.GetValue<string>().ShouldContain("below the regional minimum of");
        problem["errors"]!["hourlyWageMinor"].ShouldNotBeNull();
    }

    [Fact]
    public async Task WorkPath_ApplyAcceptActivateHoursTermsWithdrawAndPay()
    {
        var staff = Site.Client(Role.FacilityStaff);
        var central = Site.Client(Role.CentralStaff);
        var employer = Site.Client(Role.Employer);
        var person = Site.Client(Role.Person);
        await WantWorkAsync();

        var order = await Json(await central.PostAsJsonAsync("/api/v1/orders", OrderBody()), HttpStatusCode.Created);
        var orderId = order["id"]!.GetValue<string>();
        var hash = order["termsHash"]!.GetValue<string>();

        // The person sees the order, and applying to terms they did not read is refused.
        (await Json(await person.GetAsync("/api/v1/orders"))).AsArray().ShouldContain(o => o!["id"]!.GetValue<string>() == orderId);
        var stale = await person.PostAsJsonAsync("/api/v1/placements", new { openingId = orderId, termsHash = new string('0', 64) });
        (await Json(stale, HttpStatusCode.BadRequest))["code"]!.GetValue<string>().ShouldBe("consent.terms-changed");
        var placement = await Json(await person.PostAsJsonAsync("/api/v1/placements", new { openingId = orderId, termsHash = hash }), HttpStatusCode.Created);
        var id = placement["id"]!.GetValue<string>();
        placement["status"]!.GetValue<string>().ShouldBe("applied");
        placement["consents"]![0]!["channel"]!.GetValue<string>().ShouldBe("self-service");
        placement["consents"]![0]!["snapshot"]!["hourlyWageMinor"]!.GetValue<long>().ShouldBe(30_000);

        // The employer sees a pseudonym, never the name.
        var seen = await Json(await employer.GetAsync($"/api/v1/placements/{id}"));
        seen["personName"]!.GetValue<string>().ShouldStartWith("P-");

        (await staff.PostAsync($"/api/v1/placements/{id}/activation", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await Json(await employer.PostAsync($"/api/v1/placements/{id}/acceptance", null));
        (await Json(await staff.PostAsync($"/api/v1/placements/{id}/activation", null)))["status"]!.GetValue<string>().ShouldBe("active");

        // Hours: over the daily cap is refused with the cap and the article.
        var day = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");
        var over = await employer.PutAsJsonAsync($"/api/v1/placements/{id}/timesheet/{day}", new { hours = 12 });
        var overProblem = await Json(over, HttpStatusCode.BadRequest);
        overProblem["code"]!.GetValue<string>().ShouldBe("timesheet.daily-cap");
        overProblem["detail"]!.GetValue<string>().ShouldContain("Labour Code art.");
        var entry = await Json(await employer.PutAsJsonAsync($"/api/v1/placements/{id}/timesheet/{day}", new { hours = 5.5 }));
        entry["hours"]!.GetValue<decimal>().ShouldBe(5.5m);
        (await employer.PostAsync($"/api/v1/placements/timesheet/{entry["id"]}/confirmation", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Json(await person.PostAsync($"/api/v1/placements/timesheet/{entry["id"]}/confirmation", null)))["status"]!.GetValue<string>().ShouldBe("confirmed");

        // New terms suspend the placement until the person consents again.
        var changed = await Json(await central.PutAsJsonAsync($"/api/v1/orders/{orderId}/terms", TermsBody(wage: 31_000)));
        changed["suspended"]!.GetValue<int>().ShouldBe(1);
        var tomorrow = DateOnly.Parse(day).AddDays(1);
        _clock.Offset += TimeSpan.FromDays(1);
        (await Json(await employer.PutAsJsonAsync($"/api/v1/placements/{id}/timesheet/{tomorrow:yyyy-MM-dd}", new { hours = 4 }), HttpStatusCode.BadRequest))["code"]!.GetValue<string>().ShouldBe("timesheet.not-active");
        var newHash = (await Json(await person.GetAsync($"/api/v1/orders/{orderId}")))["termsHash"]!.GetValue<string>();
        await Json(await person.PostAsJsonAsync($"/api/v1/placements/{id}/consent", new { termsHash = newHash }));
        await Json(await staff.PostAsync($"/api/v1/placements/{id}/activation", null));
        await Json(await employer.PutAsJsonAsync($"/api/v1/placements/{id}/timesheet/{tomorrow:yyyy-MM-dd}", new { hours = 4 }));

        // A month later: pay for the month, once; paid hours can no longer change.
        _clock.Offset += TimeSpan.FromDays(44);
        var month = DateOnly.Parse(day);
        var run = await Json(await staff.PostAsJsonAsync("/api/v1/pay/runs", new { year = month.Year, month = month.Month }));
        run["issued"]!.GetValue<int>().ShouldBe(1);
        var again = await Json(await staff.PostAsJsonAsync("/api/v1/pay/runs", new { year = month.Year, month = month.Month }));
        (again["issued"]!.GetValue<int>(), again["alreadyIssued"]!.GetValue<int>()).ShouldBe((0, 0));
        var statements = await Json(await person.GetAsync("/api/v1/pay/statements"));
        var statement = statements.AsArray().Single()!;
        statement["netMinor"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(statement["guaranteedMinor"]!.GetValue<long>());
        statement["lines"]!.AsArray().ShouldContain(l => l!["kind"]!.GetValue<string>() == "earnings");
        var csv = await staff.GetStringAsync($"/api/v1/pay/statements?year={month.Year}&month={month.Month}&format=csv");
        csv.ShouldStartWith("statement_id,person,facility,year,month,line,kind");
        csv.ShouldContain("earnings");
        (await Json(await employer.PutAsJsonAsync($"/api/v1/placements/{id}/timesheet/{day}", new { hours = 2 }), HttpStatusCode.BadRequest))["code"]!.GetValue<string>().ShouldBe("timesheet.paid");

        // Withdrawal ends the placement and changes nothing else about the person.
        var before = await Json(await staff.GetAsync($"/api/v1/people/{Site.PersonId}"));
        var withdrawn = await Json(await person.PostAsJsonAsync($"/api/v1/placements/{id}/withdrawal", new { note = "I want to study instead." }));
        (withdrawn["status"]!.GetValue<string>(), withdrawn["endReason"]!.GetValue<string>()).ShouldBe(("ended", "withdrawn-by-person"));
        var after = await Json(await staff.GetAsync($"/api/v1/people/{Site.PersonId}"));
        after["facility"]!["id"]!.GetValue<string>().ShouldBe(before["facility"]!["id"]!.GetValue<string>());
        after["sentence"]!.ToJsonString().ShouldBe(before["sentence"]!.ToJsonString());
        (await Json(await person.GetAsync($"/api/v1/pay/statements/{statement["id"]}")))["netMinor"]!.GetValue<long>().ShouldBe(statement["netMinor"]!.GetValue<long>());

        // The person's own data export carries their work: the placement with its consents, hours and pay.
        var export = await Json(await person.GetAsync($"/api/v1/people/{Site.PersonId}/personal-data"));
        export["work"]!["placements"]!.AsArray().ShouldContain(p => p!["id"]!.GetValue<string>() == id && p["consents"]!.AsArray().Count == 2);
        export["work"]!["payStatements"]!.AsArray().Count.ShouldBe(1);
        export["work"]!["hours"]!.AsArray().Count.ShouldBe(2);
        export["ledgerEntries"]!.AsArray().ShouldContain(e => e!["entityType"]!.GetValue<string>() == "Consent");
    }

    [Fact]
    public async Task Transfer_EndsOpenPlacementsAsTransferred()
    {
        await WantWorkAsync();
        var central = Site.Client(Role.CentralStaff);
        var order = await Json(await central.PostAsJsonAsync("/api/v1/orders", OrderBody()), HttpStatusCode.Created);
        var placement = await Json(await Site.Client(Role.Person).PostAsJsonAsync("/api/v1/placements", new { openingId = order["id"]!.GetValue<string>(), termsHash = order["termsHash"]!.GetValue<string>() }), HttpStatusCode.Created);
        var other = Site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().Facilities.AsNoTracking().First(f => f.Id != Site.StaffFacilityId).Id);

        await Json(await central.PostAsJsonAsync($"/api/v1/people/{Site.PersonId}/movements", new { kind = "transfer", toFacilityId = other, reason = "Moved closer to family" }), HttpStatusCode.Created);

        var ended = await Json(await central.GetAsync($"/api/v1/placements/{placement["id"]}"));
        (ended["status"]!.GetValue<string>(), ended["endReason"]!.GetValue<string>()).ShouldBe(("ended", "transferred"));
    }

    [Fact]
    public async Task Training_ApplyAcceptStartComplete_AddsTheOccupationWithTheCertificate()
    {
        await WantWorkAsync();
        var central = Site.Client(Role.CentralStaff);
        var staff = Site.Client(Role.FacilityStaff);
        var course = await Json(await central.PostAsJsonAsync("/api/v1/training/courses", new { iscoCode = "7411", title = "Electrician", hours = 200, syllabus = "Wiring, switchboards and electrical safety." }), HttpStatusCode.Created);
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var cohort = await Json(await staff.PostAsJsonAsync("/api/v1/training/cohorts", new { courseId = course["id"]!.GetValue<string>(), seats = 5, start = today, end = today.AddDays(90), hoursPerWeek = 10 }), HttpStatusCode.Created);
        var placement = await Json(await Site.Client(Role.Person).PostAsJsonAsync("/api/v1/placements", new { openingId = cohort["id"]!.GetValue<string>(), termsHash = cohort["terms"]!["hash"]!.GetValue<string>() }), HttpStatusCode.Created);
        var id = placement["id"]!.GetValue<string>();
        await Json(await staff.PostAsync($"/api/v1/placements/{id}/acceptance", null));
        await Json(await staff.PostAsync($"/api/v1/placements/{id}/activation", null));
        var done = await Json(await staff.PostAsJsonAsync($"/api/v1/placements/{id}/completion", new { certificateNumber = "УД-2026-0001" }));
        (done["status"]!.GetValue<string>(), done["endReason"]!.GetValue<string>()).ShouldBe(("ended", "completed"));

        var person = await Json(await staff.GetAsync($"/api/v1/people/{Site.PersonId}"));
        person["occupations"]!.AsArray().ShouldContain(o => o!["iscoCode"]!.GetValue<string>() == "7411" && o["evidence"]!.GetValue<string>() == "certificate");
    }

    [Fact]
    public async Task NewOffence_SuspendsAPlacementItsSecurityRuleNowForbids()
    {
        await WantWorkAsync();
        var central = Site.Client(Role.CentralStaff);
        var body = new
        {
            employerId = Site.EmployerId,
            facilityId = Site.StaffFacilityId,
            mode = "in-facility",
            iscoCode = "2522",
            terms = TermsBody(40_000),
            seats = 2,
            accessNeeds = new[] { "privileged-systems" },
            supervision = "An officer sits with the administrator; every session is recorded.",
        };
        var order = await Json(await central.PostAsJsonAsync("/api/v1/orders", body), HttpStatusCode.Created);
        var placement = await Json(await Site.Client(Role.Person).PostAsJsonAsync("/api/v1/placements", new { openingId = order["id"]!.GetValue<string>(), termsHash = order["termsHash"]!.GetValue<string>() }), HttpStatusCode.Created);
        var id = placement["id"]!.GetValue<string>();
        await Json(await Site.Client(Role.Employer).PostAsync($"/api/v1/placements/{id}/acceptance", null));
        await Json(await central.PostAsync($"/api/v1/placements/{id}/activation", null));

        var person = Site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().People.AsNoTracking().Single(p => p.Id == Site.PersonId));
        var input = PersonInput.From(person) with { WantsWork = true, WantsTraining = true };
        input = input with { Offences = [.. input.Offences ?? [], "RU-UK 272 ч.1"] };
        await Json(await central.PutAsJsonAsync($"/api/v1/people/{Site.PersonId}", input, ApiJson));

        var after = await Json(await central.GetAsync($"/api/v1/placements/{id}"));
        after["status"]!.GetValue<string>().ShouldBe("accepted");
        after["suspendedAt"].ShouldNotBeNull();
        var restart = await central.PostAsync($"/api/v1/placements/{id}/activation", null);
        (await Json(restart, HttpStatusCode.BadRequest))["code"]!.GetValue<string>().ShouldBe("eligibility.security.computer.privileged-systems");
    }

    [Fact]
    public async Task Matching_ProposesOnlyEligiblePairs_AndRecordsThemAsProposals()
    {
        await WantWorkAsync();
        var central = Site.Client(Role.CentralStaff);
        var order = await Json(await central.PostAsJsonAsync("/api/v1/orders", OrderBody()), HttpStatusCode.Created);
        var run = await Json(await Site.Client(Role.FacilityStaff).PostAsJsonAsync("/api/v1/matching/runs", new { propose = true }));

        run["scope"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        var proposals = run["proposals"]!.AsArray().Where(p => p!["openingId"] is not null).ToList();
        proposals.Count.ShouldBe(run["placed"]!.GetValue<int>());
        proposals.Count.ShouldBeLessThanOrEqualTo(4);
        run["proposalsCreated"]!.GetValue<int>().ShouldBe(proposals.Count);
        foreach (var p in proposals)
        {
            p!["parts"]!.AsArray().Sum(x => x!["points"]!.GetValue<int>()).ShouldBe(p["score"]!.GetValue<int>());
            // Every rule passes but "not-already": the proposal is now on record.
            var check = await Json(await central.GetAsync($"/api/v1/orders/{p["openingId"]}/eligibility/{p["personId"]}"));
            check["checks"]!.AsArray().Where(c => !c!["passed"]!.GetValue<bool>()).Select(c => c!["code"]!.GetValue<string>()).ShouldBe(["not-already"]);
        }

        var recorded = await Json(await central.GetAsync($"/api/v1/placements?openingId={order["id"]}&status=proposed"));
        recorded.AsArray().Count.ShouldBe(proposals.Count(p => p!["openingId"]!.GetValue<string>() == order["id"]!.GetValue<string>()));
        run["proposals"]!.AsArray().Where(p => p!["openingId"] is null).ShouldAllBe(p => p!["reason"]!.GetValue<string>().Length > 10);
    }

    [Fact]
    public async Task Eligibility_ShowsEveryCheckWithItsCode()
    {
        var central = Site.Client(Role.CentralStaff);
        var order = await Json(await central.PostAsJsonAsync("/api/v1/orders", OrderBody()), HttpStatusCode.Created);
        var view = await Json(await Site.Client(Role.FacilityStaff).GetAsync($"/api/v1/orders/{order["id"]}/eligibility/{Site.PersonId}"));
        view["checks"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()).ShouldContain("pre-trial");
        view["checks"]!.AsArray().ShouldAllBe(c => c!["message"]!.GetValue<string>().Length > 5);

        // Candidates come from the in-memory index, best first, each with its score's parts, all eligible, by pseudonym.
        var candidates = (await Json(await Site.Client(Role.Employer).GetAsync($"/api/v1/orders/{order["id"]}/candidates?limit=10"))).AsArray();
        candidates.Count.ShouldBeGreaterThan(0);
        candidates.ShouldAllBe(c => c!["pseudonym"]!.GetValue<string>().StartsWith("P-", StringComparison.Ordinal));
        candidates.Select(c => c!["score"]!.GetValue<int>()).ShouldBeInOrder(SortDirection.Descending);
        foreach (var c in candidates.Take(3))
        {
            c!["parts"]!.AsArray().Sum(p => p!["points"]!.GetValue<int>()).ShouldBe(c["score"]!.GetValue<int>());
            (await Json(await central.GetAsync($"/api/v1/orders/{order["id"]}/eligibility/{c["personId"]}")))["eligible"]!.GetValue<bool>().ShouldBeTrue();
        }
    }

    private object OrderBody(long wage = 30_000) => new
    {
        employerId = Site.EmployerId,
        facilityId = Site.StaffFacilityId,
        mode = "in-facility",
        iscoCode = "7522",
        terms = TermsBody(wage),
        seats = 4,
        supervision = "",
    };

    private object TermsBody(long wage) => new
    {
        title = "Furniture assembler",
        duties = "Assemble cabinets on the company's line in the industrial zone.",
        hourlyWageMinor = wage,
        hoursPerWeek = 20,
        start = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).AddDays(-1),
        end = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).AddDays(200),
    };

    private async Task WantWorkAsync()
    {
        var person = Site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().People.AsNoTracking().Single(p => p.Id == Site.PersonId));
        var input = PersonInput.From(person) with { WantsWork = true, WantsTraining = true };
        await Json(await Site.Client(Role.CentralStaff).PutAsJsonAsync($"/api/v1/people/{Site.PersonId}", input, ApiJson));
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonNode.Parse(text)!;
    }
}
