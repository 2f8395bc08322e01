using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace StanceRules.Extraction;

/// <summary>
/// Writes an article's statements and votes as a fact document (docs/fact-document.md) that the
/// fact reader reads back unchanged: YAML (strings double-quoted, with JSON's escapes, which YAML
/// reads alike) or JSON. Only the fields a fact sets are written.
/// </summary>
internal static class FactDocumentWriter
{
    public static string Write(ArticleFacts article, bool json)
    {
        var fields = new List<(string Key, object Value)>();
        if (json)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("article");
                foreach (var (key, value) in ArticleFields(article))
                {
                    WriteJson(writer, key, value);
                }

                writer.WriteEndObject();
                writer.WriteStartArray("facts");
                foreach (var fact in article.Facts)
                {
                    writer.WriteStartObject();
                    foreach (var (key, value) in FactFields(fact))
                    {
                        WriteJson(writer, key, value);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
        }

        var yaml = new StringBuilder();
        yaml.Append("# yaml-language-server: $schema=https://raw.githubusercontent.com/stancerules/stancerules/main/schemas/facts.schema.json\n");
        yaml.Append("# Facts extracted from the article's text by the dictionary extractor (stance extract).\narticle:\n");
        foreach (var (key, value) in ArticleFields(article))
        {
            yaml.Append("  ").Append(key).Append(": ").Append(Yaml(value)).Append('\n');
        }

        yaml.Append(article.Facts.Count == 0 ? "facts: []\n" : "facts:\n");
        foreach (var fact in article.Facts)
        {
            var first = true;
            foreach (var (key, value) in FactFields(fact))
            {
                yaml.Append(first ? "  - " : "    ").Append(key).Append(": ").Append(Yaml(value)).Append('\n');
                first = false;
            }
        }

        return yaml.ToString();
    }

    private static IEnumerable<(string, object)> ArticleFields(ArticleFacts article)
    {
        yield return ("id", article.Id);
        if (article.Published is { } published)
        {
            yield return ("published", published);
        }

        if (article.Title is { } title)
        {
            yield return ("title", title);
        }
    }

    private static IEnumerable<(string, object)> FactFields(Fact fact)
    {
        yield return ("id", fact.Id);
        switch (fact)
        {
            case Statement statement:
                yield return ("type", "statement");
                yield return ("actor", fact.Actor);
                yield return ("act", statement.Act);
                if (statement.Target is { } target)
                {
                    yield return ("target", target);
                }

                if (statement.Negated)
                {
                    yield return ("negated", true);
                }

                if (statement.Hedged)
                {
                    yield return ("hedged", true);
                }

                break;
            case Vote vote:
                yield return ("type", "vote");
                yield return ("actor", fact.Actor);
                if (vote.Body is { } body)
                {
                    yield return ("body", body);
                }

                if (vote.Motion is { } motion)
                {
                    yield return ("motion", motion);
                }

                yield return ("choice", EnumText.ToText(vote.Choice));
                if (vote.YesMeans is { } yesMeans)
                {
                    yield return ("yes_means", yesMeans.ToName());
                }

                break;
            default:
                throw new NotSupportedException($"The extractor writes statements and votes, not {fact.GetType().Name}.");
        }

        if (fact.Issue is { } issue)
        {
            yield return ("issue", issue);
        }

        if (fact.Evidence is { } evidence)
        {
            yield return ("evidence", evidence);
        }

        if (fact.EvidenceOffset is { } offset)
        {
            yield return ("evidence_offset", offset);
        }
    }

    private static string Yaml(object value) => value switch
    {
        string text => Quote(text),
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException(value.GetType().Name),
    };

    /// <summary>A YAML double-quoted scalar: backslash, quote and every control, format or line-separator character escaped.</summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                quoted.Append('\\').Append(c);
            }
            else if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff')
            {
                quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                quoted.Append(c);
            }
        }

        return quoted.Append('"').ToString();
    }

    private static void WriteJson(Utf8JsonWriter writer, string key, object value)
    {
        switch (value)
        {
            case string text: writer.WriteString(key, text); break;
            case bool flag: writer.WriteBoolean(key, flag); break;
            case int number: writer.WriteNumber(key, number); break;
            case DateOnly date: writer.WriteString(key, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            default: throw new NotSupportedException(value.GetType().Name);
        }
    }
}
