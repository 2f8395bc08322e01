using System.Text;
using StanceRules.Extensions.DependencyInjection;

namespace StanceRules.Service;

/// <summary>The service's endpoints. Errors are RFC 7807 problem details (<c>application/problem+json</c>).</summary>
internal static class StancesEndpoint
{
    /// <summary>The largest fact document accepted, in bytes (the library's own limits then apply to its content).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The most diagnostics a problem document lists; its <c>total</c> member gives the full count.</summary>
    public const int MaxProblemDiagnostics = 100;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly string[] AcceptedMediaTypes =
        ["application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"];

    /// <summary>
    /// <c>POST /stances</c>: a fact document in; 200 with the report JSON, or a problem: 400 with
    /// its diagnostics (code, message, line, column; at most <see cref="MaxProblemDiagnostics"/>,
    /// with the full count in <c>total</c>) in its <c>diagnostics</c> member (invalid UTF-8 is
    /// one), 413 for a body over <see cref="MaxBodyBytes"/>, 415 for another media type or a
    /// charset other than UTF-8, 422 when inference hits its firing or match limit.
    /// </summary>
    public static async Task<IResult> InferAsync(HttpRequest request, IStanceEngineProvider engines, CancellationToken cancellationToken)
    {
        if (!IsAcceptedContentType(request.ContentType, out var contentTypeProblem))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: contentTypeProblem);
        }

        var body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Fact document too large",
                detail: $"A fact document may have at most {MaxBodyBytes} bytes.");
        }

        string text;
        try
        {
            // As for files: invalid UTF-8 is an error, never a replacement character.
            text = StrictUtf8.GetString(body.Value.Span);
        }
        catch (DecoderFallbackException e)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The fact document has errors",
                detail: "The body is not valid UTF-8.",
                extensions: new Dictionary<string, object?>
                {
                    ["diagnostics"] = new[] { new ProblemDiagnostic(DiagnosticCodes.FileNotReadable, $"the body is not valid UTF-8 (byte {e.Index} of the first bad sequence)", 1, 1) },
                    ["total"] = 1,
                });
        }

        // One engine for the whole request: a hot reload in the meantime does not change it.
        var engine = engines.Current;
        // application/json bodies are strict JSON (RFC 8259); the YAML media types (and none) are read as YAML.
        var format = IsJson(request.ContentType) ? FactDocumentFormat.Json : FactDocumentFormat.Yaml;
        if (!ArticleFacts.TryParse(text, "request", out var article, out var diagnostics, engine.FactTypes, format: format))
        {
            // Capped: a body of 20,000 bad facts must not become a 6 MB answer. 'total' says how many there were.
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The fact document has errors",
                detail: diagnostics.Count == 1 ? diagnostics[0].ToString()
                    : diagnostics.Count <= MaxProblemDiagnostics ? $"{diagnostics.Count} errors; each is in 'diagnostics' with its line and column."
                    : $"{diagnostics.Count} errors; the first {MaxProblemDiagnostics} are in 'diagnostics' with their line and column.",
                extensions: new Dictionary<string, object?>
                {
                    ["diagnostics"] = diagnostics.Take(MaxProblemDiagnostics).Select(d => new ProblemDiagnostic(d.Code, d.Message, d.Location.Line, d.Location.Column)).ToArray(),
                    ["total"] = diagnostics.Count,
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
                title: "Inference stopped at its limit",
                detail: e.Message,
                extensions: new Dictionary<string, object?> { ["rules"] = e.Rules });
        }
    }

    /// <summary><c>GET /rules</c>: the ids of the rules in force (they change when the rules folder is edited).</summary>
    public static IResult Rules(IStanceEngineProvider engines) => Results.Ok(new { rules = engines.Current.RuleIds });

    /// <summary>
    /// The media type must be one of <see cref="AcceptedMediaTypes"/> exactly (not a prefix:
    /// <c>application/jsonpatch+bogus</c> is not JSON), with no charset or <c>charset=utf-8</c>:
    /// the body is decoded as UTF-8 and nothing else. No content type at all is taken as YAML.
    /// </summary>
    private static bool IsAcceptedContentType(string? contentType, out string problem)
    {
        problem = $"Send the fact document as {string.Join(", ", AcceptedMediaTypes)}, in UTF-8.";
        if (contentType is null)
        {
            return true;
        }

        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !AcceptedMediaTypes.Contains(mediaType.MediaType.Value, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        var charset = Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(mediaType.Charset).Value;
        if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"The charset '{charset}' is not supported; send the fact document in UTF-8 (charset=utf-8).";
            return false;
        }

        return true;
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && string.Equals(mediaType.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body's bytes, or null when it is longer than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
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

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        return bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
    }

    /// <summary>One diagnostic in a problem's <c>diagnostics</c> member.</summary>
    internal sealed record ProblemDiagnostic(string Code, string Message, int Line, int Column);
}
