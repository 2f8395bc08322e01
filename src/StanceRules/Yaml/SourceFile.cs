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
}
