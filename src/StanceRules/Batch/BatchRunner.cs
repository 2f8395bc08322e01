using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace StanceRules.Batch;

/// <summary>
/// The batch pipeline: one producer reads the input and starts each item on a worker as soon as
/// one is free (at most <see cref="BatchOptions.MaxDegreeOfParallelism"/> at once), queueing the
/// item's task in a bounded channel in input order; the consumer awaits those tasks in order.
/// The channel's capacity (<see cref="BatchOptions.MaxPending"/>) bounds how many items are held
/// at once, whatever the input's length; a slow item holds back the output, not the memory.
/// </summary>
internal static class BatchRunner
{
    /// <summary>Runs <paramref name="process"/> on every item; it must turn every failure into a result, throwing only when cancelled.</summary>
    public static async IAsyncEnumerable<BatchResult> Run<T>(
        IAsyncEnumerable<T> input,
        Func<T, long, CancellationToken, BatchResult> process,
        BatchOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = Channel.CreateBounded<Task<BatchResult>>(new BoundedChannelOptions(options.MaxPending)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var workers = new SemaphoreSlim(options.MaxDegreeOfParallelism, options.MaxDegreeOfParallelism);

        // Started before the producer, so each inference's activity (started on a worker) is its child.
        using var activity = StanceTelemetry.Source.StartActivity(StanceTelemetry.BatchActivity, ActivityKind.Internal);
        long yielded = 0;
        var producer = Task.Run(() => Produce(input, process, pending.Writer, workers, stop.Token), CancellationToken.None);
        try
        {
            while (await pending.Reader.WaitToReadAsync(stop.Token).ConfigureAwait(false))
            {
                while (pending.Reader.TryRead(out var item))
                {
                    var result = await item.ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                    yielded++;
                    yield return result;
                }
            }
        }
        finally
        {
            // The consumer finished, stopped early or was cancelled: stop reading, let the items
            // already started end (cancelled between rule firings), and leave nothing running.
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            while (pending.Reader.TryRead(out var item))
            {
                await ((Task)item).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            activity?.SetTag("stancerules.batch.documents", yielded);
        }
    }

    private static async Task Produce<T>(
        IAsyncEnumerable<T> input,
        Func<T, long, CancellationToken, BatchResult> process,
        ChannelWriter<Task<BatchResult>> pending,
        SemaphoreSlim workers,
        CancellationToken cancellationToken)
    {
        try
        {
            long index = 0;
            await foreach (var item in input.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await workers.WaitAsync(cancellationToken).ConfigureAwait(false);
                var position = index++;
                var task = Task.Run(
                    () =>
                    {
                        StanceTelemetry.BatchActive.Add(1);
                        try
                        {
                            var result = process(item, position, cancellationToken);
                            if (StanceTelemetry.BatchDocuments.Enabled)
                            {
                                StanceTelemetry.BatchDocumentDone(result.Error?.GetType().FullName ?? (result.Succeeded ? null : "invalid_document"));
                            }

                            return result;
                        }
                        finally
                        {
                            StanceTelemetry.BatchActive.Add(-1);
                            workers.Release();
                        }
                    },
                    CancellationToken.None);
                try
                {
                    await pending.WriteAsync(task, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    await ((Task)task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    throw;
                }
            }

            pending.TryComplete();
        }
        catch (Exception e)
        {
            // The input itself failed (or the batch was cancelled): the consumer gets the items
            // read so far, then this exception.
            pending.TryComplete(e);
        }
    }

    /// <summary>A synchronous sequence as an asynchronous one, read on the producer's thread.</summary>
    public static async IAsyncEnumerable<T> AsAsync<T>(IEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }
    }
}
