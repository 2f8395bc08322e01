using System.Globalization;
using System.Text;
using System.Xml;

namespace StanceRules.Cli;

/// <summary>
/// <c>stance test --junit FILE</c>: the rule tests as a JUnit XML report, the format CI systems read (GitHub
/// Actions reporters, GitLab, Jenkins, Azure Pipelines): one <c>testsuite</c> per test file, one <c>testcase</c>
/// per case (<c>classname</c> the file, <c>name</c> the case), a failed case's diff in its <c>failure</c>, and
/// the errors of a test file that could not run as one <c>error</c> case of that file. Contract: docs/cli.md#junit-report.
/// </summary>
internal static class TestJunit
{
    public static void Write(RuleTestReport report, TimeSpan elapsed, string path)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) };
        using var stream = File.Create(path);
        using var xml = XmlWriter.Create(stream, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "stance test");
        xml.WriteAttributeString("tests", Count(report.Results.Count + ErrorFiles(report).Count()));
        xml.WriteAttributeString("failures", Count(report.Failed));
        xml.WriteAttributeString("errors", Count(ErrorFiles(report).Count()));
        xml.WriteAttributeString("time", elapsed.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        var files = report.Results.Select(r => r.Location.File).Concat(ErrorFiles(report).Select(g => g.Key)).Distinct(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var cases = report.Results.Where(r => r.Location.File == file).ToArray();
            var errors = report.Diagnostics.Where(d => d.Location.File == file).ToArray();
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", Text(file));
            xml.WriteAttributeString("tests", Count(cases.Length + (errors.Length > 0 ? 1 : 0)));
            xml.WriteAttributeString("failures", Count(cases.Count(c => !c.Passed)));
            xml.WriteAttributeString("errors", Count(errors.Length > 0 ? 1 : 0));
            xml.WriteAttributeString("skipped", "0");
            foreach (var result in cases)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", Text(file));
                xml.WriteAttributeString("name", Text(result.Name));
                xml.WriteAttributeString("file", Text(file));
                xml.WriteAttributeString("line", Count(result.Location.Line));
                if (!result.Passed)
                {
                    var diff = DisplayText.EscapeKeepingLines(result.Failure ?? string.Empty);
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("message", FirstLine(diff));
                    xml.WriteAttributeString("type", "expectation");
                    xml.WriteString(diff);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            if (errors.Length > 0)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", Text(file));
                xml.WriteAttributeString("name", "test file");
                xml.WriteAttributeString("file", Text(file));
                xml.WriteStartElement("error");
                xml.WriteAttributeString("message", errors.Length == 1 ? errors[0].ToString() : $"{errors.Length} errors in the test file; none of its cases ran");
                xml.WriteAttributeString("type", errors[0].Code);
                xml.WriteString(string.Join("\n", errors.Select(e => e.ToString())));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>The test files with errors, each with its diagnostics.</summary>
    private static IEnumerable<IGrouping<string, Diagnostic>> ErrorFiles(RuleTestReport report) => report.Diagnostics.GroupBy(d => d.Location.File, StringComparer.Ordinal);

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Text(string value) => DisplayText.Escape(value);

    private static string FirstLine(string text)
    {
        var line = text.AsSpan().TrimStart();
        var end = line.IndexOf('\n');
        return (end < 0 ? line : line[..end]).TrimEnd().ToString();
    }
}
