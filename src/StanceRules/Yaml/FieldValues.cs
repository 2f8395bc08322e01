namespace StanceRules.Yaml;

/// <summary>
/// What the YAML and the JSON fact readers share about a declared field's value, so that both give
/// the same values and the same messages (JsonFactReaderTests compares them).
/// </summary>
internal static class FieldValues
{
    /// <summary>A number as the field holds it: an <c>int</c> field takes whole numbers in range only (null otherwise); any other number field the double.</summary>
    public static object? Number(FactField field, double n)
    {
        if (Nullable.GetUnderlyingType(field.Type) is { } u ? u != typeof(int) : field.Type != typeof(int))
        {
            return n;
        }

        return n != Math.Floor(n) || n is < int.MinValue or > int.MaxValue ? null : (int)n;
    }

    /// <summary>The words an invalid-value message gives for what the field expects.</summary>
    public static string Expected(FactField field) => field.Kind switch
    {
        FieldKind.Boolean => "true or false",
        FieldKind.Number => field.Type == typeof(int) || field.Type == typeof(int?) ? "a whole number" : "a number",
        FieldKind.Date => "an ISO date (yyyy-MM-dd)",
        FieldKind.Enum => string.Join(", ", EnumText.Names(field.EnumType!)),
        _ => "text",
    };
}
