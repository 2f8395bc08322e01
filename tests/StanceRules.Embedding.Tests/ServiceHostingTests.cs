extern alias service;

using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceProgram = service::Program;

namespace StanceRules.Embedding.Tests;

/// <summary>The example service as a host runs it: its health endpoint, its options checked at start, JSON errors worded as JSON, slow clients.</summary>
public sealed class ServiceHostingTests(WebApplicationFactory<ServiceProgram> factory) : IClassFixture<WebApplicationFactory<ServiceProgram>>
{
    [Fact]
    public async Task GetHealth_WithTheRulesLoaded_IsHealthy_WithTheirCountAndAge()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        var check = health.RootElement.GetProperty("checks").GetProperty("stancerules");
        Assert.Equal("Healthy", check.GetProperty("status").GetString());
        var data = check.GetProperty("data");
        Assert.Equal(StanceEngine.CreateDefault().RuleIds.Count, data.GetProperty("ruleCount").GetInt32());
        Assert.Equal("the embedded rules", data.GetProperty("rules").GetString());
        Assert.InRange(data.GetProperty("ageSeconds").GetDouble(), 0, 600);
        Assert.True(data.GetProperty("lastReloadSucceeded").GetBoolean());
    }

    [Fact]
    public async Task PostStances_JsonOfTheWrongShape_IsWordedAsJson_ObjectsArraysAndNull()
    {
        using var client = factory.CreateClient();
        const string Facts = """
            { "article": [ "j" ],
              "facts": { "type": "vote" } }
            """;
        using var body = new StringContent(Facts, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/stances", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var messages = problem.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("message").GetString()!).ToArray();
        Assert.Contains("'article' must be an object, not an array", messages);
        Assert.Contains("'facts' must be an array, not an object", messages);
        Assert.All(messages, m => Assert.DoesNotMatch("mapping|a list|YAML", m));
    }

    [Fact]
    public async Task SlowClient_Gets408Problem_NotA500_AndOneWarningWithoutAStackTrace()
    {
        var logs = new CapturingLoggerProvider();
        using var kestrel = factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));
        kestrel.UseKestrel(options => options.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 1000, gracePeriod: TimeSpan.FromSeconds(2)));
        kestrel.StartServer();
        using var http = kestrel.CreateClient();
        var address = http.BaseAddress!;

        // Headers for 100 KB of body, then 20 bytes and silence: far below 1,000 bytes/s once the grace period is over.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        var request = $"POST /stances HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/yaml\r\nContent-Length: 100000\r\n\r\narticle: {{ id: slow }}\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = await ReadUntilClosed(stream, patience.Token);

        Assert.StartsWith("HTTP/1.1 408 ", response, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", response, StringComparison.Ordinal);
        Assert.Contains("\"status\":408", response, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("POST /stances: 408, ", StringComparison.Ordinal) && !e.Message.Contains(" at ", StringComparison.Ordinal));
    }

    [Fact]
    public void NegativeReloadDelay_InConfiguration_StopsTheServiceAtStart_WithAnOptionsValidationError()
    {
        using var broken = factory.WithWebHostBuilder(builder => builder.UseSetting("StanceRules:ReloadDelay", "-00:00:01"));

        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());

        var validation = error as OptionsValidationException ?? Assert.IsType<OptionsValidationException>(error.InnerException, exactMatch: false);
        Assert.Contains("StanceRulesOptions.ReloadDelay must be from 0 to 1 hour; it is -00:00:01.", validation.Failures);
    }

    private static async Task<string> ReadUntilClosed(NetworkStream stream, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new byte[4096];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            if (text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && text.ToString().TrimEnd().EndsWith('}'))
            {
                break;
            }
        }

        return text.ToString();
    }
}
