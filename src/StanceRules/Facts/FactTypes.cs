using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;

namespace StanceRules;

/// <summary>
/// The fact types that fact documents may hold and rules may match, by name. Immutable:
/// <see cref="With{T}(string)"/> returns a new registry.
/// </summary>
/// <remarks>
/// A type's fields are its public properties of type string, bool, int, double, DateOnly or an
/// enum (nullable or not), named in snake_case (<c>YesMeans</c> is <c>yes_means</c>). Fact
/// documents may set the properties with a public setter or init accessor; rules may read all of
/// them. A non-nullable string or enum property is required in documents.
/// </remarks>
public sealed class FactTypes
{
    private readonly FrozenDictionary<string, FactType> _byName;

    private FactTypes(IEnumerable<FactType> types)
    {
        _byName = types.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>The built-in types: <c>statement</c>, <c>vote</c>, <c>claim</c> (derived by rules) and <c>signal</c> (emitted stances).</summary>
    public static FactTypes Default { get; } = new(
    [
        FactType.Create(typeof(Statement), "statement"),
        FactType.Create(typeof(Vote), "vote"),
        FactType.Create(typeof(Claim), "claim"),
        FactType.Create(typeof(StanceSignal), "signal"),
    ]);

    /// <summary>The registered type names, sorted.</summary>
    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    /// <summary>Returns a registry that also holds <typeparamref name="T"/> under <paramref name="name"/>.</summary>
    /// <param name="name">The name used in fact documents (<c>type: name</c>) and rules; lower-case letters, digits and hyphens.</param>
    /// <exception cref="ArgumentException">The name is malformed or already registered.</exception>
    public FactTypes With<[DynamicallyAccessedMembers(FactType.ReflectedMembers)] T>(string name)
        where T : Fact, new()
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!IsValidName(name))
        {
            throw new ArgumentException($"Fact type name '{name}' must be lower-case letters, digits and hyphens, starting with a letter.", nameof(name));
        }

        if (_byName.ContainsKey(name))
        {
            throw new ArgumentException($"Fact type '{name}' is already registered.", nameof(name));
        }

        return new FactTypes(_byName.Values.Append(FactType.Create(typeof(T), name)));
    }

    internal bool TryGet(string name, out FactType type) => _byName.TryGetValue(name, out type!);

    /// <summary>A registry that also holds a type declared in a rule file (the loader checks its name first).</summary>
    internal FactTypes WithDeclared(FactType type) => new(_byName.Values.Append(type));

    /// <summary>The registered type of a fact or signal: by its declared name, or by its CLR type.</summary>
    internal FactType? Of(object item) => item is DeclaredFact declared
        ? (TryGet(declared.TypeName, out var type) ? type : null)
        : _byName.Values.FirstOrDefault(t => t.ClrType == item.GetType() && !t.IsDeclared);

    internal static bool IsValidName(string name) =>
        name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}

internal enum FieldKind
{
    Text,
    Boolean,
    Number,
    Enum,
    Date,
}

/// <summary>One readable field of a fact type.</summary>
internal sealed class FactField
{
    private static readonly MethodInfo DeclaredGet = typeof(DeclaredFact).GetMethod(nameof(DeclaredFact.Get))!;

    private byte[]? _nameUtf8;

    // Found on first use; a race finds the same delegate twice, harmlessly.
    private Func<object, object?>? _get;
    private Action<Fact, object?>? _set;

    public required string Name { get; init; }

    /// <summary><see cref="Name"/> in UTF-8, for readers that compare keys without decoding them.</summary>
    public byte[] NameUtf8 => _nameUtf8 ??= Encoding.UTF8.GetBytes(Name);

    /// <summary>The CLR property; null for a field declared in YAML, read by <see cref="DeclaredIndex"/>.</summary>
    public PropertyInfo? Property { get; init; }

    /// <summary>The position of a YAML-declared field in <see cref="DeclaredFact"/>'s values; -1 for a CLR property.</summary>
    public int DeclaredIndex { get; init; } = -1;

    public required FieldKind Kind { get; init; }

    /// <summary>The enum type for <see cref="FieldKind.Enum"/> fields (without Nullable).</summary>
    public Type? EnumType { get; init; }

