using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Shouldly;
using Workbridge.Core.Ledger;
using Workbridge.Data.Ledger;

namespace Workbridge.Web.Tests;

public sealed class LedgerWebTests : SiteTests
{
    [Fact]
    public async Task Checkpoint_MadeDownloadedAndVerified_ThroughTheApi()
    {
        var made = await Client.PostAsync("/api/v1/ledger/checkpoints", null);
        made.StatusCode.ShouldBe(HttpStatusCode.Created);
        var size = JsonNode.Parse(await made.Content.ReadAsStringAsync())!["size"]!.GetValue<long>();
        size.ShouldBeGreaterThan(300);

        var download = await Client.GetAsync($"/api/v1/ledger/checkpoints/{size}");
        download.Content.Headers.ContentDisposition!.FileName.ShouldBe($"workbridge-checkpoint-{size}.json");
        var file = Path.Combine(Path.GetTempPath(), $"checkpoint-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(file, await download.Content.ReadAsByteArrayAsync());
        var checkpoint = Checkpoints.Read(file);
        File.Delete(file);
        checkpoint.HasValidSignature().ShouldBeTrue();

        var status = JsonNode.Parse(await Client.GetStringAsync("/api/v1/ledger"))!;
        status["keyFingerprint"]!.GetValue<string>().ShouldBe(checkpoint.KeyFingerprint);
        status["entries"]!.GetValue<long>().ShouldBe(size);

        var verification = await (await Client.PostAsync("/api/v1/ledger/verification", null)).Content.ReadFromJsonAsync<JsonNode>();
        verification!["ok"]!.GetValue<bool>().ShouldBeTrue();
        verification["againstCheckpoint"]!.GetValue<long>().ShouldBe(size);
        (await Client.GetAsync("/api/v1/ledger/checkpoints/1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LedgerPage_ShowsTheKeyAndVerifiesOnRequest()
    {
        var page = await Client.GetAsync("/ledger");
        var html = await new HtmlParser().ParseDocumentAsync(await page.Content.ReadAsStringAsync());
        html.QuerySelector("#key-fingerprint")!.TextContent.Length.ShouldBe(64);
        var token = html.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        var verify = new HttpRequestMessage(HttpMethod.Post, "/ledger?handler=Verify") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }) };
        verify.Headers.Add("Cookie", cookies);
        var result = await new HtmlParser().ParseDocumentAsync(await (await Client.SendAsync(verify)).Content.ReadAsStringAsync());
        result.QuerySelector("#verification")!.TextContent.ShouldContain("OK");
    }
}
