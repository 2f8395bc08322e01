using StanceRules.Yaml;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Loading;

/// <summary>
/// The dates of knowledge files (<c>from</c>, <c>to</c>, <c>covers</c>, <c>checked</c>,
/// <c>becomes.from</c>): YYYY-MM-DD; an office holder's <c>from</c> and <c>to</c> may also be a
/// month, YYYY-MM (some day of that month).
/// </summary>
internal static class YamlDates
{
    /// <summary>The date, or null (with a diagnostic when the node is not a scalar or not a YYYY-MM-DD date).</summary>
    public static DateOnly? Read(YamlText yaml, YamlNode node, string what)
    {
        if (yaml.Scalar(node, what) is not { } text)
        {
            return null;
        }

        if (TryDay(text, out var date))
        {
            return date;
        }

        yaml.Error(node, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(text, what, "a date YYYY-MM-DD"));
        return null;
    }

    /// <summary>
    /// A day (YYYY-MM-DD) or a month (YYYY-MM): the month's first day, and whether only the month
    /// is known; null (with a diagnostic naming both forms) when it is neither.
    /// </summary>
    public static (DateOnly Date, bool MonthOnly)? ReadDayOrMonth(YamlText yaml, YamlNode node, string what)
    {
        if (yaml.Scalar(node, what) is not { } text)
        {
            return null;
        }

        if (text.Length == 7 && text[4] == '-' && Digits(text, 0, 4) is var y and > 0 && Digits(text, 5, 2) is var m and >= 1 and <= 12)
        {
            return (new DateOnly(y, m, 1), true); // the usual form of a month, read directly
        }

        if (TryDay(text, out var date))
        {
            return (date, false);
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var month))
        {
            return (month, true);
        }

        yaml.Error(node, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(text, what, "a date YYYY-MM-DD, or a month YYYY-MM when the day is not known"));
        return null;
    }

    // The usual form (four, two and two digits, a real day) read directly; anything else as before.
    private static bool TryDay(string text, out DateOnly date)
    {
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && Digits(text, 0, 4) is var year and > 0 && Digits(text, 5, 2) is var month and >= 1 and <= 12
            && Digits(text, 8, 2) is var day and >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            date = new DateOnly(year, month, day);
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);
    }

    /// <summary>The number the ASCII digits at <paramref name="start"/> spell; -1 when one is not a digit.</summary>
    private static int Digits(string text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return -1;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return value;
    }
}
