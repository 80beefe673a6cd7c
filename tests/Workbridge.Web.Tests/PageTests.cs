using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Workbridge.Core.Registry;
using Workbridge.Data;
using Workbridge.Web.Localization;

namespace Workbridge.Web.Tests;

public sealed class PageTests : SiteTests
{
    [Fact]
    public async Task PeopleList_SearchesByNameAndFiltersByFacility()
    {
        var person = await AnyPersonAsync(CustodyStatus.InCustody);
        var page = await GetAsync($"/people?q={Uri.EscapeDataString(person.Identity.Surname)}");
        var links = page.QuerySelectorAll("#people tbody a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldContain($"/people/{person.Id}");

        var filtered = await GetAsync($"/people?facility={person.FacilityId}");
        var code = Site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().Facilities.Single(f => f.Id == person.FacilityId).Code);
        filtered.QuerySelectorAll("#people tbody tr td:nth-child(4)").Select(td => td.TextContent).ShouldAllBe(text => text == code);
    }

    [Fact]
    public async Task PersonPage_ShowsSentenceOffencesSkillsAndMovements()
    {
        var person = await AnyPersonAsync(CustodyStatus.InCustody);
        var page = await GetAsync($"/people/{person.Id}");

        page.QuerySelector("#person-name")!.TextContent.ShouldBe(person.Identity.FullName);
        page.QuerySelector("#sentence")!.TextContent.ShouldContain(person.Sentence.Start?.ToString("dd.MM.yyyy") ?? "—");
        page.QuerySelectorAll("#offences tr").Length.ShouldBe(person.Offences.Count);
        page.QuerySelectorAll("#movements tbody tr").Length.ShouldBe(person.MovementCount);
        page.QuerySelector("#skills").ShouldNotBeNull();
    }

    [Fact]
    public async Task PersonPage_InRussian_UsesRussianWords()
    {
        var person = await AnyPersonAsync(CustodyStatus.InCustody);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/people/{person.Id}");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dru%7Cuic%3Dru");
        var html = await (await Client.SendAsync(request)).Content.ReadAsStringAsync();

