using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Workbridge.Core.Access;
using Workbridge.Core.Registry;
using Workbridge.Data;
using Workbridge.Web.Features.Accounts;

namespace Workbridge.Web.Tests;

public sealed class SecurityTests : SiteTests
{
    private async Task<(HttpResponseMessage Response, string Cookies)> SignInAsync(string user, string password)
    {
        var client = Site.Anonymous();
        var form = await client.GetAsync("/login");
        var token = (await new HtmlParser().ParseDocumentAsync(await form.Content.ReadAsStringAsync())).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var cookies = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = user, ["Password"] = password, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", cookies);
        var response = await client.SendAsync(post);
        var session = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith("workbridge=", StringComparison.Ordinal)) : null;
        return (response, session ?? "");
    }

    private async Task<HttpStatusCode> GetWithCookieAsync(string url, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return (await Site.Anonymous().SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task DisablingAnAccount_EndsItsSessionAndTokens_AtTheNextRequest()
    {
        var (account, password, token) = await Site.Scoped(async s =>
        {
            var accounts = s.GetRequiredService<AccountService>();
            var (created, secret) = await accounts.CreateAsync(Actor.System("test"), new NewAccount("leaving-clerk", null, Role.CentralStaff), null, default);
            var (_, issued) = await accounts.IssueTokenAsync(Actor.System("test"), created.UserName, "script", 30, default);
            return (created, secret, issued);
        });
        var (signedIn, cookie) = await SignInAsync(account.UserName, password);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await GetWithCookieAsync("/people", cookie)).ShouldBe(HttpStatusCode.OK);
        var api = Site.Anonymous();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        (await api.GetAsync("/api/v1/people")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Site.Scoped(s => s.GetRequiredService<AccountService>().DisableAsync(Actor.System("test"), account.UserName, default));
        // The token's account stamp no longer matches: it stops even if the account were enabled again.

        (await GetWithCookieAsync("/people", cookie)).ShouldBe(HttpStatusCode.Redirect);
        (await api.GetAsync("/api/v1/people")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await SignInAsync(account.UserName, password)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_IsThrottled_EvenWithTheRightOne()
    {
        var (user, password) = Site.Account(Role.Monitor);
        for (var i = 0; i < 5; i++)
        {
            (await SignInAsync(user, "wrong password " + i)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var throttled = await SignInAsync(user, password);
        throttled.Response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await throttled.Response.Content.ReadAsStringAsync()).ShouldContain("Too many failed attempts");
        (await SignInAsync(Site.Account(Role.CentralStaff).UserName, Site.Account(Role.CentralStaff).Password)).Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Monitor_SeesPseudonymousRecords_WithoutNamesOrOffences()
    {
        var monitor = Site.Client(Role.Monitor);
        var person = await Site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().People.AsNoTracking().SingleAsync(p => p.Id == Site.PersonId));

        var list = JsonNode.Parse(await monitor.GetStringAsync("/api/v1/people?pageSize=500"))!["items"]!.AsArray();
        list.ShouldAllBe(p => p!["fullName"]!.GetValue<string>().StartsWith("P-") && p["birthDate"] == null);
        var record = JsonNode.Parse(await monitor.GetStringAsync($"/api/v1/people/{person.Id}"))!;
        record["identity"].ShouldBeNull();
        record["offences"]!.AsArray().ShouldBeEmpty();
        record["referenceNumber"]!.GetValue<string>().ShouldStartWith("P-");
        var page = await monitor.GetStringAsync($"/people/{person.Id}");
        page.ShouldNotContain(person.Identity.Surname);
        page.ShouldNotContain(person.ReferenceNumber);

        var staff = JsonNode.Parse(await Site.Client(Role.FacilityStaff).GetStringAsync($"/api/v1/people/{person.Id}"))!;
        staff["identity"]!["surname"]!.GetValue<string>().ShouldBe(person.Identity.Surname);
        var self = JsonNode.Parse(await Site.Client(Role.Person).GetStringAsync($"/api/v1/people/{person.Id}"))!;
        self["identity"]!["surname"]!.GetValue<string>().ShouldBe(person.Identity.Surname);
    }

    [Fact]
    public async Task OverPosting_FieldsOutsideTheWriteModel_AreIgnored()
    {
        var staff = Site.Client(Role.FacilityStaff);
        var before = await Site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().People.AsNoTracking().SingleAsync(p => p.Id == Site.PersonId));
        var other = await Site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().Facilities.AsNoTracking().FirstAsync(f => f.Id != Site.StaffFacilityId));
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Features.People.PersonInput.From(before), ApiJson.Options))!.AsObject();
        body["facilityId"] = other.Id.ToString();
        body["status"] = "released";
        body["movementCount"] = 99;
        body["id"] = Guid.NewGuid().ToString();

        var response = await staff.PutAsync($"/api/v1/people/{before.Id}", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await Site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().People.AsNoTracking().SingleAsync(p => p.Id == Site.PersonId));
        (after.Id, after.FacilityId, after.Status, after.MovementCount).ShouldBe((before.Id, before.FacilityId, before.Status, before.MovementCount));

        var facility = await Site.Client(Role.CentralStaff).PostAsJsonAsync("/api/v1/facilities", new { id = other.Id, code = "OP-1", name = "x", kind = "prison", regionCode = "RU-MOW", capacity = 10, held = 999 });
        var created = JsonNode.Parse(await facility.Content.ReadAsStringAsync())!;
        created["id"]!.GetValue<string>().ShouldNotBe(other.Id.ToString());
        created["held"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task FacilityStaff_AdmitToTheirOwnFacilityOnly_AndTheLedgerNamesThem()
    {
        var staff = Site.Client(Role.FacilityStaff);
        var person = await Site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().People.AsNoTracking().SingleAsync(p => p.Id == Site.PersonId));
        var other = await Site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().Facilities.AsNoTracking().FirstAsync(f => f.Id != Site.StaffFacilityId));
        var input = Features.People.PersonInput.From(person) with { ReferenceNumber = "OWN-1" };

        var elsewhere = await staff.PostAsJsonAsync("/api/v1/people", new { person = input, facilityId = other.Id }, ApiJson.Options);
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var here = await staff.PostAsJsonAsync("/api/v1/people", new { person = input, facilityId = Site.StaffFacilityId }, ApiJson.Options);
        here.StatusCode.ShouldBe(HttpStatusCode.Created);

        var id = JsonNode.Parse(await here.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var entry = await Site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().LedgerEntries.AsNoTracking().SingleAsync(e => e.EntityType == "Person" && e.EntityId == id));
        entry.ActorId.ShouldBe($"account:{Site.Account(Role.FacilityStaff).UserName}");
        entry.FacilityId.ShouldBe(Site.StaffFacilityId);
    }

    [Fact]
    public async Task PersonalDataExport_HoldsEverythingAboutThePerson_AndNothingAboutAnyoneElse()
    {
        var response = await Site.Client(Role.Person).GetAsync($"/api/v1/people/{Site.PersonId}/personal-data");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe($"personal-data-{Site.PersonId}.json");
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonNode.Parse(text)!;
        var (person, others) = await Site.Scoped(async s =>
        {
            var db = s.GetRequiredService<WorkbridgeDb>();
            return (await db.People.AsNoTracking().SingleAsync(p => p.Id == Site.PersonId), await db.People.AsNoTracking().Where(p => p.Id != Site.PersonId).Select(p => p.ReferenceNumber).ToListAsync());
        });

        export["person"]!["identity"]!["surname"]!.GetValue<string>().ShouldBe(person.Identity.Surname);
        export["movements"]!.AsArray().Count.ShouldBe(person.MovementCount);
        export["ledgerEntries"]!.AsArray().Count.ShouldBe(1 + person.MovementCount);
        export["events"]!.AsArray().Count.ShouldBe(person.MovementCount);
        export["accounts"]!.AsArray().Single()!["role"]!.GetValue<string>().ShouldBe("person");
        others.ShouldAllBe(reference => !text.Contains(reference, StringComparison.Ordinal));

        (await Site.Client(Role.Monitor).GetAsync($"/api/v1/people/{Site.PersonId}/personal-data")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Site.Client(Role.FacilityStaff).GetAsync($"/api/v1/people/{Site.PersonId}/personal-data")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Monitor_CannotSearchByNameOrReference_OrReadReasons()
    {
        var monitor = Site.Client(Role.Monitor);
        var reference = await Site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().People.Where(p => p.Id == Site.PersonId).Select(p => p.ReferenceNumber).SingleAsync());
        var search = await monitor.GetAsync($"/api/v1/people?q={reference}");
        search.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await search.Content.ReadAsStringAsync())!["errors"]!["q"].ShouldNotBeNull();
        var movements = JsonNode.Parse(await monitor.GetStringAsync($"/api/v1/people/{Site.PersonId}/movements"))!.AsArray();
        movements.ShouldAllBe(m => m!["reason"]!.GetValue<string>() == "");
        (await monitor.GetStringAsync("/")).ShouldNotContain(reference);
    }

    [Fact]
    public async Task FacilityStaff_TransferOut_IsAnswered201_AndReadmitElsewhere_IsRefused()
    {
        var staff = Site.Client(Role.FacilityStaff);
        var other = await Site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().Facilities.AsNoTracking().FirstAsync(f => f.Id != Site.StaffFacilityId));
        var transfer = await staff.PostAsJsonAsync($"/api/v1/people/{Site.PersonId}/movements", new { kind = "transfer", toFacilityId = other.Id, reason = "Closer to family" });
        transfer.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await staff.GetAsync($"/api/v1/people/{Site.PersonId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var released = await Site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().People.AsNoTracking().FirstAsync(p => p.Status == CustodyStatus.Released && p.FacilityId == Site.StaffFacilityId));
        var readmit = await staff.PostAsJsonAsync($"/api/v1/people/{released.Id}/movements", new { kind = "admission", toFacilityId = other.Id, reason = "Recalled" });
        readmit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await readmit.Content.ReadAsStringAsync())!["errors"]!["toFacilityId"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Update_WithAStaleVersion_Answers409_AndChangesNothing()
    {
        var central = Site.Client(Role.CentralStaff);
        var person = await Site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().People.AsNoTracking().SingleAsync(p => p.Id == Site.PersonId));
        var input = Features.People.PersonInput.From(person);
        (await central.PutAsJsonAsync($"/api/v1/people/{person.Id}", input with { WantsTraining = !person.WantsTraining }, ApiJson.Options)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await central.PutAsJsonAsync($"/api/v1/people/{person.Id}", input with { Languages = ["ru", "de"] }, ApiJson.Options);

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var after = await Site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().People.AsNoTracking().SingleAsync(p => p.Id == Site.PersonId));
        after.Languages.ShouldNotContain("de");
    }

    [Fact]
    public async Task LanguageSwitch_SendsBackOnlyToThisSite()
    {
        var response = await Site.Anonymous().GetAsync("/language/ru?back=/%5Cevil.example");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");
        (await Site.Anonymous().GetAsync("/language/ru?back=//evil.example")).Headers.Location!.ToString().ShouldBe("/");
        (await Site.Anonymous().GetAsync("/language/ru?back=/people%3Fq%3Dx")).Headers.Location!.ToString().ShouldBe("/people?q=x");
    }

    [Fact]
    public async Task PersonalData_IsNeverCached_AndPagesCarrySecurityHeaders()
    {
        var api = await Site.Client().GetAsync($"/api/v1/people/{Site.PersonId}");
        api.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var page = await Site.Client().GetAsync($"/people/{Site.PersonId}");
        page.Headers.CacheControl!.NoStore.ShouldBeTrue();
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
        page.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        (await Site.Anonymous().GetAsync("/assets/site.css")).Headers.CacheControl!.NoStore.ShouldBeFalse();
    }

    [Fact]
    public async Task Anonymous_GetsNoData_AndPagesSendThemToSignIn()
    {
        (await Site.Anonymous().GetAsync("/api/v1/people")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = await Site.Anonymous().GetAsync("/people");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldStartWith("http://localhost/login?ReturnUrl=%2Fpeople");
        var forged = Site.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "wb_" + Guid.NewGuid().ToString("N") + "_guess");
        (await forged.GetAsync("/api/v1/people")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

internal static class ApiJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower) },
    };
}
