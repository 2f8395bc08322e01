namespace StanceRules;

/// <summary>
/// The range check every options type does when a value is set, so a bad value fails where it is set,
/// with one message form: <c>BatchOptions.MaxPending must be from 0 to 1,000,000.</c> (the parameter is the property).
/// </summary>
internal static class OptionRange
{
    public static int Check(int value, int min, int max, string type, string property) =>
        value < min || value > max
            ? throw new ArgumentOutOfRangeException(property, value, max == int.MaxValue ? $"{type}.{property} must be at least {min:N0}." : $"{type}.{property} must be from {min:N0} to {max:N0}.")
            : value;
}
