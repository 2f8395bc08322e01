using System.Diagnostics;

namespace StanceRules.Cli;

/// <summary>
/// A one-line progress bar on stderr, drawn only when stderr is the console and a terminal (not
/// redirected to a file or a pipe) and there is more than one article; otherwise it draws nothing.
/// Redrawn at most ten times a second; cleared before anything else is written to stderr.
/// </summary>
internal sealed class ProgressBar : IDisposable
{
    private static readonly long RedrawTicks = Stopwatch.Frequency / 10;

    private readonly TextWriter? _terminal;
    private readonly int _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -RedrawTicks;
    private int _drawnWidth;

    private ProgressBar(TextWriter? terminal, int total)
    {
        _terminal = terminal;
        _total = total;
    }

    public static ProgressBar Create(TextWriter stderr, int total) =>
        new(total > 1 && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? stderr : null, total);

    public void Show(int done, int failed)
    {
        if (_terminal is null || (_clock.ElapsedTicks - _lastDraw < RedrawTicks && done < _total))
        {
            return;
        }

        _lastDraw = _clock.ElapsedTicks;
        const int Width = 30;
        var filled = (int)((long)done * Width / _total);
        var rate = done / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var line = $"[{new string('#', filled)}{new string('.', Width - filled)}] {done}/{_total} articles, {rate:0}/s" + (failed > 0 ? $", {failed} failed" : string.Empty);
        _terminal.Write('\r' + line.PadRight(_drawnWidth));
        _drawnWidth = line.Length;
        _terminal.Flush();
    }

    public void Clear()
    {
        if (_terminal is null || _drawnWidth == 0)
        {
            return;
        }

        _terminal.Write('\r' + new string(' ', _drawnWidth) + '\r');
        _terminal.Flush();
        _drawnWidth = 0;
    }

    public void Dispose() => Clear();
}
