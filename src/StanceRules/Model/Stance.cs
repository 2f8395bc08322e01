namespace StanceRules;

/// <summary>A country's position on an issue, as the rules infer it.</summary>
public enum Stance
{
    /// <summary>Approves, endorses, welcomes or backs the issue.</summary>
    Supports,

    /// <summary>Declines to take a side: abstains, refrains from criticizing.</summary>
    Abstains,

    /// <summary>Voices disapproval of an action or actor.</summary>
    Condemns,

    /// <summary>Refuses, dismisses or denies the legitimacy of the issue.</summary>
    Rejects,
}

/// <summary>Text forms of <see cref="Stance"/> as they appear in YAML, JSON and tables.</summary>
public static class StanceNames
{
    /// <summary>The lower-case name used in rule files and reports, e.g. <c>supports</c>.</summary>
    public static string ToName(this Stance stance) => stance switch
    {
        Stance.Supports => "supports",
        Stance.Abstains => "abstains",
        Stance.Condemns => "condemns",
        Stance.Rejects => "rejects",
        _ => throw new ArgumentOutOfRangeException(nameof(stance), stance, null),
    };

    /// <summary>Parses a stance name (case-insensitive); returns false for anything else.</summary>
    public static bool TryParse(string? text, out Stance stance)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "supports": stance = Stance.Supports; return true;
            case "abstains": stance = Stance.Abstains; return true;
            case "condemns": stance = Stance.Condemns; return true;
            case "rejects": stance = Stance.Rejects; return true;
            default: stance = default; return false;
        }
    }
}
