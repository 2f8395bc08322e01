extern alias service;

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using ServiceProgram = service::Program;

namespace StanceRules.Embedding.Tests;

/// <summary>The example service (src/StanceRules.Service), run in-process.</summary>
public sealed class ServiceTests(WebApplicationFactory<ServiceProgram> factory) : IClassFixture<WebApplicationFactory<ServiceProgram>>
{
    [Fact]
    public async Task PostStances_SeedFactsAsYaml_ReturnsTheSeedReport()
    {
        using var client = factory.CreateClient();
        using var body = new StringContent(await File.ReadAllTextAsync(Repo.SeedFacts), Encoding.UTF8, "application/yaml");

        using var response = await client.PostAsync(new Uri("/stances", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Equal(Normalize(await File.ReadAllTextAsync(Repo.SeedExpectedJson)), Normalize(json));
    }

    [Fact]
    public async Task PostStances_FactsAsJson_ReturnsTheReport()
    {
        using var client = factory.CreateClient();
        const string Facts = """
            { "article": { "id": "json-1" },
              "facts": [ { "type": "vote", "actor": "India", "choice": "abstain", "issue": "russia-ukraine-war", "yes_means": "condemns" } ] }
            """;
        using var body = new StringContent(Facts, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/stances", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("json-1", report.RootElement.GetProperty("article").GetString());
        var stance = Assert.Single(report.RootElement.GetProperty("stances").EnumerateArray());
        Assert.Equal(("IND", "abstains"), (stance.GetProperty("country").GetString(), stance.GetProperty("stance").GetString()));
    }

    [Fact]
    public async Task PostStances_JsonWithATrailingComma_IsAProblemAtItsLineAndColumn()
    {
        using var client = factory.CreateClient();
        using var body = new StringContent("{ \"article\": { \"id\": \"j\" },\n  \"facts\": [], }", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/stances", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var diagnostic = Assert.Single(problem.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(("SR0001", 2, 16), (diagnostic.GetProperty("code").GetString(), diagnostic.GetProperty("line").GetInt32(), diagnostic.GetProperty("column").GetInt32()));
    }

    [Fact]
    public async Task PostStances_MalformedDocument_IsAProblemWithEveryDiagnosticsLineAndColumn()
    {
        using var client = factory.CreateClient();
        using var body = new StringContent("article: { id: bad }\nfacts:\n  - { type: vote, actor: China, choice: maybe }\n  - { type: statement, act: condemn, colour: red }\n", Encoding.UTF8, "application/yaml");

        using var response = await client.PostAsync(new Uri("/stances", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("The fact document has errors", problem.RootElement.GetProperty("title").GetString());
        var diagnostics = problem.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("line").GetInt32()}:{d.GetProperty("column").GetInt32()} {d.GetProperty("code").GetString()}")
            .ToArray();
        Assert.Contains("3:41 SR0005", diagnostics);
        Assert.Contains(diagnostics, d => d.StartsWith("4:", StringComparison.Ordinal) && d.EndsWith("SR0002", StringComparison.Ordinal));
        Assert.All(problem.RootElement.GetProperty("diagnostics").EnumerateArray(), d => Assert.False(string.IsNullOrEmpty(d.GetProperty("message").GetString())));
    }

    [Fact]
    public async Task PostStances_UnsupportedMediaType_Is415Problem()
    {
        using var client = factory.CreateClient();
        using var body = new ByteArrayContent([1, 2, 3]);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        using var response = await client.PostAsync(new Uri("/stances", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostStances_BodyOverTheLimit_Is413Problem()
    {
        using var client = factory.CreateClient();
        using var body = new StringContent("article: { id: big }\nfacts: []\n# " + new string('x', 1024 * 1024), Encoding.UTF8, "application/yaml");

        using var response = await client.PostAsync(new Uri("/stances", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static string Normalize(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
