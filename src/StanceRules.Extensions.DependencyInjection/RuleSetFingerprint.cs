using System.Security.Cryptography;

namespace StanceRules.Extensions.DependencyInjection;

/// <summary>
/// What a rules folder holds, as one hash: every rule file's path in the folder and its bytes, in
/// order. Two reload triggers for one edit (an editor's two writes, a watcher event and the folder
/// guard's check, which can come after the edit's own reload) see the same fingerprint, so the
/// second one compiles nothing and raises no event.
/// </summary>
internal static class RuleSetFingerprint
{
    /// <summary>The fingerprint of a folder that is not there (or is not a folder).</summary>
    private static readonly byte[] Missing = [0];

    /// <summary>The folder's fingerprint; null when a file could not be read (then it never equals another, and the reload runs).</summary>
    public static byte[]? Of(string directory, StanceLimits? limits)
    {
        try
        {
            if (!StanceFiles.TryEnumerateFolder(directory, StanceFiles.IsRuleFile, limits, out var files, out var diagnostics))
            {
                return Missing;
            }

            if (diagnostics.Count > 0)
            {
                return null;
            }

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[16 * 1024];
            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(directory, file) + "\0"));
                using var stream = StanceFiles.OpenRegularFile(file, out _);
                if (stream is null)
                {
                    return null;
                }

                long length = 0;
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    length += read;
                }

                hash.AppendData(BitConverter.GetBytes(length));
            }

            return hash.GetHashAndReset();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static bool Same(byte[]? a, byte[]? b) => a is not null && b is not null && a.AsSpan().SequenceEqual(b);
}
