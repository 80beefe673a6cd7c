using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Workbridge.Core.Access;
using Workbridge.Core.Common;
using Workbridge.Core.Registry;
using Workbridge.Data;
using Workbridge.Web.Features.People;

namespace Workbridge.Web.Tests;

/// <summary>
/// The checked-in authorization matrix (authorization-matrix.csv) is the specification: one test sends every cell's
/// request as that role and compares the status; another fails when an endpoint or page has no row.
/// </summary>
public sealed class AuthorizationMatrixTests : SiteTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    private int _counter;

    private sealed record Row(int Line, string Method, string Route, string Scope, Dictionary<string, int> Expected);

    private static List<Row> Matrix()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "authorization-matrix.csv")).Select((text, index) => (text, line: index + 1)).Where(l => l.text.Length > 0 && !l.text.StartsWith('#')).ToList();
        var header = lines[0].text.Split(',');
        return [.. lines.Skip(1).Select(l =>
        {
            var cells = l.text.Split(',');
            return new Row(l.line, cells[0], cells[1], cells[2], header.Skip(3).Select((role, i) => (role, status: int.Parse(cells[3 + i], CultureInfo.InvariantCulture))).ToDictionary(c => c.role, c => c.status));
        })];
    }

    public static IEnumerable<string> Roles => ["anonymous", .. Enum.GetValues<Role>().Select(EnumText.Kebab)];

    [Fact]
    public async Task EveryCell_AnswersTheStatusTheMatrixStates()
    {
        var matrix = Matrix();
        var failures = new List<string>();
        var cells = 0;
        foreach (var row in matrix)
        {
            foreach (var role in Roles)
            {
                var client = role == "anonymous" ? Site.Anonymous() : Site.Client(EnumText.TryParse<Role>(role, out var r) ? r : throw new InvalidOperationException(role));
                var response = await SendAsync(client, row, role);
                cells++;
                if ((int)response.StatusCode != row.Expected[role])
                {
                    var body = await response.Content.ReadAsStringAsync();
                    failures.Add($"line {row.Line}: {row.Method} {row.Route} ({row.Scope}) as {role}: expected {row.Expected[role]}, got {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
                }
            }
        }

        failures.ShouldBeEmpty();
        cells.ShouldBe(matrix.Count * 8);
    }

    [Fact]
    public void EveryEndpointAndPage_HasARowForEveryRole()
    {
        var rows = Matrix().Select(r => (r.Method, r.Route)).ToHashSet();
        var missing = new List<string>();
        var seen = new HashSet<string>();
        foreach (var endpoint in Site.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = Normalize(endpoint.RoutePattern.RawText ?? "");
            var page = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>();
            IEnumerable<string> methods = page is not null
                ? ["GET", .. page.HandlerMethods.Any(h => h.HttpMethod == "Post") ? new[] { "POST" } : []]
                : endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            foreach (var method in methods)
            {
                seen.Add($"{method} {route}");
                if (!rows.Contains((method, route)))
                {
                    missing.Add($"{method} {route}");
                }
            }
        }

        missing.ShouldBeEmpty();
        // The enumeration itself must see pages and their form posts, or the check above would pass on nothing.
        seen.ShouldContain("GET /people/{id}");
        seen.ShouldContain("POST /people/{id}/movement");
        seen.ShouldContain("POST /api/v1/people/{id}/movements");
        seen.Count.ShouldBe(rows.Count);
    }

    private static string Normalize(string raw)
    {
        var route = "/" + raw.Trim('/');
        return System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)(:[^}]*)?\??\}", "{$1}");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, Row row, string role)
    {
        using var scope = Site.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbridgeDb>();
        var own = row.Scope != "other";
        // Work routes get fresh records per request, built only when the role gets past the function check.
        var work = IsWorkRoute(row.Route) && row.Expected[role] is not (401 or 403)
            ? await new WorkFixtures(Site).PrepareAsync(row.Route, own, role == "person")
            : null;
        var person = own ? Site.PersonId : (await TestSite.LongSentenceAsync(db, Site.StaffFacilityId, inFacility: false)).Id;
        var start = (await db.People.AsNoTracking().SingleAsync(p => p.Id == person)).Sentence.Start!.Value;
        var facility = own ? Site.StaffFacilityId : await db.Facilities.Where(f => f.Id != Site.StaffFacilityId).OrderBy(f => f.Code).Select(f => f.Id).FirstAsync();
        var size = await db.LedgerCheckpoints.Select(c => (long?)c.Size).MaxAsync() ?? await CheckpointAsync();
        var path = row.Route
            .Replace("{documentName}", "v1").Replace("{name}", "site.css").Replace("{size}", size.ToString(CultureInfo.InvariantCulture))
            .Replace("{code}", row.Route.StartsWith("/language", StringComparison.Ordinal) ? "en" : row.Route.StartsWith("/status", StringComparison.Ordinal) ? "404" : "RU-MOW")
            .Replace("{id}", (row.Route.Contains("facilities", StringComparison.Ordinal) ? facility : person).ToString())
            .Replace("{employerId}", Site.EmployerId.ToString())
            .Replace("{orderId}", (work?.OrderId ?? Guid.Empty).ToString())
            .Replace("{openingId}", (work?.OrderId ?? Guid.Empty).ToString())
            .Replace("{personId}", (work?.PersonId ?? person).ToString())
            .Replace("{placementId}", (work?.PlacementId ?? Guid.Empty).ToString())
            .Replace("{entryId}", (work?.EntryId ?? Guid.Empty).ToString())
            .Replace("{statementId}", (work?.StatementId ?? Guid.Empty).ToString())
            .Replace("{contractId}", (work?.ContractId ?? Guid.Empty).ToString())
            .Replace("{date}", DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Replace("/rules/security/RU-MOW", "/rules/security/security.weapons.privileged-systems");
        var unique = Interlocked.Increment(ref _counter);
        var request = new HttpRequestMessage(new HttpMethod(row.Method), path);
        if (row.Method is "POST" or "PUT" && path.StartsWith("/api/", StringComparison.Ordinal) && !path.EndsWith("/acceptance", StringComparison.Ordinal) && !path.EndsWith("/activation", StringComparison.Ordinal) && !path.EndsWith("/closure", StringComparison.Ordinal) && !path.EndsWith("/verification", StringComparison.Ordinal) && !path.EndsWith("/confirmation", StringComparison.Ordinal))
        {
            request.Content = JsonContent.Create(await ApiBodyAsync(db, row.Route, person, facility, start.AddDays(unique), unique, work, own), options: Json);
        }
        else if (row.Method == "POST" && !path.StartsWith("/api/", StringComparison.Ordinal))
        {
            var (token, cookies) = await AntiforgeryAsync(client);
            var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
            if (row.Route.EndsWith("/movement", StringComparison.Ordinal))
            {
                fields["Kind"] = "ReleaseRescheduled";
                fields["Date"] = start.AddDays(unique).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                fields["Reason"] = "Matrix test";
            }

            request.RequestUri = new Uri(path + (row.Route == "/ledger" ? "?handler=Checkpoint" : ""), UriKind.Relative);
            request.Content = new FormUrlEncodedContent(fields);
            request.Headers.Add("Cookie", cookies);
        }

        return await client.SendAsync(request);
    }

    private static bool IsWorkRoute(string route) =>
        new[] { "/api/v1/employers", "/api/v1/orders", "/api/v1/training", "/api/v1/placements", "/api/v1/pay", "/work" }.Any(p => route.StartsWith(p, StringComparison.Ordinal));

    private async Task<object> ApiBodyAsync(WorkbridgeDb db, string route, Guid person, Guid facility, DateOnly releaseDate, int unique, WorkFixtures.Targets? work, bool own) => route switch
    {
        "/api/v1/employers" => new { legalName = $"ООО «Матрица {unique}»", taxId = Inn(unique), regionCode = "RU-MOW", sector = "private" },
        "/api/v1/orders" => new
        {
            facilityId = work?.FacilityId,
            mode = "in-facility",
            iscoCode = "9321",
            seats = 3,
            terms = new { title = "Packer", duties = "Pack and label finished goods by hand.", hourlyWageMinor = 100_000, hoursPerWeek = 10, start = DateOnly.FromDateTime(DateTime.UtcNow) },
        },
        "/api/v1/orders/{orderId}/terms" => new { title = "Packer", duties = "Pack and label finished goods, and check them.", hourlyWageMinor = 100_000 + unique, hoursPerWeek = 2, start = DateOnly.FromDateTime(DateTime.UtcNow) },
        "/api/v1/orders/contracts" => new { producerFacilityId = work?.FacilityId, number = $"MX-C-{unique}", customer = "Matrix hospital", deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), items = new[] { new { description = "Bed frame", unit = "pcs", quantity = 10 } } },
        "/api/v1/orders/contracts/{contractId}/deliveries" => new { line = 1, quantity = 1 },
        "/api/v1/orders/rules/security" => new { category = "drugs", need = "financial-data", reason = "Matrix test rule for drugs and finance." },
        "/api/v1/training/courses" => new { iscoCode = "7212", title = $"Welding {unique}", hours = 100, syllabus = "Arc welding and safety basics." },
        "/api/v1/training/cohorts" => new { courseId = await db.TrainingCourses.Select(c => (Guid?)c.Id).FirstOrDefaultAsync() ?? await CourseAsync(), facilityId = work?.FacilityId, seats = 10, start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10), end = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(100), hoursPerWeek = 10 },
        "/api/v1/placements/proposals" or "/api/v1/placements" => new { openingId = work?.OrderId, personId = work?.PersonId, termsHash = work?.TermsHash, writtenReference = $"ЗАЯВ-{unique}" },
        "/api/v1/placements/{placementId}/consent" => new { termsHash = work?.TermsHash, writtenReference = $"ЗАЯВ-{unique}" },
        "/api/v1/placements/{placementId}/end" => new { reason = "ended-by-employer" },
        "/api/v1/placements/{placementId}/withdrawal" => new { note = $"Written withdrawal ОТК-{unique}" },
        "/api/v1/placements/{placementId}/completion" => new { certificateNumber = $"CERT-{unique}" },
        "/api/v1/placements/{placementId}/timesheet/{date}" => new { hours = 0.5 },
        "/api/v1/placements/timesheet/{entryId}/dispute" => new { note = "Matrix dispute" },
        "/api/v1/matching/runs" => new { national = true },
        "/api/v1/pay/runs" => new { facilityId = work?.FacilityId, year = DateTime.UtcNow.AddMonths(-1).Year, month = DateTime.UtcNow.AddMonths(-1).Month },
        "/api/v1/pay/deductions/{personId}" => new { kind = "upkeep", monthlyMinor = 100_000, reference = "Matrix upkeep order", from = DateOnly.FromDateTime(DateTime.UtcNow) },
        "/api/v1/facilities" => new { code = $"M-{unique}", name = "Matrix colony", kind = "general-regime-colony", regionCode = "RU-MOW", capacity = 100 },
        "/api/v1/facilities/{id}" => new { capacity = 500 + unique },
        "/api/v1/people" => new
        {
            person = PersonInput.From(await db.People.AsNoTracking().FirstAsync(p => p.Id == Site.PersonId)) with { ReferenceNumber = $"MATRIX-{unique}" },
            facilityId = facility,
            reason = "Matrix test",
        },
        "/api/v1/people/{id}" => PersonInput.From(await db.People.AsNoTracking().FirstAsync(p => p.Id == person)),
        "/api/v1/people/{id}/movements" => new { kind = "release-rescheduled", date = releaseDate, reason = "Matrix test" },
        _ => new { },
    };

    private async Task<Guid> CourseAsync()
    {
        var response = await Site.Client(Role.CentralStaff).PostAsJsonAsync("/api/v1/training/courses", new { iscoCode = "7212", title = "Welding", hours = 100, syllabus = "Arc welding and safety basics." }, Json);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A valid ten-digit ИНН for each number.</summary>
    private static string Inn(int unique)
    {
        var nine = (100_000_000 + unique).ToString(CultureInfo.InvariantCulture);
        int[] weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        return nine + (nine.Select((c, i) => (c - '0') * weights[i]).Sum() % 11 % 10).ToString(CultureInfo.InvariantCulture);
    }

    private async Task<long> CheckpointAsync()
    {
        var response = await Site.Client(Role.CentralStaff).PostAsync("/api/v1/ledger/checkpoints", null);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("size").GetInt64();
    }

    /// <summary>A form token for this client's identity, from the sign-in page every role may open.</summary>
    private static async Task<(string Token, string Cookies)> AntiforgeryAsync(HttpClient client)
    {
        var page = await client.GetAsync("/login");
        var html = await new HtmlParser().ParseDocumentAsync(await page.Content.ReadAsStringAsync());
        var token = html.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var cookies = page.Headers.TryGetValues("Set-Cookie", out var values) ? string.Join("; ", values.Select(v => v.Split(';')[0])) : "";
        return (token, cookies);
    }
}
