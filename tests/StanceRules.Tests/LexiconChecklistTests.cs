namespace StanceRules.Tests;

/// <summary>
/// The lexicon against the CAMEO/PLOVER verb categories as a checklist (issue 11): the common
/// English verbs of each category, plainly and negated. A neutral reporting verb never yields a
/// stance, and a verb of a stance category is never reported as unknown.
/// </summary>
public class LexiconChecklistTests
{
    private static readonly Knowledge.Lexicon Lexicon = StanceEngine.Load(Repo.Rules).RuleSet.Lexicon;

    public static TheoryData<string, string, string> Checklist()
    {
        var data = new TheoryData<string, string, string>();
        void Add(string category, string family, params string[] verbs)
        {
            foreach (var verb in verbs)
            {
                data.Add(category, verb, family);
            }
        }

        Add("praise and endorse (CAMEO 05)", "supports", "praise", "commend", "laud", "hail", "applaud", "welcome", "endorse", "back", "support", "defend", "congratulate", "salute", "extol", "acclaim", "recognize", "sign", "ratify");
        Add("intent to cooperate (CAMEO 03)", "supports", "cooperate", "pledge-support", "offer-support", "offer-to-help", "vow-support", "express-willingness", "express-readiness", "agree-to-cooperate", "commit-to", "look-forward-to");
        Add("appeal and demand (CAMEO 02, 10)", "supports", "call-for", "urge", "demand", "appeal-for", "plead-for", "press-for", "push-for", "lobby-for", "insist-on", "request", "seek");
        Add("disapprove, criticize, accuse (CAMEO 11)", "condemns", "condemn", "denounce", "criticize", "criticise", "deplore", "decry", "blame", "accuse", "accuse-of", "allege", "slam", "blast", "rebuke", "censure", "lambaste", "hit-out-at", "lash-out-at", "rail-against", "complain", "object", "express-concern", "voice-concern", "express-regret", "protest", "warn-against");
        Add("reject (CAMEO 12)", "rejects", "reject", "refuse", "deny", "dismiss", "rebuff", "repudiate", "veto", "oppose", "spurn", "boycott", "turn-down", "brush-off", "reject-outright", "refuse-to-accept", "vote-against", "withdraw-from", "rule-out", "disagree", "block", "defy");
        Add("decline to comment", "abstains", "decline-to-comment", "refuse-to-comment", "refrain-from-commenting", "decline-to-say", "sidestep", "dodge", "stay-silent", "remain-neutral", "abstain", "avoid-taking-sides");
        Add("neutral reporting (CAMEO 01)", "none", "say", "state", "tell", "add", "note", "report", "announce", "declare", "remark", "mention", "observe", "reiterate", "stress", "emphasize", "insist", "point-out", "recall", "explain", "clarify", "respond", "reply", "write", "tweet", "post", "meet", "visit", "discuss", "hold-talks", "negotiate", "mediate", "host", "brief", "warn", "threaten", "pledge", "promise", "summon");
        Add("deeds that take no side (CAMEO 04, 08, 14, 15)", "none", "launch", "arrive", "depart", "take-steps", "hold-consultations", "order", "mount", "stage", "allow", "permit", "open", "reopen", "return", "resign", "ease", "relax", "consult", "invite", "inspect", "patrol", "intercept", "indict", "prosecute", "convict", "sentence", "imprison", "jail");
        return data;
    }

    [Theory]
    [MemberData(nameof(Checklist))]
    public void ChecklistVerb_IsKnownAndHasItsCategorysFamily(string category, string verb, string family)
    {
        Assert.True(Lexicon.IsKnown(verb), $"{category}: '{verb}' is not in the lexicon (would be reported unknown)");
        Assert.Equal(family == "none" ? null : StanceNames.TryParse(family, out var s) ? s : throw new ArgumentException(family), Lexicon.FamilyOf(verb, negated: false));
    }

    [Theory]
    [InlineData("support", "rejects")]
    [InlineData("endorse", "rejects")]
    [InlineData("recognize", "rejects")]
    [InlineData("accept", "rejects")]
    [InlineData("sign", "rejects")]
    [InlineData("condemn", "abstains")]
    [InlineData("criticize", "abstains")]
    [InlineData("oppose", "abstains")]
    [InlineData("reject", "abstains")]
    [InlineData("welcome", "none")]
    [InlineData("praise", "none")]
    [InlineData("say", "none")]
    [InlineData("comment", "none")]
    public void NegatedVerb_HasItsNegatedFamily(string verb, string family)
    {
        Assert.Equal(family == "none" ? null : StanceNames.TryParse(family, out var s) ? s : throw new ArgumentException(family), Lexicon.FamilyOf(verb, negated: true));
    }

    [Fact]
    public void NoNeutralVerb_YieldsAStance_NegatedOrNot()
    {
        var neutral = Checklist().Where(row => (string)row[2] == "none").Select(row => (string)row[1]).ToArray();

        Assert.All(neutral, verb => Assert.Null(Lexicon.FamilyOf(verb, negated: false)));
        Assert.All(neutral, verb => Assert.Null(Lexicon.FamilyOf(verb, negated: true)));
    }
}
