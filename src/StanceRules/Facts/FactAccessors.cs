using System.Reflection;
using System.Runtime.CompilerServices;

namespace StanceRules;

/// <summary>
/// Creates the built-in fact types and reads and sets their fields without reflection per call:
/// document readers set every field of every fact they read, and rules read them. The delegates
/// are written out here (no code generated at run time, so NativeAOT and trimming keep them); the
/// <c>init</c> accessors are reached through <see cref="UnsafeAccessorAttribute"/>, which calls the
/// accessor itself, so a value goes through whatever the accessor does with it. A property not
/// listed (a type of the user's, registered with <see cref="FactTypes.With{T}(string)"/>) has no
/// accessor here and is read and set by reflection.
/// </summary>
internal static class FactAccessors
{
    /// <summary>A new fact of a built-in type; null for any other type.</summary>
    public static Func<Fact>? Constructor(Type type) =>
        type == typeof(Statement) ? static () => new Statement()
        : type == typeof(Vote) ? static () => new Vote()
        : type == typeof(Claim) ? static () => new Claim()
        : null;

    /// <summary>Sets a settable property of a built-in fact type to a value of the property's type (a boxed value for a nullable one); null for any other property.</summary>
    public static Action<Fact, object?>? Setter(PropertyInfo property) => (property.DeclaringType?.Name, property.Name) switch
    {
        _ when property.DeclaringType is not { } declaring || declaring.Assembly != typeof(Fact).Assembly => null,
        (nameof(Fact), nameof(Fact.Id)) => static (f, v) => SetId(f, (string)v!),
        (nameof(Fact), nameof(Fact.Actor)) => static (f, v) => SetActor(f, (string)v!),
        (nameof(Fact), nameof(Fact.Issue)) => static (f, v) => SetIssue(f, (string?)v),
        (nameof(Fact), nameof(Fact.Evidence)) => static (f, v) => SetEvidence(f, (string?)v),
        (nameof(Fact), nameof(Fact.EvidenceOffset)) => static (f, v) => SetEvidenceOffset(f, (int?)v),
        (nameof(Statement), nameof(Statement.Act)) => static (f, v) => SetAct((Statement)f, (string)v!),
        (nameof(Statement), nameof(Statement.Target)) => static (f, v) => SetTarget((Statement)f, (string?)v),
        (nameof(Statement), nameof(Statement.Negated)) => static (f, v) => SetNegated((Statement)f, (bool)v!),
        (nameof(Statement), nameof(Statement.Hedged)) => static (f, v) => SetHedged((Statement)f, (bool)v!),
        (nameof(Vote), nameof(Vote.Body)) => static (f, v) => SetBody((Vote)f, (string?)v),
        (nameof(Vote), nameof(Vote.Motion)) => static (f, v) => SetMotion((Vote)f, (string?)v),
        (nameof(Vote), nameof(Vote.Choice)) => static (f, v) => SetChoice((Vote)f, (VoteChoice)v!),
        (nameof(Vote), nameof(Vote.YesMeans)) => static (f, v) => SetYesMeans((Vote)f, (Stance?)v),
        (nameof(Claim), nameof(Claim.Name)) => static (f, v) => SetName((Claim)f, (string)v!),
        (nameof(Claim), nameof(Claim.Stance)) => static (f, v) => SetStance((Claim)f, (Stance?)v),
        (nameof(Claim), nameof(Claim.Target)) => static (f, v) => SetTarget((Claim)f, (string?)v),
        _ => null,
    };

    /// <summary>Reads a field-kind property of a built-in fact or signal type, boxed as reflection gives it; null for any other property.</summary>
    public static Func<object, object?>? Getter(PropertyInfo property) => (property.DeclaringType?.Name, property.Name) switch
    {
        _ when property.DeclaringType is not { } declaring || declaring.Assembly != typeof(Fact).Assembly => null,
        (nameof(Fact), nameof(Fact.Id)) => static f => ((Fact)f).Id,
        (nameof(Fact), nameof(Fact.Actor)) => static f => ((Fact)f).Actor,
        (nameof(Fact), nameof(Fact.Issue)) => static f => ((Fact)f).Issue,
        (nameof(Fact), nameof(Fact.Evidence)) => static f => ((Fact)f).Evidence,
        (nameof(Fact), nameof(Fact.EvidenceOffset)) => static f => ((Fact)f).EvidenceOffset,
        (nameof(Fact), nameof(Fact.Country)) => static f => ((Fact)f).Country,
        (nameof(Statement), nameof(Statement.Act)) => static f => ((Statement)f).Act,
        (nameof(Statement), nameof(Statement.Target)) => static f => ((Statement)f).Target,
        (nameof(Statement), nameof(Statement.Negated)) => static f => Boxed(((Statement)f).Negated),
        (nameof(Statement), nameof(Statement.Hedged)) => static f => Boxed(((Statement)f).Hedged),
        (nameof(Statement), nameof(Statement.Family)) => static f => ((Statement)f).Family,
        (nameof(Vote), nameof(Vote.Body)) => static f => ((Vote)f).Body,
        (nameof(Vote), nameof(Vote.Motion)) => static f => ((Vote)f).Motion,
        (nameof(Vote), nameof(Vote.Choice)) => static f => ((Vote)f).Choice,
        (nameof(Vote), nameof(Vote.YesMeans)) => static f => ((Vote)f).YesMeans,
        (nameof(Claim), nameof(Claim.Name)) => static f => ((Claim)f).Name,
        (nameof(Claim), nameof(Claim.Stance)) => static f => ((Claim)f).Stance,
        (nameof(Claim), nameof(Claim.Target)) => static f => ((Claim)f).Target,
        (nameof(StanceSignal), nameof(StanceSignal.Country)) => static s => ((StanceSignal)s).Country,
        (nameof(StanceSignal), nameof(StanceSignal.Issue)) => static s => ((StanceSignal)s).Issue,
        (nameof(StanceSignal), nameof(StanceSignal.Stance)) => static s => ((StanceSignal)s).Stance,
        (nameof(StanceSignal), nameof(StanceSignal.Confidence)) => static s => ((StanceSignal)s).Confidence,
        (nameof(StanceSignal), nameof(StanceSignal.Rule)) => static s => ((StanceSignal)s).Rule,
        (nameof(StanceSignal), nameof(StanceSignal.Priority)) => static s => ((StanceSignal)s).Priority,
        _ => null,
    };

    private static readonly object True = true;
    private static readonly object False = false;

    private static object Boxed(bool value) => value ? True : False;

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    private static extern void SetId(Fact fact, string value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Actor")]
    private static extern void SetActor(Fact fact, string value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Issue")]
    private static extern void SetIssue(Fact fact, string? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Evidence")]
    private static extern void SetEvidence(Fact fact, string? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_EvidenceOffset")]
    private static extern void SetEvidenceOffset(Fact fact, int? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Act")]
    private static extern void SetAct(Statement fact, string value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Target")]
    private static extern void SetTarget(Statement fact, string? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Negated")]
    private static extern void SetNegated(Statement fact, bool value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Hedged")]
    private static extern void SetHedged(Statement fact, bool value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Body")]
    private static extern void SetBody(Vote fact, string? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Motion")]
    private static extern void SetMotion(Vote fact, string? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Choice")]
    private static extern void SetChoice(Vote fact, VoteChoice value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_YesMeans")]
    private static extern void SetYesMeans(Vote fact, Stance? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Name")]
    private static extern void SetName(Claim fact, string value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Stance")]
    private static extern void SetStance(Claim fact, Stance? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Target")]
    private static extern void SetTarget(Claim fact, string? value);
}
