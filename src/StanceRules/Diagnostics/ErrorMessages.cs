namespace StanceRules;

/// <summary>Every diagnostic message, in one place, so each can be provoked by a test.</summary>
internal static class ErrorMessages
{
    public const string MultipleDocuments = "a file holds one YAML document; remove the '---' separated documents after the first";
    public const string EmptyWhen = "'when' needs at least one pattern";
    public const string NoPositivePattern = "'when' needs at least one pattern that is not inside 'not' or 'exists'";
    public const string ThenNeedsOne = "'then' must emit a stance ('stance') or assert a fact ('assert'), not both and not neither";

    public static string YamlSyntax(string detail) => $"invalid YAML: {detail}";

    public static string JsonSyntax(string detail) => $"invalid JSON: {detail}";

    public static string FileNotReadable(string detail) => $"cannot read: {detail}";

    public static string LimitExceeded(string what, long actual, string limit, long max) =>
        $"{what} ({actual:N0}) exceeds the limit StanceLimits.{limit} ({max:N0})";

    public static string NotARegularFile(string kind) => $"cannot read: it is {kind}, not a regular file";

    public static string BrokenLink(string target) => $"link not followed: its target '{DisplayText.Truncate(target)}' does not exist or the links loop";

    public static string LinkLeavesFolder(string folder) => $"link not followed: it leads out of '{folder}' (set StanceLimits.FollowLinksOutOfFolder to allow it)";

    public static string YamlTag(string tag) => $"YAML tags are not supported: remove '{DisplayText.Truncate(tag)}' (values are plain text, numbers, booleans, lists and mappings)";

    public static string EmptyCondition(string field, string value) => $"the condition on '{field}' is empty ({value}); give a value, a list of values or operators, or use 'present: false' to match a missing value";

    public const string TabIndentation = "a tab is used as indentation on this line; YAML indents with spaces only";

    public const string NoGazetteer = "the rule set has no gazetteer ('countries'): no actor resolves to a country, so no stance will be found; add a gazetteer, or extend the default rule set (StanceEngineOptions.ExtendDefaultRules, stance --extend-defaults)";

    public const string NoLexicon = "the rule set has no lexicon ('acts'): no statement's act has a stance family; add a lexicon, or extend the default rule set (StanceEngineOptions.ExtendDefaultRules, stance --extend-defaults)";

    public const string NotUtf8 = "cannot read: the file is not valid UTF-8";

    public static string UnknownKey(string key, string where, IEnumerable<string> known) =>
        $"unknown key '{key}' in {where}; expected one of: {string.Join(", ", known)}";

    public static string MissingKey(string key, string where) => $"'{key}' is required in {where}";

    public static string WrongNodeKind(string what, string expected, string actual) => $"{what} must be {expected}, not {actual}";

    public static string InvalidValue(string value, string what, string expected) => $"'{DisplayText.Truncate(value)}' is not a valid value for {what}; expected {expected}";

    public static string UnknownFactType(string name, IEnumerable<string> known) => $"unknown fact type '{name}'; known types: {string.Join(", ", known)}";

    public static string DuplicateFactId(string id, int firstLine) => $"duplicate fact id '{id}' (first used on line {firstLine})";

    public static string DuplicateRuleId(string id, SourceLocation first) => $"duplicate rule id '{id}' (first defined at {first})";

    public static string InvalidRuleId(string id) => $"rule id '{id}' must be kebab-case: lower-case letters, digits and hyphens";

    public static string UnknownField(string field, string type, IEnumerable<string> known) => $"fact type '{type}' has no field '{field}'; its fields are: {string.Join(", ", known)}";

    public static string TypeMismatch(string what, string expected, string actual) => $"{what} is {actual}, but {expected} is needed";

    public static string UnknownStance(string value) => $"unknown stance '{value}'; expected supports, abstains, condemns or rejects";

    public static string UndefinedVariable(string name, IEnumerable<string> bound) =>
        bound.Any() ? $"variable '${name}' is not bound by an earlier pattern; bound here: {string.Join(", ", bound.Select(b => "$" + b))}" : $"variable '${name}' is not bound: name a pattern with 'TYPE as {name}' before using it";

    public static string DuplicateVariable(string name) => $"variable '{name}' is already bound in this rule";

    public static string UnknownOperator(string op, IEnumerable<string> known) => $"unknown operator '{op}'; expected one of: {string.Join(", ", known)}";

    public static string OperatorNotForKind(string op, string kind) => $"operator '{op}' does not apply to a {kind} field";

    public static string OutOfRange(string what, string range) => $"{what} must be {range}";

    public static string UnboundSignalTarget(string field) => $"the signal's {field} cannot be known: give 'then.{field}' (e.g. $x.{field}) or start 'when' with a pattern whose fact type has a '{field}' field";

    public static string NotAssertable(string type) => $"fact type '{type}' cannot be asserted by a rule; assert a 'claim' or a registered fact type";

    public static string InvalidRegex(string detail) => $"invalid regular expression: {detail}";

    public static string EngineRejectedRule(string id, string detail) => $"NRules could not compile rule '{id}': {detail}";

    public static string LoadFailed(string type, string detail) => $"the rule set could not be loaded here ({type}: {detail})";

    public const string AssertedCountry = "'country' cannot be given inside 'assert': the asserted fact's country is 'then.country' (or the first pattern's country); give it there";

    public static string InvalidIssueId(string value) => $"'{DisplayText.Truncate(value)}' is not a valid issue id; an issue is a kebab-case id: lower-case letters, digits and hyphens, starting with a letter (for example china-peace-plan)";

    public static string NoRules(string where) => $"no rules found in {where}";

    public static string DuplicateAlias(string alias, string first, string second) => $"'{alias}' names both {first} and {second}";

    public static string DuplicateEntry(string what, string id) => $"duplicate {what} '{id}'";

    public static string OverlappingTerms(string office, string first, string second) => $"two terms of one office overlap: {office}: {first} and {second}";

    public static string EmptyName(string what, string name) => $"{what} '{DisplayText.Truncate(name)}' has no letter or digit (only spaces, punctuation or invisible characters); refused";

    public static string UnknownCountry(string iso3) => $"'{iso3}' is not the ISO3 code of a country of the gazetteer (its 'countries' list)";

    public static string PatternHeader(string header) => $"'{header}' is not a pattern; write 'TYPE' or 'TYPE as NAME' with NAME in lower case (for example 'statement as s')";
}
