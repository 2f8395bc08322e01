namespace StanceRules.Tests;

/// <summary>Taiwan and Kosovo speak, and the report flags them as not UN member states so a user can filter them (issue 22).</summary>
public sealed class NotUnMemberReportTests
{
    private static readonly StanceEngine Engine = StanceEngine.Load(Repo.Rules);

    private static ArticleFacts Article() => ArticleFacts.Parse("""
        article: { id: taipei-kyiv, published: 2023-03-01 }
        facts:
          - { id: f1, type: statement, actor: Taiwan, act: condemn, target: Russia's invasion of Ukraine, issue: russia-ukraine-war }
          - { id: f2, type: statement, actor: Kosovo, act: condemn, target: Russia's invasion of Ukraine, issue: russia-ukraine-war }
          - { id: f3, type: statement, actor: France, act: condemn, target: Russia's invasion of Ukraine, issue: russia-ukraine-war }
        """, "taipei-kyiv.facts.yaml");

    [Fact]
    public void Taiwan_and_Kosovo_get_a_stance_flagged_as_not_UN_members_and_France_is_not_flagged()
    {
        var report = Engine.Infer(Article());

        Assert.Equal(["FRA", "TWN", "XKX"], report.Stances.Select(s => s.Country));
        Assert.Equal([true, false, false], report.Stances.Select(s => s.IsUnMemberState));
    }

    [Fact]
    public void The_flag_is_written_as_un_member_false_only_for_them_and_reads_back()
    {
        var json = Engine.Infer(Article()).ToJson(indented: false);

        Assert.Equal(2, json.Split("\"un_member\":false").Length - 1);
        Assert.Contains("\"country\":\"TWN\",\"un_member\":false,\"issue\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"country\":\"FRA\",\"un_member\"", json, StringComparison.Ordinal);
        var back = StanceReport.FromJson(json);
        Assert.Equal([true, false, false], back.Stances.Select(s => s.IsUnMemberState));
        Assert.Equal(json, back.ToJson(indented: false));
    }

    [Fact]
    public void Un_member_true_is_refused_on_reading_since_it_is_never_written()
    {
        var json = Engine.Infer(Article()).ToJson(indented: false).Replace("\"un_member\":false", "\"un_member\":true", StringComparison.Ordinal);

        var error = Assert.Throws<System.Text.Json.JsonException>(() => StanceReport.FromJson(json));

        Assert.Contains("'un_member' must be false", error.Message, StringComparison.Ordinal);
    }
}
