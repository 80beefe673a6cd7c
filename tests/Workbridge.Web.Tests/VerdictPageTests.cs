using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Shouldly;
using Workbridge.Core.Access;

namespace Workbridge.Web.Tests;

/// <summary>The monitors' verdict analysis page: upload, figures, evidence highlighted, bad lines reported.</summary>
public sealed class VerdictPageTests : SiteTests
{
    private const string Corpus =
        "{\"id\":\"case-1\",\"text\":\"Ленинский районный суд г. Перми. Иванов заставлял потерпевшего работать на ферме бесплатно, избивал его и забрал паспорт. Суд квалифицирует действия по п. «в» ч. 2 ст. 126 УК РФ.\"}\n" +
        "{\"id\":\"case-2\",\"text\":\"Котов тайно похитил со склада бытовую технику. Действия квалифицированы по п. «в» ч. 2 ст. 158 УК РФ.\"}\n" +
        "{\"id\": broken\n";

    [Fact]
    public async Task Upload_AsMonitor_ShowsFindingsWithEvidenceHighlightedAndSkippedLines()
    {
        var client = Site.Client(Role.Monitor);
        var (token, cookies) = await FormTokenAsync(client);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Corpus));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        form.Add(file, "files", "corpus.jsonl");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/verdicts") { Content = form };
        request.Headers.Add("Cookie", cookies);

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-figure=documents]")!.TextContent.Trim().ShouldBe("2");
        page.QuerySelector("[data-figure=forced-labour]")!.TextContent.Trim().ShouldBe("1");
        page.QuerySelector("[data-figure=hidden]")!.TextContent.ShouldStartWith("1");
        var positive = page.QuerySelector("details[data-id=case-1]")!;
        positive.ClassList.ShouldContain("forced-labour");
        positive.QuerySelectorAll("mark").Select(m => m.TextContent).ShouldContain("забрал паспорт");
        page.QuerySelector("details[data-id=case-2]")!.ClassList.ShouldNotContain("forced-labour");
        page.QuerySelector("#skipped")!.TextContent.ShouldContain("corpus.jsonl line 3");
        page.QuerySelector("#charts svg").ShouldNotBeNull();
    }

    [Fact]
    public async Task Page_AsFacilityStaff_IsForbidden() =>
        (await Site.Client(Role.FacilityStaff).GetAsync("/verdicts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

    private static async Task<(string Token, string Cookies)> FormTokenAsync(HttpClient client)
    {
        var page = await client.GetAsync("/verdicts");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await new HtmlParser().ParseDocumentAsync(await page.Content.ReadAsStringAsync());
        var token = html.QuerySelector("#upload input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var cookies = page.Headers.TryGetValues("Set-Cookie", out var values) ? string.Join("; ", values.Select(v => v.Split(';')[0])) : "";
        return (token, cookies);
    }
}
