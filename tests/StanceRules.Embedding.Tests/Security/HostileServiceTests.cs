extern alias service;

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using ServiceProgram = service::Program;

namespace StanceRules.Embedding.Tests.Security;

/// <summary>Issue 14, the service's body: strict UTF-8, exact media types, UTF-8 charset only, capped problem documents.</summary>
public sealed class HostileServiceTests(WebApplicationFactory<ServiceProgram> factory) : IClassFixture<WebApplicationFactory<ServiceProgram>>
{
    private const string Facts = "article: { id: a }\nfacts:\n  - { type: statement, actor: China, act: welcome, issue: china-peace-plan }\n";

    private async Task<HttpResponseMessage> PostAsync(HttpContent body)
    {
        using var client = factory.CreateClient();
        return await client.PostAsync(new Uri("/stances", UriKind.Relative), body);
    }

    private static ByteArrayContent Bytes(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    public async Task InvalidUtf8_IsA400WithADiagnostic_NotAReplacementCharacter(byte[] bad)
    {
        var text = Encoding.UTF8.GetBytes("article: { id: a }\nfacts:\n  - { type: statement, actor: \"China");
        var body = text.Concat(bad).Concat(Encoding.UTF8.GetBytes("\", act: welcome, issue: china-peace-plan }\n")).ToArray();

        using var response = await PostAsync(Bytes(body, "application/yaml"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var diagnostic = Assert.Single(problem.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("SR0006", diagnostic.GetProperty("code").GetString());
        Assert.Contains("not valid UTF-8", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/jsonpatch+bogus")]
    [InlineData("application/json-seq")]
    [InlineData("text/plainx")]
    [InlineData("application/yamlfoo")]
    [InlineData("application/x-yaml2")]
    [InlineData("text/html")]
    public async Task AMediaTypeThatOnlyStartsLikeAnAcceptedOne_Is415(string contentType)
    {
        using var response = await PostAsync(Bytes(Encoding.UTF8.GetBytes(Facts), contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("application/yaml")]
    [InlineData("APPLICATION/YAML")]
    [InlineData("text/yaml; charset=utf-8")]
    [InlineData("text/plain; charset=\"UTF-8\"")]
    [InlineData("application/x-yaml;charset=utf8")]
    public async Task AnAcceptedMediaType_WithParametersOrCase_IsAccepted(string contentType)
    {
        using var response = await PostAsync(Bytes(Encoding.UTF8.GetBytes(Facts), contentType));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("utf-16", "utf-16")]
    [InlineData("utf-16le", "utf-16")]
    [InlineData("iso-8859-1", "utf-8")]
    [InlineData("windows-1252", "utf-8")]
    public async Task ACharsetOtherThanUtf8_Is415_NotMisdecoded(string charset, string encodeAs)
    {
        var bytes = (encodeAs == "utf-16" ? Encoding.Unicode : Encoding.UTF8).GetBytes(Facts);

        using var response = await PostAsync(Bytes(bytes, $"application/yaml; charset={charset}"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(101)]
    [InlineData(20_000)]
    public async Task ManyBadFacts_GiveACappedProblemDocument_WithTheTotal(int count)
    {
        var text = "article: { id: a }\nfacts:\n" + string.Concat(Enumerable.Range(0, count).Select(_ => "- {type: vote, actor: X, choice: maybe}\n"));

        using var response = await PostAsync(new StringContent(text, Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(json);
        Assert.Equal(100, problem.RootElement.GetProperty("diagnostics").GetArrayLength());
        Assert.True(problem.RootElement.GetProperty("total").GetInt32() >= count);
        Assert.InRange(json.Length, 0, 64 * 1024);
    }

    [Fact]
    public async Task AFewBadFacts_AreAllListed_WithTheTotal()
    {
        const string text = "article: { id: a }\nfacts:\n  - { type: vote, actor: X, choice: maybe }\n  - { type: vote, actor: X, choice: perhaps }\n";

        using var response = await PostAsync(new StringContent(text, Encoding.UTF8, "application/yaml"));

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(problem.RootElement.GetProperty("total").GetInt32(), problem.RootElement.GetProperty("diagnostics").GetArrayLength());
    }
}
