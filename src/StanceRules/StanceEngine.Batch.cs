using StanceRules.Batch;

namespace StanceRules;

public sealed partial class StanceEngine
{
    /// <summary>
    /// Infers stances for many articles at once, on every core, streaming the results.
    /// </summary>
    /// <remarks>
    /// <para><b>Order</b>: results come in input order (<see cref="BatchResult.Index"/> counts from 0),
    /// whatever order the workers finish in.</para>
    /// <para><b>Failures</b>: an article whose inference throws (for example
    /// <see cref="InferenceLimitException"/>) yields a result with <see cref="BatchResult.Error"/>;
    /// the batch goes on. Only cancellation, or an exception from the input sequence itself, ends it.</para>
    /// <para><b>Memory</b>: at most <see cref="BatchOptions.MaxPending"/> articles are held at once;
    /// the input is read only as fast as the consumer takes results.</para>
    /// <para><b>Cancellation</b>: <paramref name="cancellationToken"/> (or the token given to
    /// <c>WithCancellation</c>) stops reading, stops the inferences in flight between rule firings
    /// and ends the enumeration with <see cref="OperationCanceledException"/>. Stopping the
    /// enumeration early (<c>break</c>) stops the work too.</para>
    /// </remarks>
    /// <param name="articles">The articles; each is inferred as <see cref="Infer(ArticleFacts, CancellationToken)"/> would.</param>
    /// <param name="options">Workers and read-ahead; defaults when null.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    public IAsyncEnumerable<BatchResult> InferAllAsync(IAsyncEnumerable<ArticleFacts> articles, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return BatchRunner.Run(articles, InferOne, options ?? new BatchOptions(), cancellationToken);
    }

    /// <summary>Infers stances for many articles at once; see <see cref="InferAllAsync(IAsyncEnumerable{ArticleFacts}, BatchOptions?, CancellationToken)"/>.</summary>
    /// <param name="articles">The articles.</param>
    /// <param name="options">Workers and read-ahead; defaults when null.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    public IAsyncEnumerable<BatchResult> InferAllAsync(IEnumerable<ArticleFacts> articles, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return BatchRunner.Run(BatchRunner.AsAsync(articles, CancellationToken.None), InferOne, options ?? new BatchOptions(), cancellationToken);
    }

    /// <summary>
    /// Reads, parses and infers many fact documents at once, on every core, streaming the results
    /// in input order. A document that does not parse yields a result with every one of its
    /// <see cref="BatchResult.Diagnostics"/> (file, line, column), and the batch goes on; see
    /// <see cref="InferAllAsync(IAsyncEnumerable{ArticleFacts}, BatchOptions?, CancellationToken)"/>
    /// for order, memory and cancellation.
    /// </summary>
    /// <param name="documents">The documents, parsed with this engine's <see cref="FactTypes"/> and <see cref="StanceEngineOptions.Limits"/>.</param>
    /// <param name="options">Workers and read-ahead; defaults when null.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    public IAsyncEnumerable<BatchResult> InferAllAsync(IAsyncEnumerable<FactDocument> documents, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return BatchRunner.Run(documents, ReadAndInferOne, options ?? new BatchOptions(), cancellationToken);
    }

    /// <summary>Reads, parses and infers many fact documents at once; see <see cref="InferAllAsync(IAsyncEnumerable{FactDocument}, BatchOptions?, CancellationToken)"/>.</summary>
    /// <param name="documents">The documents, for example <c>Directory.EnumerateFiles(dir, "*.facts.yaml").Select(FactDocument.FromFile)</c>.</param>
    /// <param name="options">Workers and read-ahead; defaults when null.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    public IAsyncEnumerable<BatchResult> InferAllAsync(IEnumerable<FactDocument> documents, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return BatchRunner.Run(BatchRunner.AsAsync(documents, CancellationToken.None), ReadAndInferOne, options ?? new BatchOptions(), cancellationToken);
    }

    private BatchResult InferOne(ArticleFacts article, long index, CancellationToken cancellationToken)
    {
        if (article is null)
        {
            return BatchResult.Failed(index, $"#{index}", null, new ArgumentNullException(nameof(article), "The input sequence held a null article."));
        }

        return InferCatching(article, article.Id, index, cancellationToken);
    }

    private BatchResult ReadAndInferOne(FactDocument document, long index, CancellationToken cancellationToken)
    {
        if (document is null)
        {
            return BatchResult.Failed(index, $"#{index}", null, new ArgumentNullException(nameof(document), "The input sequence held a null document."));
        }

        cancellationToken.ThrowIfCancellationRequested();
        ArticleFacts? article;
        IReadOnlyList<Diagnostic> diagnostics;
        try
        {
            if (!document.TryRead(FactTypes, _options.Limits, out article, out diagnostics))
            {
                return BatchResult.Invalid(index, document.Source, diagnostics);
            }
        }
#pragma warning disable CA1031 // A document the reader fails on in a way it does not report is that document's failure alone.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return BatchResult.Failed(index, document.Source, null, e);
        }

        return InferCatching(article, document.Source, index, cancellationToken);
    }

    private BatchResult InferCatching(ArticleFacts article, string source, long index, CancellationToken cancellationToken)
    {
        try
        {
            return BatchResult.Success(index, source, Infer(article, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One article's failure, whatever it is, is that article's result: the batch goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return BatchResult.Failed(index, source, article.Id, e);
        }
    }
}
