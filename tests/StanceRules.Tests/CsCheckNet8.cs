#if !NET10_0_OR_GREATER
using CsCheck;

namespace StanceRules.Tests;

/// <summary>
/// CsCheck 5 (net10.0 and up) has <c>Gen.OneOf(params T[])</c> over constants; the net8.0 test run takes
/// CsCheck 4.9, which names it <c>Gen.OneOfConst</c>. This gives the generators one spelling on both.
/// </summary>
internal static class CsCheckNet8
{
    extension(Gen)
    {
        public static Gen<T> OneOf<T>(params T[] constants) => Gen.OneOfConst(constants);
    }
}
#endif
