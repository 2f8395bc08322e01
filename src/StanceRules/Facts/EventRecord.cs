namespace StanceRules;

/// <summary>Which coding an event record carries.</summary>
public enum EventCoding
{
    /// <summary>A CAMEO event code (GDELT 1.0 and 2.0 event exports).</summary>
    Cameo,

    /// <summary>A PLOVER event type (the PLOVER gold-standard records, POLECAT).</summary>
    Plover,
}

/// <summary>One side of an event: the actor as coded.</summary>
/// <param name="Text">The actor's name as the source gives it (may be empty).</param>
/// <param name="CountryCode">The coded country (CAMEO or ISO alpha-3), upper case; empty when none.</param>
/// <param name="Role">The coded role or sector (CAMEO <c>GOV</c>, <c>MIL</c>, <c>REB</c>...); empty when none.</param>
public sealed record EventActor(string Text, string CountryCode, string Role);

/// <summary>
/// A machine-coded event (who did what to whom, when), read by <c>EventRecords</c>.
/// <see cref="StanceEngine.InferEvent"/> makes it a fact of the declared type <c>event</c>, and the rules
/// (by default <c>event-stance</c>) a stance of the source's country.
/// </summary>
public sealed record EventRecord
{
    /// <summary>The record's id (GDELT GLOBALEVENTID, PLOVER id), unique within its source.</summary>
    public required string Id { get; init; }

    /// <summary>The event's date; null when the record has none.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>CAMEO or PLOVER.</summary>
    public required EventCoding Coding { get; init; }

    /// <summary>The CAMEO event code (<c>111</c>, <c>0871</c>) or the PLOVER event type (<c>DISAPPROVE</c>).</summary>
    public required string Code { get; init; }

    /// <summary>The CAMEO quad class (1 verbal cooperation to 4 material conflict); null when the source has none.</summary>
    public int? QuadClass { get; init; }

    /// <summary>The PLOVER mode of the event type (<c>verbal</c>, <c>material</c>, ...); null when the source has none.</summary>
    public string? Mode { get; init; }

    /// <summary>The source actor (who acts).</summary>
    public required EventActor Source { get; init; }

    /// <summary>The target actor; null when the event has none.</summary>
    public EventActor? Target { get; init; }

    /// <summary>The evidence: the source URL (GDELT), the story id or the sentence (PLOVER).</summary>
    public string? Evidence { get; init; }

    /// <summary>Words an issue rule may match: the sentence, the context or the themes, where the source has them.</summary>
    public string? Text { get; init; }
}
