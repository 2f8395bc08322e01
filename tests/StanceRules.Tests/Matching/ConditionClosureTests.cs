using System.Linq.Expressions;
using StanceRules.Rules.Lowering;

namespace StanceRules.Tests.Matching;

/// <summary>
/// The closures' equality against the lifted expression-tree equality the lowering emits, on the
/// values where the two could part: missing values, NaN, an int against a double, enums and dates.
/// (The generated differential tests compare whole rule sets; these pin the edge values.)
/// </summary>
public sealed class ConditionClosureTests
{
    public static TheoryData<double?, double?> Numbers() => new()
    {
        { null, null },
        { null, 1.0 },
        { 1.0, null },
        { 1.0, 1.0 },
        { 1.0, 2.0 },
        { double.NaN, double.NaN },
        { double.NaN, 1.0 },
        { 0.0, -0.0 },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Number_equality_is_the_lifted_tree_equality(double? left, double? right)
    {
        var tree = Expression.Lambda<Func<bool>>(Expression.Equal(Expression.Constant(left, typeof(double?)), Expression.Constant(right, typeof(double?)))).Compile();

        Assert.Equal(tree(), ConditionClosures.Same(left, right));
    }

    [Fact]
    public void An_int_field_equals_a_double_constant_of_the_same_value_as_the_tree_converts_it()
    {
        Assert.True(ConditionClosures.Same(3, 3.0));
        Assert.False(ConditionClosures.Same(3, 3.5));
    }

    [Fact]
    public void Enums_booleans_and_dates_compare_by_value_and_missing_equals_only_missing()
    {
        Assert.True(ConditionClosures.Same(Stance.Condemns, Stance.Condemns));
        Assert.False(ConditionClosures.Same(Stance.Condemns, Stance.Rejects));
        Assert.False(ConditionClosures.Same(true, false));
        Assert.True(ConditionClosures.Same(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 1)));
        Assert.False(ConditionClosures.Same(null, Stance.Supports));
        Assert.True(ConditionClosures.Same(null, null));
    }
}