    /// <summary>Whether the field can hold null (reference types, Nullable&lt;T&gt;).</summary>
    public required bool IsNullable { get; init; }

    /// <summary>Whether fact documents and asserting rules may set it.</summary>
    public required bool IsSettable { get; init; }

    /// <summary>Whether a fact document must give it.</summary>
    public bool IsRequired => IsSettable && !IsNullable && Kind is FieldKind.Text or FieldKind.Enum && Name != "id";

    public required Type Type { get; init; }

    /// <summary>Whether the field's text repeats from fact to fact (actors, acts, issues), so readers share its strings; not so the evidence and ids, which would only push the repeated ones out.</summary>
    public bool ValuesRepeat => Kind == FieldKind.Text && Name is not ("evidence" or "id");

    /// <summary>The expression rules use to read the field of a fact.</summary>
    public Expression Read(Expression fact) => Property is not null
        ? Expression.Property(fact, Property)
        : Expression.Convert(Expression.Call(DeclaredGet, Expression.Convert(fact, typeof(DeclaredFact)), Expression.Constant(DeclaredIndex)), Type);

    /// <summary>The field's value, boxed: through a delegate written for the built-in types, reflection for the user's.</summary>
    public object? GetValue(object fact) => Property is not null
        ? (_get ??= FactAccessors.Getter(Property) ?? Property.GetValue)(fact)
        : ((DeclaredFact)fact).Values[DeclaredIndex];

    /// <summary>Sets the field to a value of its type: through a delegate written for the built-in types, reflection for the user's.</summary>
    public void SetValue(Fact fact, object? value)
    {
        if (Property is not null)
        {
            (_set ??= FactAccessors.Setter(Property) ?? Property.SetValue)(fact, value);
        }
        else
        {
            ((DeclaredFact)fact).Values[DeclaredIndex] = value;
        }
    }

    public string KindName => Kind switch
    {
        FieldKind.Text => "text",
        FieldKind.Boolean => "boolean",
        FieldKind.Number => "number",
        FieldKind.Date => "date",
        FieldKind.Enum when EnumType == typeof(Stance) => "stance",
        FieldKind.Enum => EnumType!.Name,
        _ => Kind.ToString(),
    };
}

/// <summary>A registered fact type: its name, CLR type and fields.</summary>
internal sealed class FactType
{
    /// <summary>What reading a fact type's fields and creating its facts needs kept by the trimmer.</summary>
    public const DynamicallyAccessedMemberTypes ReflectedMembers = DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor;

    // Computed on first use; a race computes the same arrays twice, harmlessly.
    private FactField[]? _settable;
    private string[]? _documentKeys;
    private bool? _isFact;
    private byte[]? _nameUtf8;
    private Func<Fact>? _create;

    private FactType(string name, [DynamicallyAccessedMembers(ReflectedMembers)] Type clrType, FrozenDictionary<string, FactField> fields, int declaredFieldCount = -1)
    {
        Name = name;
        ClrType = clrType;
        Fields = fields;
        DeclaredFieldCount = declaredFieldCount;
    }

    /// <summary>How many fields a YAML-declared type adds to <see cref="Fact"/>'s; -1 for a CLR type.</summary>
    public int DeclaredFieldCount { get; }

    /// <summary>Declared in a rule file's <c>types:</c> section rather than registered as a CLR type.</summary>
    public bool IsDeclared => DeclaredFieldCount >= 0;

    /// <summary>A new, empty fact of this type, for a document reader to fill.</summary>
    public Fact CreateFact() => IsDeclared ? new DeclaredFact(Name, DeclaredFieldCount) : (_create ??= FactAccessors.Constructor(ClrType) ?? CreateByReflection)();

    private Fact CreateByReflection() => (Fact)Activator.CreateInstance(ClrType)!;

