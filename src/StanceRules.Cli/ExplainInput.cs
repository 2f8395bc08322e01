using System.Diagnostics.CodeAnalysis;

namespace StanceRules.Cli;

/// <summary>The one fact document <c>stance explain</c> reads: a file, a JSON Lines file of one line, or standard input (<c>-</c>).</summary>
internal static class ExplainInput
{
    public static bool TryRead(string path, StandardInput stdin, FactStreamFormat stdinFormat, FactTypes factTypes, [NotNullWhen(true)] out ArticleFacts? article, out IReadOnlyList<Diagnostic> diagnostics)
    {
        if (!DocumentInputs.IsStream(path))
        {
            return ArticleFacts.TryLoad(path, out article, out diagnostics, factTypes);
        }

        article = null;
        var documents = DocumentInputs.Documents([path], stdin, stdinFormat, article: _ => null).GetAsyncEnumerator();
        try
        {
            if (!documents.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                diagnostics = [];
                return false;
            }

            var first = documents.Current;
            if (documents.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                var name = path == "-" ? DocumentInputs.StdinName : path;
                diagnostics = [new Diagnostic(DiagnosticCodes.InvalidValue, $"stance explain explains one fact document; the input holds more (the second at line {documents.Current.Line})", new SourceLocation(name, (int)Math.Min(documents.Current.Line, int.MaxValue), 1))];
                return false;
            }

            return first.TryRead(out article, out diagnostics, factTypes);
        }
        finally
        {
            documents.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
