using System.Globalization;
using System.Text;
using StanceRules.Yaml;

namespace StanceRules.Tests.Streams;

/// <summary>
/// The readers' ISO date (<see cref="FieldValues.TryDate"/>, and <see cref="FieldValues.TryDigits"/> on
/// UTF-8 bytes) against the framework's <c>DateOnly.TryParseExact(text, "yyyy-MM-dd")</c>, which
/// it must give the same answer as for every text.
/// </summary>
public class FieldValuesDateTests
{
    public static TheoryData<string> Texts =>
    [
        "2023-03-01", "2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29", "0001-01-01", "0000-01-01", "9999-12-31",
        "2023-00-10", "2023-13-01", "2023-04-31", "2023-04-30", "2023-01-00", "2023-01-32", "2023-1-01", "2023-01-1",
        "23-01-01", "2023/01/01", "2023-01-01 ", " 2023-01-01", "2023-01-01T00:00", "２０２３-01-01", "2023-0a-01",
        "20230101", "2023--1-01", "+023-01-01", "-023-01-01", "2023-01-\u0000", "", "yyyy-MM-dd", "10000-01-01",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void TryDate_AnyText_AnswersAsTryParseExact(string text) => AssertSame(text);

    [Fact]
    public void TryDate_EveryDayOfFourYearsAndRandomTexts_AnswerAsTryParseExact()
    {
        for (var day = new DateOnly(1999, 1, 1); day < new DateOnly(2003, 1, 1); day = day.AddDays(1))
        {
            AssertSame(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var random = new Random(5);
        const string alphabet = "0123456789-0123456789/ x";
        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(8, 12)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = alphabet[random.Next(alphabet.Length)];
            }

            AssertSame(new string(chars));
        }
    }

    private static void AssertSame(string text)
    {
        var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : (DateOnly?)null;

        Assert.Equal(expected, FieldValues.TryDate(text, out var got) ? got : null);
        if (FieldValues.TryDigits(Encoding.UTF8.GetBytes(text), out var fromBytes))
        {
            Assert.Equal(expected, fromBytes); // bytes read as a date are always what the framework reads
        }
    }
}
