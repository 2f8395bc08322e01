using StanceRules.Yaml;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Loading;

/// <summary>The dates of knowledge files (<c>from</c>, <c>to</c>, <c>covers</c>, <c>checked</c>, <c>becomes.from</c>): YYYY-MM-DD only.</summary>
internal static class YamlDates
{
    /// <summary>The date, or null (with a diagnostic when the node is not a scalar or not a YYYY-MM-DD date).</summary>
    public static DateOnly? Read(YamlText yaml, YamlNode node, string what)
    {
        if (yaml.Scalar(node, what) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        yaml.Error(node, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(text, what, "a date YYYY-MM-DD"));
        return null;
    }
}
