using Microsoft.AspNetCore.Diagnostics;

namespace StanceRules.Service;

/// <summary>
/// A request Kestrel refuses while the endpoint reads it (<see cref="BadHttpRequestException"/>: a client
/// sending its body slower than <c>MinRequestBodyDataRate</c> is 408, a body over Kestrel's own limit
/// 413, a malformed chunk 400) is the client's fault: its status code and a problem document, and one
/// warning line in the log, not a 500 with a stack trace per request.
/// </summary>
internal sealed partial class BadRequestHandler(IProblemDetailsService problems, ILogger<BadRequestHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        LogBadRequest(logger, httpContext.Request.Method, httpContext.Request.Path, bad.StatusCode, bad.Message);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status408RequestTimeout ? "The request body came too slowly" : "Bad request",
                Detail = bad.Message,
            },
        }).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "{Method} {Path}: {StatusCode}, {Reason}")]
    private static partial void LogBadRequest(ILogger logger, string method, string path, int statusCode, string reason);
}
