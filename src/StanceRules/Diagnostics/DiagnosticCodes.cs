namespace StanceRules;

/// <summary>
/// The stable codes of every diagnostic StanceRules reports. <c>SR0xxx</c> are YAML structure
/// errors shared by all files, <c>SR1xxx</c> fact documents, <c>SR2xxx</c> rules,
/// <c>SR3xxx</c> the gazetteer, lexicon and issue catalogue.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The text is not valid YAML, or a JSON fact document is not strict JSON (RFC 8259).</summary>
    public const string YamlSyntax = "SR0001";
    /// <summary>A mapping holds a key the format does not define.</summary>
    public const string UnknownKey = "SR0002";
    /// <summary>A required key is missing.</summary>
    public const string MissingKey = "SR0003";
    /// <summary>A value has the wrong shape (a list where a mapping is expected, ...).</summary>
    public const string WrongNodeKind = "SR0004";
    /// <summary>A scalar cannot be read as the type the key needs (number, boolean, date, enum).</summary>
    public const string InvalidValue = "SR0005";
    /// <summary>A file or folder cannot be read, or is not valid UTF-8.</summary>
    public const string FileNotReadable = "SR0006";
    /// <summary>Input exceeds one of the <see cref="StanceLimits"/>; the message names which.</summary>
    public const string LimitExceeded = "SR0007";
    /// <summary>A link in a folder was not followed: it leaves the folder, is broken, or loops (see docs/security.md).</summary>
    public const string LinkNotFollowed = "SR0008";
    /// <summary>A YAML tag (<c>!!binary</c>, <c>!custom</c>): the formats have no typed or custom nodes.</summary>
    public const string YamlTag = "SR0009";

    /// <summary>A fact names a type that is not registered.</summary>
    public const string UnknownFactType = "SR1001";
    /// <summary>Two facts in one document share an id.</summary>
    public const string DuplicateFactId = "SR1002";

    /// <summary>Two rules share an id.</summary>
    public const string DuplicateRuleId = "SR2001";
    /// <summary>A pattern names a fact type that is not registered.</summary>
    public const string UnknownPatternType = "SR2002";
    /// <summary>A condition or action names a field its fact type does not have.</summary>
    public const string UnknownField = "SR2003";
    /// <summary>A value or variable does not have the type the field or operator needs.</summary>
    public const string TypeMismatch = "SR2004";
    /// <summary>A stance is not one of supports, abstains, condemns, rejects.</summary>
    public const string UnknownStance = "SR2005";
    /// <summary>A <c>$variable</c> is not bound by an earlier pattern of the rule.</summary>
    public const string UndefinedVariable = "SR2006";
    /// <summary>A condition uses an operator the language does not define.</summary>
    public const string UnknownOperator = "SR2007";
    /// <summary>A variable name is bound twice in one rule.</summary>
    public const string DuplicateVariable = "SR2008";
    /// <summary>A rule's confidence is outside [0, 1] or its priority is not an integer.</summary>
    public const string OutOfRange = "SR2009";
    /// <summary>A rule's action can neither name the country nor the issue of its signal.</summary>
    public const string UnboundSignalTarget = "SR2010";
    /// <summary>A rule asserts a fact type that cannot be built (no public parameterless constructor).</summary>
    public const string NotAssertable = "SR2011";
    /// <summary>A regular expression does not parse.</summary>
    public const string InvalidRegex = "SR2012";
    /// <summary>NRules refused the compiled rule.</summary>
    public const string EngineRejectedRule = "SR2013";
    /// <summary>A rule set has no rules.</summary>
    public const string NoRules = "SR2014";
    /// <summary>A condition is empty (<c>{}</c>, <c>[]</c> or <c>~</c>) and would match everything or nothing.</summary>
    public const string EmptyCondition = "SR2015";

    /// <summary>One alias (name, code, capital, official...) names two different actors.</summary>
    public const string DuplicateAlias = "SR3001";
    /// <summary>Two gazetteer entries share an ISO code, or two issues or lemmas share an id.</summary>
    public const string DuplicateEntry = "SR3002";
    /// <summary>An offices entry (or a non-country actor's <c>becomes</c>) names an ISO3 code the gazetteer has no country for.</summary>
    public const string UnknownCountry = "SR3003";
    /// <summary>Warning: the rule set has no gazetteer (no <c>countries</c>), so no actor resolves to a country.</summary>
    public const string NoGazetteer = "SR3004";
    /// <summary>Warning: the rule set has no lexicon (no <c>acts</c>), so no statement has a stance family.</summary>
    public const string NoLexicon = "SR3005";
    /// <summary>Two terms of one office of one country overlap (two heads of state on one day).</summary>
    public const string OverlappingTerms = "SR3006";
    /// <summary>A name or alias of the gazetteer or offices has no letter or digit (empty, or only punctuation or invisible characters).</summary>
    public const string EmptyName = "SR3007";
}
