namespace StanceRules;

/// <summary>
/// Makes the <c>event</c> fact of an event record (the type <c>rules/events.yaml</c> declares):
/// the coded values as read, and the fields the <see cref="EventMapping"/> gives (source country,
/// target country, family, state, issue). A declaration in another rule set may hold fewer fields;
/// those it lacks are not set. Immutable and thread-safe.
/// </summary>
internal sealed class EventFacts
{
    /// <summary>The name of the declared type.</summary>
    public const string TypeName = "event";

    private static readonly string[] FieldNames = ["coding", "code", "quad_class", "mode", "source_code", "source_role", "target", "target_code", "target_country", "target_role", "date", "text", "family", "state"];
    private static readonly object True = true;
    private static readonly object False = false;
    private static readonly object?[] QuadClasses = [null, 1d, 2d, 3d, 4d];
    private static readonly object[] Families = [.. Enum.GetValues<Stance>().Select(s => (object)s)];

    private readonly EventMapping _mapping;
    private readonly FactType _type;

    // For each of FieldNames, its position in the declared type's values, or -1 when the declaration lacks it (or gives it another kind).
    private readonly int[] _index;

    // Boxed dates, shared between threads: a slot holds one immutable box, replaced whole.
    private const int DateSlots = 1024;
    private readonly object?[] _dates = new object?[DateSlots];

    public EventFacts(EventMapping mapping, FactType type)
    {
        _mapping = mapping;
        _type = type;
        _index = FieldNames.Select(name => type.Fields.TryGetValue(name, out var field) && field.DeclaredIndex >= 0 && field.Kind == KindOf(name) ? field.DeclaredIndex : -1).ToArray();
    }

    /// <summary>The record's fact, its country set (the coded country, not the gazetteer's reading of a name).</summary>
    public Fact Create(EventRecord record)
    {
        var source = record.Source;
        var target = record.Target;
        var country = _mapping.CountryOf(source.CountryCode);
        var targetCountry = _mapping.CountryOf(target?.CountryCode);
        var fact = new DeclaredFact(TypeName, _type.DeclaredFieldCount)
        {
            Id = record.Id,
            Actor = source.Text.Length > 0 ? source.Text : source.CountryCode.Length > 0 ? source.CountryCode : source.Role.Length > 0 ? source.Role : "unknown",
            Evidence = record.Evidence,
            Country = country,
        };
        fact.SetIssue(_mapping.IssueOf(record, targetCountry));
        var values = fact.Values;
        Set(values, 0, record.Coding == EventCoding.Cameo ? "cameo" : "plover");
        Set(values, 1, record.Code);
        Set(values, 2, record.QuadClass is >= 1 and <= 4 ? QuadClasses[record.QuadClass.Value] : record.QuadClass is { } q ? (double)q : null);
        Set(values, 3, record.Mode);
        Set(values, 4, Text(source.CountryCode));
        Set(values, 5, Text(source.Role));
        Set(values, 6, Text(target?.Text));
        Set(values, 7, Text(target?.CountryCode));
        Set(values, 8, targetCountry);
        Set(values, 9, Text(target?.Role));
        Set(values, 10, record.Date is { } date ? Boxed(date) : null);
        Set(values, 11, record.Text);
        Set(values, 12, _mapping.FamilyOf(record) is { } family ? Families[(int)family] : null);
        Set(values, 13, country is not null && _mapping.IsStateRoleCached(source.Role) ? True : False);
        return fact;
    }

    /// <summary>The date as the fact holds it, boxed once per day seen lately (events of a file share few days): a slot per day number modulo the table's size, whose box is replaced by a later day's.</summary>
    private object Boxed(DateOnly date)
    {
        ref var slot = ref _dates[date.DayNumber & (DateSlots - 1)];
        var box = Volatile.Read(ref slot);
        if (box is DateOnly known && known == date)
        {
            return box;
        }

        box = date;
        Volatile.Write(ref slot, box);
        return box;
    }

    private static string? Text(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static FieldKind KindOf(string name) => name switch
    {
        "quad_class" => FieldKind.Number,
        "date" => FieldKind.Date,
        "family" => FieldKind.Enum,
        "state" => FieldKind.Boolean,
        _ => FieldKind.Text,
    };

    private void Set(object?[] values, int field, object? value)
    {
        if (_index[field] >= 0)
        {
            values[_index[field]] = value;
        }
    }
}
