namespace StanceRules.Tests.Streams;

/// <summary>
/// The delegates that create the built-in fact types and set and read their fields without
/// reflection (<see cref="FactAccessors"/>): every field has one, and each does what the
/// property itself does, as reflection sees it.
/// </summary>
public class FactAccessorsTests
{
    private static readonly string[] BuiltInTypes = ["statement", "vote", "claim", "signal"];

    public static TheoryData<string> Types => [.. BuiltInTypes];

    [Theory]
    [MemberData(nameof(Types))]
    public void BuiltInType_EveryFieldHasAWrittenAccessor_NotReflection(string typeName)
    {
        Assert.True(FactTypes.Default.TryGet(typeName, out var type));

        var noGetter = type.Fields.Values.Where(f => FactAccessors.Getter(f.Property!) is null).Select(f => f.Name);
        var noSetter = type.Fields.Values.Where(f => f.IsSettable && FactAccessors.Setter(f.Property!) is null).Select(f => f.Name);

        Assert.Empty(noGetter);
        Assert.Empty(noSetter);
        Assert.Equal(type.IsFact, FactAccessors.Constructor(type.ClrType) is not null);
    }

    [Theory]
    [InlineData("statement")]
    [InlineData("vote")]
    [InlineData("claim")]
    public void SetValue_EverySettableField_GivesTheValueReflectionReadsBack(string typeName)
    {
        Assert.True(FactTypes.Default.TryGet(typeName, out var type));
        var fact = type.CreateFact();
        Assert.IsType(type.ClrType, fact);

        var fields = type.SettableFields;
        foreach (var field in fields)
        {
            field.SetValue(fact, Sample(field));
        }

        foreach (var field in fields)
        {
            Assert.Equal(Sample(field), field.Property!.GetValue(fact));
            Assert.Equal(Sample(field), field.GetValue(fact));
        }
    }

    [Fact]
    public void SetValue_Id_GoesThroughTheInitAccessor()
    {
        Assert.True(FactTypes.Default.TryGet("statement", out var type));
        var fact = type.CreateFact();

        type.Fields["id"].SetValue(fact, null);

        Assert.Equal(string.Empty, fact.Id); // the accessor maps null to empty, as reflection would call it
    }

    [Fact]
    public void UserType_NotInTheTable_IsCreatedAndSetByReflection()
    {
        var types = FactTypes.Default.With<Protest>("protest");
        Assert.True(types.TryGet("protest", out var type));
        var size = type.Fields["size"];
        Assert.Null(FactAccessors.Setter(size.Property!));

        var fact = type.CreateFact();
        size.SetValue(fact, 12000);
        type.Fields["actor"].SetValue(fact, "Paris");

        var protest = Assert.IsType<Protest>(fact);
        Assert.Equal((12000, "Paris"), (protest.Size, protest.Actor));
        Assert.Equal(12000, size.GetValue(fact));
    }

    private static object Sample(FactField field)
    {
        var type = Nullable.GetUnderlyingType(field.Type) ?? field.Type;
        return type == typeof(string) ? $"value-of-{field.Name}"
            : type == typeof(bool) ? true
            : type == typeof(int) ? 42
            : type == typeof(double) ? 1.5
            : type == typeof(Stance) ? Stance.Rejects
            : type == typeof(VoteChoice) ? VoteChoice.Abstain
            : throw new InvalidOperationException($"no sample for {field.Name} ({field.Type})");
    }
}