    /// <summary>A type declared in YAML: <see cref="Fact"/>'s fields (id, actor, issue, evidence, country) and the declared ones, each optional.</summary>
    public static FactType Declare(string name, IReadOnlyList<(string Name, FieldKind Kind)> declared)
    {
        var fields = new Dictionary<string, FactField>(Create(typeof(DeclaredFact), name).Fields, StringComparer.Ordinal);
        for (var i = 0; i < declared.Count; i++)
        {
            var (fieldName, kind) = declared[i];
            fields[fieldName] = new FactField
            {
                Name = fieldName,
                DeclaredIndex = i,
                Kind = kind,
                Type = kind switch
                {
                    FieldKind.Text => typeof(string),
                    FieldKind.Boolean => typeof(bool?),
                    FieldKind.Number => typeof(double?),
                    FieldKind.Date => typeof(DateOnly?),
                    _ => typeof(Stance?),
                },
                EnumType = kind == FieldKind.Enum ? typeof(Stance) : null,
                IsNullable = true,
                IsSettable = true,
            };
        }

        return new FactType(name, typeof(DeclaredFact), fields.ToFrozenDictionary(StringComparer.Ordinal), declared.Count);
    }

    public string Name { get; }

    /// <summary><see cref="Name"/> in UTF-8, for readers that compare names without decoding them.</summary>
    public byte[] NameUtf8 => _nameUtf8 ??= Encoding.UTF8.GetBytes(Name);

    [DynamicallyAccessedMembers(ReflectedMembers)]
    public Type ClrType { get; }

    /// <summary>The fields a fact document may set, in <see cref="Fields"/> order; computed once (readers ask for every fact).</summary>
    public FactField[] SettableFields => _settable ??= Fields.Values.Where(f => f.IsSettable).ToArray();

    /// <summary>The keys a fact of this type may have in a document (its settable fields and <c>type</c>), sorted, as errors list them.</summary>
    public string[] DocumentKeys => _documentKeys ??= SettableFields.Select(f => f.Name).Append("type").Order(StringComparer.Ordinal).ToArray();

    public FrozenDictionary<string, FactField> Fields { get; }

    /// <summary>Input facts can be read from documents and asserted by rules.</summary>
    public bool IsFact => _isFact ??= IsDeclared || (typeof(Fact).IsAssignableFrom(ClrType) && ClrType.GetConstructor(Type.EmptyTypes) is not null);

    public IEnumerable<string> FieldNames => Fields.Keys.Order(StringComparer.Ordinal);

    public static FactType Create([DynamicallyAccessedMembers(ReflectedMembers)] Type clrType, string name)
    {
        var nullability = new NullabilityInfoContext();
        var fields = new Dictionary<string, FactField>(StringComparer.Ordinal);
        foreach (var property in clrType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var type = property.PropertyType;
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            FieldKind? kind = underlying == typeof(string) ? FieldKind.Text
                : underlying == typeof(bool) ? FieldKind.Boolean
                : underlying == typeof(double) || underlying == typeof(int) ? FieldKind.Number
                : underlying == typeof(DateOnly) ? FieldKind.Date
                : underlying.IsEnum ? FieldKind.Enum
                : null;
            if (kind is null)
            {
                continue;
            }

            var isNullable = Nullable.GetUnderlyingType(type) is not null
                || (!type.IsValueType && nullability.Create(property).ReadState != NullabilityState.NotNull);
            var fieldName = SnakeCase(property.Name);
            fields[fieldName] = new FactField
            {
                Name = fieldName,
                Property = property,
                Type = property.PropertyType,
                Kind = kind.Value,
                EnumType = underlying.IsEnum ? underlying : null,
                IsNullable = isNullable,
                IsSettable = property.SetMethod is { IsPublic: true },
            };
        }

        return new FactType(name, clrType, fields.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public static string SnakeCase(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}

/// <summary>Reads and writes enum values in their YAML form (snake_case, case-insensitive; '-' and '_' alike).</summary>
internal static class EnumText
{
    public static bool TryParse(Type enumType, string text, out object value)
    {
        var key = Squash(text);
        foreach (var name in Enum.GetNames(enumType))
        {
            if (string.Equals(Squash(name), key, StringComparison.Ordinal))
            {
                value = Enum.Parse(enumType, name);
                return true;
            }
        }

        value = null!;
        return false;
    }

    public static IEnumerable<string> Names(Type enumType) => Enum.GetNames(enumType).Select(FactType.SnakeCase);

    public static string ToText(object value) => value is Stance stance ? stance.ToName() : FactType.SnakeCase(value.ToString()!);

    private static string Squash(string text) => text.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim().ToLowerInvariant();
}
