using System.Text;
using StanceRules.Extensions.DependencyInjection;

namespace StanceRules.Service;

/// <summary>The service's endpoints. Errors are RFC 7807 problem details (<c>application/problem+json</c>).</summary>
internal static class StancesEndpoint
{
    /// <summary>The largest fact document accepted, in bytes (the library's own limits then apply to its content).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly string[] AcceptedMediaTypes =
        ["application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"];

    /// <summary>
    /// <c>POST /stances</c>: a fact document in; 200 with the report JSON, or a problem: 400 with
    /// every diagnostic (code, message, line, column) in its <c>diagnostics</c> member, 413 for a
    /// body over <see cref="MaxBodyBytes"/>, 415 for another media type, 422 when inference hits
    /// its firing limit.
    /// </summary>
    public static async Task<IResult> InferAsync(HttpRequest request, IStanceEngineProvider engines, CancellationToken cancellationToken)
    {
        if (request.ContentType is { } contentType && !AcceptedMediaTypes.Any(t => contentType.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: $"Send the fact document as {string.Join(", ", AcceptedMediaTypes)}.");
        }

        var text = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Fact document too large",
                detail: $"A fact document may have at most {MaxBodyBytes} bytes.");
        }

        // One engine for the whole request: a hot reload in the meantime does not change it.
        var engine = engines.Current;
        // application/json bodies are strict JSON (RFC 8259); the YAML media types are read as YAML.
        var format = request.ContentType is { } type && type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ? FactDocumentFormat.Json : FactDocumentFormat.Yaml;
        if (!ArticleFacts.TryParse(text, "request", out var article, out var diagnostics, engine.FactTypes, format: format))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The fact document has errors",
                detail: diagnostics.Count == 1 ? diagnostics[0].ToString() : $"{diagnostics.Count} errors; each is in 'diagnostics' with its line and column.",
                extensions: new Dictionary<string, object?>
                {
                    ["diagnostics"] = diagnostics.Select(d => new ProblemDiagnostic(d.Code, d.Message, d.Location.Line, d.Location.Column)).ToArray(),
                });
        }

        try
        {
            var report = engine.Infer(article, cancellationToken);
            return Results.Text(report.ToJson(indented: false), "application/json", Encoding.UTF8);
        }
        catch (InferenceLimitException e)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Inference stopped at its firing limit",
                detail: e.Message,
                extensions: new Dictionary<string, object?> { ["rules"] = e.Rules });
        }
    }

    /// <summary><c>GET /rules</c>: the ids of the rules in force (they change when the rules folder is edited).</summary>
    public static IResult Rules(IStanceEngineProvider engines) => Results.Ok(new { rules = engines.Current.RuleIds });

    /// <summary>The body as text, or null when it is longer than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>One diagnostic in a problem's <c>diagnostics</c> member.</summary>
    internal sealed record ProblemDiagnostic(string Code, string Message, int Line, int Column);
}
