using System.Text;

namespace StanceRules.Yaml;

/// <summary>Reads rule files and fact documents from disk: size-checked before reading, strictly UTF-8.</summary>
internal static class SourceFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? Read(string path, StanceLimits limits, List<Diagnostic> diagnostics)
    {
        var at = new SourceLocation(path, 1, 1);
        try
        {
            var length = new FileInfo(path).Length;
            if (length > limits.MaxFileBytes)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitExceeded, ErrorMessages.LimitExceeded("file size in bytes", length, nameof(StanceLimits.MaxFileBytes), limits.MaxFileBytes), at));
                return null;
            }

            var bytes = File.ReadAllBytes(path);
            var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.FileNotReadable, ErrorMessages.NotUtf8, at));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.FileNotReadable, ErrorMessages.FileNotReadable(e.Message), at));
        }

        return null;
    }

    /// <summary>Reads a stream to its end: at most <see cref="StanceLimits.MaxFileBytes"/> bytes, strictly UTF-8.</summary>
    public static async Task<string?> ReadAsync(Stream stream, string name, StanceLimits limits, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var at = new SourceLocation(name, 1, 1);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limits.MaxFileBytes)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitExceeded, ErrorMessages.LimitExceeded("file size in bytes", buffer.Length + read, nameof(StanceLimits.MaxFileBytes), limits.MaxFileBytes), at));
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var start = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes[start..]);
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.FileNotReadable, ErrorMessages.NotUtf8, at));
            return null;
        }
    }

    /// <summary>Reads a text reader to its end: at most <see cref="StanceLimits.MaxFileBytes"/> characters.</summary>
    public static async Task<string?> ReadAsync(TextReader reader, string name, StanceLimits limits, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var builder = new StringBuilder();
        var chunk = new char[16384];
        int read;
        while ((read = await reader.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (builder.Length + read > limits.MaxFileBytes)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitExceeded, ErrorMessages.LimitExceeded("document size in characters", builder.Length + read, nameof(StanceLimits.MaxFileBytes), limits.MaxFileBytes), new SourceLocation(name, 1, 1)));
                return null;
            }

            builder.Append(chunk, 0, read);
        }

        return builder.ToString();
    }
}
