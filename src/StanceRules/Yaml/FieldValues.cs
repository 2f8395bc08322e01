using System.Globalization;

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

    /// <summary>An ISO date (<c>yyyy-MM-dd</c>), read as <see cref="DateOnly.TryParseExact(string, string, IFormatProvider, DateTimeStyles, out DateOnly)"/> reads it with that format, the invariant culture and no styles.</summary>
    public static bool TryDate(string text, out DateOnly date) =>
        TryDigits(text, out date) || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>
    /// The date of a UTF-8 value of exactly ten characters, four digits, '-', two, '-', two, that
    /// names a day of the calendar; false for anything else, which the caller reads as text (through
    /// <see cref="TryDate"/>), so the shapes the framework's parser also accepts are never lost.
    /// </summary>
    public static bool TryDigits(ReadOnlySpan<byte> utf8, out DateOnly date)
    {
        date = default;
        return utf8.Length == 10 && utf8[4] == (byte)'-' && utf8[7] == (byte)'-'
            && Digits(utf8[0], utf8[1], out var century) && Digits(utf8[2], utf8[3], out var year)
            && Digits(utf8[5], utf8[6], out var month) && Digits(utf8[8], utf8[9], out var day)
            && Day((century * 100) + year, month, day, out date);
    }

    private static bool TryDigits(string text, out DateOnly date)
    {
        date = default;
        return text.Length == 10 && text[4] == '-' && text[7] == '-'
            && Digits(text[0], text[1], out var century) && Digits(text[2], text[3], out var year)
            && Digits(text[5], text[6], out var month) && Digits(text[8], text[9], out var day)
            && Day((century * 100) + year, month, day, out date);
    }

    /// <summary>Two ASCII digits as a number.</summary>
    private static bool Digits(int tens, int ones, out int value)
    {
        var (t, o) = ((uint)(tens - '0'), (uint)(ones - '0'));
        value = (int)((t * 10) + o);
        return t <= 9 && o <= 9;
    }

    private static bool Day(int year, int month, int day, out DateOnly date)
    {
        var valid = year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
        date = valid ? new DateOnly(year, month, day) : default;
        return valid;
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
