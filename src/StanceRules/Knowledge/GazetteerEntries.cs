namespace StanceRules.Knowledge;

/// <summary>A country of the gazetteer.</summary>
internal sealed record Country(string Iso3, string Iso2, string Name)
{
    /// <summary>False for the states that speak but are not UN member states (Taiwan, Kosovo): <c>un_member: false</c>.</summary>
    public bool UnMember { get; init; } = true;
}

/// <summary>What kind of name a country alias is.</summary>
internal enum AliasKind
{
    Code,
    Name,
    Capital,
    Seat,
    Demonym,
    Official,
}

/// <summary>An entry of the gazetteer's dictionary: what one normalized name stands for.</summary>
internal abstract class GazetteerEntry
{
    protected GazetteerEntry(string text) => Text = text;

    /// <summary>The name as the data writes it.</summary>
    public string Text { get; }
}

/// <summary>A name of a country: its name, code, capital, seat of government, demonym or an undated official.</summary>
internal sealed class CountryAlias(string text, Country country, AliasKind kind) : GazetteerEntry(text)
{
    public Country Country { get; } = country;

    public AliasKind Kind { get; } = kind;

    /// <summary>For a code: the country also lists it as a name ("US"), so it counts inside a phrase when written in capitals.</summary>
    public bool AlsoName { get; set; }

    public string Description => $"{Kind.ToString().ToLowerInvariant()} '{Text}' of {Country.Iso3}";
}

/// <summary>A name (full name, surname, nickname) of a person who held a dated office.</summary>
internal sealed class PersonAlias(string text, Person person) : GazetteerEntry(text)
{
    public Person Person { get; } = person;

    /// <summary>Set when the same name is also one of the country's undated officials: it always resolves to the country.</summary>
    public Country? Undated { get; set; }
}

/// <summary>A name of something that is not a country: an organization, a group of countries, a non-state actor.</summary>
internal sealed class NonCountryEntry(string text, string reason, ResolutionKind kind) : GazetteerEntry(text)
{
    public string Reason { get; } = reason;

    public ResolutionKind Kind { get; } = kind;

    /// <summary>A non-state actor that became a country's government on a date (the Taliban, 2021-08-15).</summary>
    public (Country Country, DateOnly From)? Becomes { get; init; }

    /// <summary>
    /// The country a non-state actor belongs to and its role there (Hezbollah: LBN, REB), as the event coders code it: its
    /// facts are coded with that country and role, an agent's, and never give the state's stance.
    /// </summary>
    public (Country Country, string Role)? Home { get; init; }

    public bool IsCountryOn(DateOnly? date) => Becomes is { } b && (date is not { } d || d >= b.From);
}

/// <summary>A non-country entry as one of its names matched it (in the actor's normalized text).</summary>
internal sealed record NonCountryMatch(NonCountryEntry Entry, string Text);

/// <summary>How an actor resolved: to a country, to several (a joint statement), or not, with the reason.</summary>
/// <param name="Kind">What the actor is.</param>
/// <param name="Country">The one country (kind Country).</param>
/// <param name="Countries">The countries of a joint statement, in ISO3 order (kind JointStatement).</param>
/// <param name="Reason">Why the actor is not one country.</param>
/// <param name="Match">What matched: a <see cref="CountryAlias"/>, an <see cref="OfficeTerm"/>, a <see cref="Person"/> or a <see cref="NonCountryEntry"/>; null when nothing did.</param>
internal readonly record struct Resolution(ResolutionKind Kind, Country? Country, Country[]? Countries, string? Reason, object? Match)
{
    public static Resolution Resolved(Country country, object? match) => new(ResolutionKind.Country, country, null, null, match);

    public static Resolution Unresolved(ResolutionKind kind, string reason, object? match = null) => new(kind, null, null, reason, match);
}