        html.ShouldContain("История перемещений");
        html.ShouldContain("Содержится");
        html.ShouldContain("lang=\"ru\"");
    }

    [Fact]
    public async Task MovementForm_PostWithAntiforgery_RecordsTheTransfer_AndWithoutIt_IsRefused()
    {
        var person = await AnyPersonAsync(CustodyStatus.InCustody);
        var form = await GetAsync($"/people/{person.Id}/movement");
        form.QuerySelectorAll("select[name=Kind] option").Select(o => o.GetAttribute("value")).ShouldNotContain("Admission");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var target = form.QuerySelectorAll("select[name=ToFacilityId] option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v) && v != person.FacilityId.ToString());
        var cookies = string.Join("; ", _lastCookies);

        var fields = new Dictionary<string, string> { ["Kind"] = "Transfer", ["ToFacilityId"] = target!, ["Reason"] = "Closer to family", ["__RequestVerificationToken"] = token };
        var post = new HttpRequestMessage(HttpMethod.Post, $"/people/{person.Id}/movement") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", cookies);
        var response = await Client.SendAsync(post);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/people/{person.Id}");
        var stored = Site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().People.AsNoTracking().Single(p => p.Id == person.Id));
        stored.FacilityId.ToString().ShouldBe(target);

        fields.Remove("__RequestVerificationToken");
        var forged = await Client.PostAsync($"/people/{person.Id}/movement", new FormUrlEncodedContent(fields));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MovementForm_RuleBroken_ShowsTheReasonOnThePage()
    {
        var person = await AnyPersonAsync(CustodyStatus.InCustody);
        var form = await GetAsync($"/people/{person.Id}/movement");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = new HttpRequestMessage(HttpMethod.Post, $"/people/{person.Id}/movement")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Kind"] = "Transfer", ["ToFacilityId"] = person.FacilityId.ToString(), ["Reason"] = "x", ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", string.Join("; ", _lastCookies));
        var response = await Client.SendAsync(post);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector(".errors")!.TextContent.ShouldContain("another facility");
    }

    [Fact]
    public async Task RegistrationForm_AdmitsANewPerson_AndABadOneIsShownItsError()
    {
        var form = await GetAsync("/people/new");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var facility = form.QuerySelectorAll("select[name='Form.FacilityId'] option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        var fields = new Dictionary<string, string>
        {
            ["Form.ReferenceNumber"] = "FORM-1", ["Form.Surname"] = "Ёлкин", ["Form.GivenName"] = "Фёдор", ["Form.BirthDate"] = "1988-03-04",
            ["Form.Sex"] = "Male", ["Form.LegalStatus"] = "Convicted", ["Form.SentenceKind"] = "Imprisonment", ["Form.SentenceStart"] = "2025-01-10",
            ["Form.SentenceEnd"] = "2028-01-09", ["Form.ExpectedRelease"] = "2028-01-09", ["Form.Education"] = "UpperSecondary",
            ["Form.Offences"] = "RU-UK 158 ч.2 п.«а»\nRU-UK 161 ч.1", ["Form.Occupations"] = "7115 experienced certificate", ["Form.Languages"] = "ru, tt",
            ["Form.WantsWork"] = "true", ["Form.FacilityId"] = facility, ["__RequestVerificationToken"] = token,
        };
        var cookies = string.Join("; ", _lastCookies);

        var created = await PostFormAsync("/people/new", fields, cookies);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var person = Site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().People.AsNoTracking().Single(p => p.ReferenceNumber == "FORM-1"));
        person.SearchName.ShouldBe("елкин федор");
        person.Offences.Count.ShouldBe(2);
        person.Occupations.Single().Proficiency.ShouldBe(Proficiency.Experienced);
        created.Headers.Location!.ToString().ShouldBe($"/people/{person.Id}");

        fields["Form.ReferenceNumber"] = "FORM-2";
        fields["Form.Occupations"] = "7115 wizard";
        var refused = await PostFormAsync("/people/new", fields, cookies);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        page.QuerySelector(".errors li")!.TextContent.ShouldContain("'wizard' is not a proficiency");
        page.QuerySelector("input[name='Form.Surname']")!.GetAttribute("value").ShouldBe("Ёлкин");
    }

    private async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string cookies)
    {
        var post = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", cookies);
        return await Client.SendAsync(post);
    }

    [Fact]
    public async Task UnknownPerson_ShowsTheNotFoundPage()
    {
        var response = await Client.GetAsync($"/people/{Guid.NewGuid()}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Page not found");
    }

    [Fact]
    public async Task OverviewAndFacilities_Render()
    {
        var overview = await GetAsync("/");
        var held = Site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().People.Count(p => p.Status != CustodyStatus.Released));
        held.ShouldBeLessThan(300);
        overview.QuerySelector("[data-figure=in-custody]")!.TextContent.Replace(",", "").Replace("\u00a0", "").ShouldBe(held.ToString());
        (await GetAsync("/facilities")).QuerySelectorAll("#facilities tbody tr").Length.ShouldBe(4);
        (await GetAsync("/people/new")).QuerySelector("select[name='Form.FacilityId']").ShouldNotBeNull();
    }

    [Fact]
    public void Texts_EveryEnumValueHasEnglishAndRussianWords()
    {
        var missing = new List<string>();
        foreach (var type in new[] { typeof(FacilityKind), typeof(LegalStatus), typeof(SentenceKind), typeof(CustodyStatus), typeof(MovementKind), typeof(IscedLevel), typeof(Sex), typeof(Proficiency), typeof(SkillEvidence), typeof(Core.Work.WorkMode), typeof(Core.Work.AccessNeed), typeof(Core.Work.OpeningStatus), typeof(Core.Work.PlacementStatus), typeof(Core.Work.EndReason), typeof(Core.Work.ConsentChannel), typeof(Core.Work.TimesheetStatus), typeof(Core.Work.PlacementKind) })
        {
            foreach (var name in Enum.GetNames(type))
            {
                var key = $"{type.Name}.{name}";
                if (!Texts.English.ContainsKey(key) || !Texts.Russian.ContainsKey(key))
                {
                    missing.Add(key);
                }
            }
        }

        missing.ShouldBeEmpty();
    }

    private List<string> _lastCookies = [];

    private async Task<IHtmlDocument> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _lastCookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values.Select(v => v.Split(';')[0])] : [];
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private Task<Person> AnyPersonAsync(CustodyStatus status) =>
        Site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().People.AsNoTracking().Where(p => p.Status == status).OrderBy(p => p.ReferenceNumber).FirstAsync());
}
