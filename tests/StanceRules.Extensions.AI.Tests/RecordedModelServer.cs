using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StanceRules.Extensions.AI.Tests;

/// <summary>How the loopback server answers one request.</summary>
internal abstract record Reply
{
    /// <summary>A recorded OpenAI chat-completions stream (server-sent events), replayed byte for byte.</summary>
    public sealed record Recorded(string File) : Reply;

    /// <summary>A recorded stream's start, then its last event repeated until <paramref name="TotalBytes"/> are written (or the client hangs up).</summary>
    public sealed record Endless(string File, long TotalBytes) : Reply;

    /// <summary>No answer for <paramref name="Delay"/> (the client's timeout should come first), then the recorded stream.</summary>
    public sealed record Stalled(string File, TimeSpan Delay) : Reply;

    /// <summary>An HTTP error status with an OpenAI error body.</summary>
    public sealed record Error(int Status) : Reply;
}

/// <summary>
/// An OpenAI-compatible chat-completions endpoint on 127.0.0.1 (a free port), answering the n-th request with the n-th
/// reply (the last one repeats). It speaks just enough HTTP/1.1: one request per connection, the response closed by
/// closing the connection. It records each request's body and how many bytes of each response it managed to write.
/// </summary>
internal sealed class RecordedModelServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Reply[] _replies;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _requests;

    public RecordedModelServer(params Reply[] replies)
    {
        _replies = replies;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1");

    /// <summary>The request bodies (JSON), in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Bytes of response body written, by request number (from 0).</summary>
    public ConcurrentDictionary<int, long> Written { get; } = new();

    /// <summary>Requests whose response the client closed before the server had written it all.</summary>
    public ConcurrentBag<int> HungUp { get; } = [];

    public static string ReplyPath(string file) => Path.Combine(AppContext.BaseDirectory, "Replies", file);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var body = await ReadRequestAsync(stream);
        var number = Interlocked.Increment(ref _requests) - 1;
        Requests.Enqueue(body);
        var reply = _replies[Math.Min(number, _replies.Length - 1)];
        long written = 0;
        try
        {
            switch (reply)
            {
                case Reply.Error error:
                    var message = Encoding.UTF8.GetBytes("""{"error":{"message":"recorded failure","type":"server_error","code":null}}""");
                    await WriteAsync(stream, $"HTTP/1.1 {error.Status} Error\r\nContent-Type: application/json\r\nContent-Length: {message.Length}\r\nConnection: close\r\n\r\n");
                    await stream.WriteAsync(message, _stop.Token);
                    written = message.Length;
                    break;
                case Reply.Stalled stalled:
                    await Task.Delay(stalled.Delay, _stop.Token);
                    await WriteStreamHeadAsync(stream);
                    written = await WriteFileAsync(stream, stalled.File);
                    break;
                case Reply.Recorded recorded:
                    await WriteStreamHeadAsync(stream);
                    written = await WriteFileAsync(stream, recorded.File);
                    break;
                case Reply.Endless endless:
                    await WriteStreamHeadAsync(stream);
                    var head = await File.ReadAllTextAsync(ReplyPath(endless.File));
                    var last = Encoding.UTF8.GetBytes(head[head.LastIndexOf("data: ", StringComparison.Ordinal)..]);
                    written = await WriteFileAsync(stream, endless.File);
                    while (written < endless.TotalBytes)
                    {
                        await stream.WriteAsync(last, _stop.Token);
                        written += last.Length;
                    }

                    break;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            HungUp.Add(number);
        }
        catch (OperationCanceledException)
        {
        }

        Written[number] = written;
    }

    private async Task<long> WriteFileAsync(NetworkStream stream, string file)
    {
        var bytes = await File.ReadAllBytesAsync(ReplyPath(file));
        await stream.WriteAsync(bytes, _stop.Token);
        return bytes.Length;
    }

    private Task WriteStreamHeadAsync(NetworkStream stream) =>
        WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n");

    private async Task WriteAsync(NetworkStream stream, string text) => await stream.WriteAsync(Encoding.ASCII.GetBytes(text), _stop.Token);

    /// <summary>Reads the request line and headers, then Content-Length bytes of body.</summary>
    private async Task<string> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(buffer))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                return string.Empty;
            }

            buffer.Add(one[0]);
        }

        var headers = Encoding.ASCII.GetString([.. buffer]);
        var length = headers.Split("\r\n")
            .Where(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.Parse(h["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, _stop.Token);
        return Encoding.UTF8.GetString(body);
    }

    private static bool EndsWithBlankLine(List<byte> b) =>
        b.Count >= 4 && b[^4] == '\r' && b[^3] == '\n' && b[^2] == '\r' && b[^1] == '\n';
}
