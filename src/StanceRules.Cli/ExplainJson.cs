using System.Text.Json;

namespace StanceRules.Cli;

/// <summary>
/// <c>stance explain --format json</c>: the explanation as one object on stdout: the stance found (with the
/// step of the conflict policy that decided it) or null, every signal (those behind the stance, then the
/// overruled ones) with its rule, priority, facts and evidence, and the candidate rules with their failed
/// conditions; <c>text</c> holds what the text format prints. Schema: schemas/explain-output.schema.json.
/// </summary>
internal static class ExplainJson
{
    public static void Write(StanceExplanation explanation, TextWriter stdout)
    {
        CliJson.Write(stdout, json =>
        {
            json.WriteStartObject();
            json.WriteString("article", explanation.Article);
            json.WriteString("country", explanation.Country);
            json.WriteString("issue", explanation.Issue);
            CliJson.WriteStringOrNull(json, "expected", explanation.Expected?.ToName());
            json.WriteBoolean("as_expected", explanation.IsAsExpected);
            if (explanation.Result is { } result)
            {
                json.WriteStartObject("result");
                json.WriteString("stance", result.Stance.ToName());
                json.WriteNumber("confidence", Math.Round(result.Confidence, 4));
                json.WriteString("decided_by", result.DecidedBy.ToName());
                CliJson.WriteStrings(json, "rules", result.Rules);
                CliJson.WriteStrings(json, "facts", result.Facts);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("result");
            }

            json.WriteStartArray("signals");
            var behind = explanation.Result?.Signals ?? [];
            foreach (var signal in explanation.Signals)
            {
                WriteSignal(json, signal, overruled: !behind.Contains(signal));
            }

            json.WriteEndArray();
            json.WriteStartArray("candidates");
            foreach (var candidate in explanation.Candidates)
            {
                json.WriteStartObject();
                json.WriteString("rule", candidate.Rule);
                CliJson.WriteLocation(json, "location", candidate.Location);
                json.WriteString("produces", candidate.Produces);
                json.WriteBoolean("matched", candidate.Matched);
                json.WriteStartArray("failed_conditions");
                foreach (var failed in candidate.FailedConditions)
                {
                    json.WriteStartObject();
                    json.WriteString("condition", failed.Condition);
                    CliJson.WriteLocation(json, "location", failed.Location);
                    json.WriteString("fact", failed.Fact);
                    json.WriteString("detail", failed.Detail);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("text", explanation.ToString());
            json.WriteEndObject();
        });
    }

    private static void WriteSignal(Utf8JsonWriter json, StanceSignal signal, bool overruled)
    {
        json.WriteStartObject();
        json.WriteString("stance", signal.Stance.ToName());
        json.WriteNumber("confidence", Math.Round(signal.Confidence, 4));
        json.WriteString("rule", signal.Rule);
        json.WriteNumber("priority", signal.Priority);
        json.WriteBoolean("overruled", overruled);
        CliJson.WriteStrings(json, "rules", signal.Rules);
        CliJson.WriteStrings(json, "facts", signal.Facts);
        CliJson.WriteStrings(json, "evidence", signal.Evidence);
        json.WriteEndObject();
    }
}
