using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shouldly;

namespace Workbridge.Web.Tests;

public sealed class ApiTests : SiteTests
{
    /// <summary>The API's own JSON conventions: kebab-case enumerations.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    [Fact]
    public async Task Healthz_AnswersOk() => (await Client.GetStringAsync("/healthz")).ShouldBe("ok");

    [Fact]
    public async Task OpenApi_DescribesTheRegistryEndpoints()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.ShouldContain("/api/v1/people");
        paths.ShouldContain("/api/v1/people/{id}");
        paths.ShouldContain("/api/v1/people/{id}/movements");
        paths.ShouldContain("/api/v1/facilities");
        paths.ShouldContain("/api/v1/regions");
        paths.ShouldContain("/api/v1/occupations");
    }

    [Fact]
    public async Task People_SearchFilterAndPage()
    {
        var all = await Get("/api/v1/people?pageSize=20");
        all["total"]!.GetValue<int>().ShouldBe(300);
        all["items"]!.AsArray().Count.ShouldBe(20);
        var first = all["items"]![0]!;
        var surname = first["fullName"]!.GetValue<string>().Split(' ')[0];

        var byName = await Get($"/api/v1/people?q={Uri.EscapeDataString(surname.ToLowerInvariant())}");
        byName["items"]!.AsArray().ShouldContain(p => p!["id"]!.GetValue<string>() == first["id"]!.GetValue<string>());

        var facility = first["facilityId"]!.GetValue<string>();
        var inFacility = await Get($"/api/v1/people?facility={facility}&pageSize=500");
        inFacility["items"]!.AsArray().ShouldAllBe(p => p!["facilityId"]!.GetValue<string>() == facility);

        var pretrial = await Get("/api/v1/people?legalStatus=pre-trial&pageSize=500");
        pretrial["items"]!.AsArray().ShouldAllBe(p => p!["legalStatus"]!.GetValue<string>() == "pre-trial");
        var wrong = await Client.GetAsync("/api/v1/people?status=jailed");
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await wrong.Content.ReadAsStringAsync())!["errors"]!["status"].ShouldNotBeNull();
    }

    [Fact]
    public async Task People_CreateReadMoveAndUpdate_EndToEnd()
    {
        var facilities = (await Get("/api/v1/facilities")).AsArray();
        var colony = facilities.First(f => f!["kind"]!.GetValue<string>() != "pre-trial-detention-centre")!["id"]!.GetValue<string>();
        var other = facilities.First(f => f!["id"]!.GetValue<string>() != colony)!["id"]!.GetValue<string>();

        var created = await Client.PostAsJsonAsync("/api/v1/people", new
        {
            person = NewPerson("API-1"),
            facilityId = colony,
            admittedAt = "2025-03-01T09:00:00Z",
            reason = "Arrived from court",
        }, Json);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var person = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var id = person["id"]!.GetValue<string>();
        person["identity"]!["surname"]!.GetValue<string>().ShouldBe("Семёнов");
        person["offences"]![0]!["titleRu"]!.GetValue<string>().ShouldBe("Кража");
        person["occupations"]![0]!["titleEn"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/people/{id}");

        var moved = await Client.PostAsJsonAsync($"/api/v1/people/{id}/movements", new { kind = "transfer", toFacilityId = other, reason = "Closer to family" });
        moved.StatusCode.ShouldBe(HttpStatusCode.Created);
        var history = (await Get($"/api/v1/people/{id}/movements")).AsArray();
        history.Select(m => m!["kind"]!.GetValue<string>()).ShouldBe(["admission", "transfer"]);
        history[1]!["from"]!["id"]!.GetValue<string>().ShouldBe(colony);
        (await Get($"/api/v1/people/{id}"))["facility"]!["id"]!.GetValue<string>().ShouldBe(other);

        var update = NewPerson("API-1") with { WantsTraining = true, Languages = ["ru", "en"] };
        var updated = await Client.PutAsJsonAsync($"/api/v1/people/{id}", update, Json);
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = JsonNode.Parse(await updated.Content.ReadAsStringAsync())!;
        after["wantsTraining"]!.GetValue<bool>().ShouldBeTrue();
        after["facility"]!["id"]!.GetValue<string>().ShouldBe(other);
    }

    public static TheoryData<string, string> BadPeople => new()
    {
        { """{"person":{"surname":"X"},"facilityId":"00000000-0000-0000-0000-000000000000"}""", "referenceNumber" },
        { """{"person":{"referenceNumber":"Z","surname":"X","givenName":"Y","birthDate":"1990-13-01"}}""", "person.birthDate" },
        { """{"person":{"referenceNumber":"Z","surname":"X","givenName":"Y","birthDate":"1990-01-01","sex":"male","legalStatus":"whatever"}}""", "person.legalStatus" },
        { """{"person":{"referenceNumber":"Z","surname":"X","givenName":"Y","birthDate":"1990-01-01","sex":"male","legalStatus":"pre-trial","education":"primary","offences":["RU-UK 999"]}}""", "offences" },
        { """{"person":{"referenceNumber":"Z","surname":"X","givenName":"Y","birthDate":"1990-01-01","sex":"male","legalStatus":"pre-trial","education":"primary","occupations":[{"iscoCode":"75"}]}}""", "occupations" },
        { """{"person":{"referenceNumber":"Z","surname":"X","givenName":"Y","birthDate":"1990-01-01","sex":"male","legalStatus":"pre-trial","education":"primary"},"facilityId":"00000000-0000-0000-0000-000000000000"}""", "facilityId" },
        { """{"person":{"referenceNumber":"Z","surname":"X","givenName":"Y","birthDate":"2020-01-01","sex":"male","legalStatus":"pre-trial","education":"primary"}}""", "birthDate" },
        { "{not json", "body" },
    };

    [Theory]
    [MemberData(nameof(BadPeople))]
    public async Task People_CreateWithBadInput_Answers400NamingTheField(string body, string field)
    {
        var response = await Client.PostAsync("/api/v1/people", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldContain(field);
        var text = problem.ToJsonString();
        text.ShouldNotContain("   at ");
        text.ShouldNotContain("System.");
        (await Get("/api/v1/people?q=Z")).AsObject()["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task UnknownIds_Answer404()
    {
        var unknown = Guid.NewGuid();
        (await Client.GetAsync($"/api/v1/people/{unknown}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client.GetAsync($"/api/v1/people/{unknown}/movements")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client.GetAsync($"/api/v1/facilities/{unknown}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client.PostAsJsonAsync($"/api/v1/people/{unknown}/movements", new { kind = "release", reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client.GetAsync("/api/v1/regions/RU-XXX")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Movement_NotPossibleInTheCurrentStatus_Answers400WithTheRule()
    {
        var someone = (await Get("/api/v1/people?status=in-custody&pageSize=1"))["items"]![0]!["id"]!.GetValue<string>();
        var response = await Client.PostAsJsonAsync($"/api/v1/people/{someone}/movements", new { kind = "return-from-temporary-release", reason = "back" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["code"]!.GetValue<string>().ShouldBe("movement.status");
        problem["errors"]!["kind"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Facilities_CreateAndUpdate_CodeAndRegionAreFixed()
    {
        var created = await Client.PostAsJsonAsync("/api/v1/facilities", new { code = "IC-77-TA", name = "ИЦ-77", kind = "correctional-centre", regionCode = "ru-ta", capacity = 120, remoteWorkstations = 8 });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var facility = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        facility["regionCode"]!.GetValue<string>().ShouldBe("RU-TA");
        var id = facility["id"]!.GetValue<string>();

        var updated = await Client.PutAsJsonAsync($"/api/v1/facilities/{id}", new { capacity = 150 });
        JsonNode.Parse(await updated.Content.ReadAsStringAsync())!["capacity"]!.GetValue<int>().ShouldBe(150);
        var moved = await Client.PutAsJsonAsync($"/api/v1/facilities/{id}", new { regionCode = "RU-MOW" });
        moved.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var duplicate = await Client.PostAsJsonAsync("/api/v1/facilities", new { code = "IC-77-TA", name = "again", kind = "prison", regionCode = "RU-TA", capacity = 1 });
        JsonNode.Parse(await duplicate.Content.ReadAsStringAsync())!["errors"]!["code"].ShouldNotBeNull();
        var badRegion = await Client.PostAsJsonAsync("/api/v1/facilities", new { code = "X-1", name = "x", kind = "prison", regionCode = "RU-XXX", capacity = 1 });
        JsonNode.Parse(await badRegion.Content.ReadAsStringAsync())!["errors"]!["regionCode"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Reference_RegionsOccupationsAndOffences()
    {
        var regions = (await Get("/api/v1/regions?country=RU")).AsArray();
        regions.Count.ShouldBe(83);
        var moscow = (await Get("/api/v1/regions/ru-mow"))!;
        moscow["workingTime"]!["weeklyHours"]!.GetValue<int>().ShouldBe(40);
        moscow["minimumWages"]![0]!["monthlyMinor"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(2709300);

        var cabinet = (await Get("/api/v1/occupations?q=7522")).AsArray();
        cabinet.ShouldHaveSingleItem()!["level"]!.GetValue<string>().ShouldBe("unit");
        (await Get($"/api/v1/occupations?q={Uri.EscapeDataString("столяр")}")).AsArray().ShouldNotBeEmpty();
        (await Get("/api/v1/occupations?under=75")).AsArray().ShouldAllBe(g => g!["code"]!.GetValue<string>().StartsWith("75"));

        var offences = (await Get("/api/v1/offences")).AsArray().Select(o => o!["article"]!.GetValue<string>()).ToList();
        offences.IndexOf("127").ShouldBeLessThan(offences.IndexOf("127.1"));
        offences.IndexOf("127.2").ShouldBeLessThan(offences.IndexOf("158"));
    }

    private async Task<JsonNode> Get(string url)
    {
        var response = await Client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static Features.People.PersonInput NewPerson(string reference) => new()
    {
        ReferenceNumber = reference,
        Surname = "Семёнов",
        GivenName = "Пётр",
        Patronymic = "Ильич",
        BirthDate = new DateOnly(1990, 4, 12),
        Sex = Core.Registry.Sex.Male,
        LegalStatus = Core.Registry.LegalStatus.Convicted,
        Sentence = new(Core.Registry.SentenceKind.Imprisonment, new DateOnly(2025, 2, 1), new DateOnly(2029, 1, 31), new DateOnly(2029, 1, 31)),
        Education = Core.Registry.IscedLevel.UpperSecondary,
        Offences = ["RU-UK 158 ч.2 п.«а»"],
        Occupations = [new("7522", Core.Registry.Proficiency.Competent, Core.Registry.SkillEvidence.Certificate)],
        Languages = ["ru"],
        WantsWork = true,
    };
}
