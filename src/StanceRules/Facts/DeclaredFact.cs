namespace StanceRules;

/// <summary>
/// A fact of a type declared in YAML beside the rules (a rule file's <c>types:</c> section). Every declared type
/// shares this class; its name tells the types apart, and its declared fields' values are held by position.
/// </summary>
internal sealed class DeclaredFact : Fact
{
    public DeclaredFact(string typeName, int fieldCount)
    {
        TypeName = typeName;
        Values = new object?[fieldCount];
    }

    internal string TypeName { get; }

    internal object?[] Values { get; }

    /// <summary>A declared field's value; what rule conditions read (a static method, so the trimmer sees it).</summary>
    public static object? Get(DeclaredFact fact, int index) => fact.Values[index];

    /// <summary>Whether a fact is of the declared type a pattern names.</summary>
    public static bool IsOfType(DeclaredFact fact, string typeName) => string.Equals(fact.TypeName, typeName, StringComparison.Ordinal);
}
