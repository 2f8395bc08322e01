using Microsoft.Win32.SafeHandles;

namespace StanceRules;

/// <summary>
/// The kept articles' evidence texts of one corpus, out of memory (<see cref="CorpusOptions.EvidenceInTemporaryFile"/>):
/// an append-only temporary file, each kept article's texts written once when it is kept and read
/// back by offset when an answer builds its articles. Created when the first text is written, in
/// <see cref="Path.GetTempPath"/>; its name is removed from the folder at once where the system
/// allows it (Unix: the open file lives on, unnamed), else the file is deleted when closed
/// (Windows); it is closed when the corpus and every answer that reads it are collected, or when
/// the process ends. Thread-safe: answers may be read from several threads.
/// </summary>
internal sealed class EvidenceFile
{
    // Appends are gathered in memory and written a buffer at a time.
    private const int BufferBytes = 64 * 1024;

    private readonly object _lock = new();
    private SafeFileHandle? _file;
    private byte[]? _buffer;
    private int _buffered;

    // The bytes written to the file; the buffer holds the ones after them.
    private long _written;

    /// <summary>The bytes appended so far.</summary>
    public long Length
    {
        get
        {
            lock (_lock)
            {
                return _written + _buffered;
            }
        }
    }

    /// <summary>Appends <paramref name="bytes"/>; returns the offset they start at.</summary>
    public long Append(ReadOnlySpan<byte> bytes)
    {
        lock (_lock)
        {
            _buffer ??= new byte[BufferBytes];
            var at = _written + _buffered;
            if (_buffered + bytes.Length > _buffer.Length)
            {
                Flush();
                if (bytes.Length > _buffer.Length)
                {
                    RandomAccess.Write(File(), bytes, _written);
                    _written += bytes.Length;
                    return at;
                }
            }

            bytes.CopyTo(_buffer.AsSpan(_buffered));
            _buffered += bytes.Length;
            return at;
        }
    }

    /// <summary>The <paramref name="length"/> bytes at <paramref name="offset"/>, as appended.</summary>
    public byte[] Read(long offset, int length)
    {
        var bytes = new byte[length];
        lock (_lock)
        {
            if (offset + length > _written)
            {
                // Not all of it in the file yet: written out first, so one read finds it.
                Flush();
            }

            var read = 0;
            while (read < length)
            {
                var got = RandomAccess.Read(File(), bytes.AsSpan(read), offset + read);
                if (got == 0)
                {
                    throw new IOException($"The corpus's evidence file ended at {offset + read:N0} bytes, before the {length:N0} bytes at {offset:N0}: it was changed by another process.");
                }

                read += got;
            }
        }

        return bytes;
    }

    private void Flush()
    {
        if (_buffered > 0)
        {
            RandomAccess.Write(File(), _buffer.AsSpan(0, _buffered), _written);
            _written += _buffered;
            _buffered = 0;
        }
    }

    private SafeFileHandle File()
    {
        if (_file is null)
        {
            try
            {
                _file = Create();
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                throw new IOException($"The corpus cannot create its evidence file ({nameof(CorpusOptions)}.{nameof(CorpusOptions.EvidenceInTemporaryFile)}) in the temporary folder {Path.GetTempPath()}: {e.Message}", e);
            }
        }

        return _file;
    }

    private static SafeFileHandle Create()
    {
        var path = Path.Combine(Path.GetTempPath(), $"stance-corpus-evidence-{Guid.NewGuid():N}.tmp");
        if (OperatingSystem.IsWindows())
        {
            // An open file cannot be deleted there: the system deletes it when it is closed.
            return System.IO.File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        }

        // Unnamed from now on: nothing is left behind, even if the process is killed.
        var file = System.IO.File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        System.IO.File.Delete(path);
        return file;
    }
}
