using System.Text.Encodings.Web;
using System.Text.Json;

namespace StanceRules;

/// <summary>Writes a <see cref="StanceReport"/> as the JSON of the report contract, by hand, so the shape never drifts with a serializer's settings.</summary>
internal static class ReportJson
{
    public static string Write(StanceReport report, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("article", report.Article);
            if (report.Published is { } published)
            {
                json.WriteString("published", published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            json.WriteStartArray("stances");
            foreach (var stance in report.Stances)
            {
                json.WriteStartObject();
                json.WriteString("country", stance.Country);
                json.WriteString("issue", stance.Issue);
                json.WriteString("stance", stance.Stance.ToName());
                json.WriteNumber("confidence", stance.Confidence);
                WriteStrings(json, "rules", stance.Rules);
                WriteStrings(json, "facts", stance.Facts);
                WriteStrings(json, "evidence", stance.Evidence);
                json.WriteStartArray("overruled");
                foreach (var signal in stance.Overruled)
                {
                    json.WriteStartObject();
                    json.WriteString("stance", signal.Stance.ToName());
                    json.WriteNumber("confidence", Math.Round(signal.Confidence, 4));
                    WriteStrings(json, "rules", signal.Rules);
                    WriteStrings(json, "facts", signal.Facts);
                    WriteStrings(json, "evidence", signal.Evidence);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("unresolved");
            foreach (var unresolved in report.Unresolved)
            {
                json.WriteStartObject();
                json.WriteString("fact", unresolved.Fact);
                json.WriteString("actor", unresolved.Actor);
                json.WriteString("reason", unresolved.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
