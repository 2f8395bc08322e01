using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace StanceRules.Yaml;

/// <summary>
/// The one place StanceRules reads rule files and fact documents from disk, and enumerates
/// folders of them. Only regular files are read (a FIFO, a device or a socket is a diagnostic,
/// never a hang); the bytes actually read count against <see cref="StanceLimits.MaxFileBytes"/>
/// (the reported length is not trusted); text must be strict UTF-8. Folders are walked under
/// the link policy of docs/security.md: links stay inside the folder unless
/// <see cref="StanceLimits.FollowLinksOutOfFolder"/>, loops end, each file is read once.
/// </summary>
internal static class SourceFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? Read(string path, StanceLimits limits, List<Diagnostic> diagnostics) => Read(path, path, limits, diagnostics);

    /// <summary>Reads <paramref name="path"/>, naming it <paramref name="name"/> in diagnostics; null (with a diagnostic) when it cannot be read.</summary>
    public static string? Read(string path, string name, StanceLimits limits, List<Diagnostic> diagnostics)
    {
        var at = new SourceLocation(name, 1, 1);
        try
        {
            using var stream = OpenRegularFile(path, out var kind);
            if (stream is null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.FileNotReadable, ErrorMessages.NotARegularFile(kind), at));
                return null;
            }

            // The length is a hint for the common case only: what counts is what is read.
            if (stream.CanSeek && stream.Length > limits.MaxFileBytes)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitExceeded, ErrorMessages.LimitExceeded("file size in bytes", stream.Length, nameof(StanceLimits.MaxFileBytes), limits.MaxFileBytes), at));
                return null;
            }

            var bytes = ReadAtMost(stream, limits.MaxFileBytes);
            if (bytes is null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitExceeded, ErrorMessages.LimitExceeded("file size in bytes", (long)limits.MaxFileBytes + 1, nameof(StanceLimits.MaxFileBytes), limits.MaxFileBytes), at));
                return null;
            }

            var span = bytes.AsSpan();
            if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                span = span[3..];
            }

            return StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.FileNotReadable, ErrorMessages.NotUtf8, at));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.FileNotReadable, ErrorMessages.FileNotReadable(e.Message), at));
        }

        return null;
    }

    /// <summary>The bytes of the stream, or null when it holds more than <paramref name="max"/>.</summary>
    private static byte[]? ReadAtMost(Stream stream, int max)
    {
        var buffer = new byte[(int)Math.Min(max + 1L, stream.CanSeek ? Math.Max(stream.Length, 0) + 1 : 64 * 1024)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > max)
                {
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min(max + 1L, buffer.Length * 2L));
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                return total > max ? null : buffer[..total];
            }

            total += read;
        }
    }

    /// <summary>
    /// Opens a file for reading if it is a regular file; otherwise null, with what it is. On
    /// Linux the type is checked on the opened descriptor (opened without blocking, so a FIFO
    /// cannot hang the open), which leaves no gap between the check and the read.
    /// </summary>
    internal static FileStream? OpenRegularFile(string path, out string kind)
    {
        kind = "a regular file";
        if (OperatingSystem.IsLinux())
        {
            var fd = LinuxFiles.OpenNonBlocking(path);
            if (fd < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                throw errno switch
                {
                    2 or 20 => new FileNotFoundException($"no such file '{path}'"),
                    13 or 1 => new UnauthorizedAccessException($"access to '{path}' is denied"),
                    _ => new IOException($"cannot open '{path}' (errno {errno})"),
                };
            }

            var handle = new SafeFileHandle((IntPtr)fd, ownsHandle: true);
            kind = LinuxFiles.KindOf(handle);
            if (kind != "a regular file")
            {
                handle.Dispose();
                return null;
            }

            return new FileStream(handle, FileAccess.Read, bufferSize: 0);
        }

        if (Directory.Exists(path))
        {
            kind = "a folder";
            return null;
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
    }

    /// <summary>
    /// The files under <paramref name="root"/> (recursively) that <paramref name="include"/>
    /// accepts, in ordinal order of their paths, each once. A link whose target is inside the
    /// folder is not followed (the target is read where it is, so no loop and no duplicate); a
    /// link leaving it is a diagnostic unless <paramref name="followLinksOut"/>; a broken or
    /// looping link is a diagnostic.
    /// </summary>
    /// <returns>(the path to show, the path to read) of each file; null when the root is not a folder.</returns>
    public static List<(string Name, string Path)>? EnumerateFolder(string root, Func<string, bool> include, bool followLinksOut, List<Diagnostic> diagnostics)
    {
        if (!Directory.Exists(root))
        {
            return null;
        }

        var rootReal = RealPath(root) ?? Path.GetFullPath(root);
        var visitedFolders = new HashSet<string>(StringComparer.Ordinal) { rootReal };
        var visitedFiles = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<(string Name, string Path)>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(folder).EnumerateFileSystemInfos().ToArray();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.FileNotReadable, ErrorMessages.FileNotReadable(e.Message), new SourceLocation(folder, 1, 1)));
                continue;
            }

            foreach (var entry in entries)
            {
                var shown = Path.Combine(folder, entry.Name);
                var isLink = entry.LinkTarget is not null;
                var real = isLink ? RealPath(entry.FullName) : Path.GetFullPath(entry.FullName);
                var isFolder = isLink ? real is not null && Directory.Exists(real) : entry is DirectoryInfo;
                if (!isFolder && !include(entry.Name))
                {
                    continue;
                }

                if (isLink)
                {
                    if (real is null || !(Directory.Exists(real) || File.Exists(real)))
                    {
                        diagnostics.Add(new Diagnostic(DiagnosticCodes.LinkNotFollowed, ErrorMessages.BrokenLink(entry.LinkTarget!), new SourceLocation(shown, 1, 1)));
                        continue;
                    }

                    if (IsInside(real, rootReal))
                    {
                        continue; // read where it is: no duplicate, no loop
                    }

                    if (!followLinksOut)
                    {
                        diagnostics.Add(new Diagnostic(DiagnosticCodes.LinkNotFollowed, ErrorMessages.LinkLeavesFolder(root), new SourceLocation(shown, 1, 1)));
                        continue;
                    }
                }

                if (isFolder)
                {
                    // A folder reached a second time (two links to it, or a link back up) is walked once.
                    if (visitedFolders.Add(real!))
                    {
                        pending.Push(shown);
                    }
                }
                else if (visitedFiles.Add(real!))
                {
                    files.Add((shown, real!));
                }
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return files;
    }

    private static bool IsInside(string path, string folder) =>
        path == folder || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>The path with every link resolved, or null when a link is broken or loops.</summary>
    private static string? RealPath(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            return LinuxFiles.RealPath(path);
        }

        try
        {
            var info = new FileInfo(path);
            return info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        }
        catch (IOException)
        {
            return null;
        }
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

    /// <summary>The few POSIX calls .NET does not expose: open without blocking, the file type of a descriptor, realpath.</summary>
    private static class LinuxFiles
    {
        private const int NonBlocking = 0x800;   // O_NONBLOCK
        private const int NoControllingTerminal = 0x100; // O_NOCTTY
        private const int CloseOnExec = 0x80000; // O_CLOEXEC
        private const int EmptyPath = 0x1000;    // AT_EMPTY_PATH
        private const uint TypeMask = 0x1;       // STATX_TYPE

        public static int OpenNonBlocking(string path) => Open(path, NonBlocking | NoControllingTerminal | CloseOnExec);

        /// <summary>What the descriptor is, from <c>statx</c>'s mode (its offset is the same on every Linux architecture).</summary>
        public static string KindOf(SafeFileHandle handle)
        {
            var buffer = new byte[256];
            if (StatX((int)handle.DangerousGetHandle(), string.Empty, EmptyPath, TypeMask, buffer) != 0)
            {
                return "a file of unknown type";
            }

            return (BitConverter.ToUInt16(buffer, 28) & 0xF000) switch
            {
                0x8000 => "a regular file",
                0x4000 => "a folder",
                0x1000 => "a FIFO (named pipe)",
                0x2000 => "a character device",
                0x6000 => "a block device",
                0xC000 => "a socket",
                _ => "a file of unknown type",
            };
        }

        public static string? RealPath(string path)
        {
            var resolved = RealPathNative(path, IntPtr.Zero);
            if (resolved == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                return Marshal.PtrToStringUTF8(resolved);
            }
            finally
            {
                Free(resolved);
            }
        }

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int StatX(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

        [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern IntPtr RealPathNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

        [DllImport("libc", EntryPoint = "free")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern void Free(IntPtr pointer);
    }
}
