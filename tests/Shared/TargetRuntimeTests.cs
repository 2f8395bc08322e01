using System.Reflection;
using System.Runtime.Versioning;

namespace StanceRules.TestSupport;

/// <summary>
/// Each test TFM runs on its own runtime: the net8.0 tests on the .NET 8 runtime they carry (self-contained),
/// not rolled forward onto the machine's .NET 10, and against the library's build for the same TFM.
/// </summary>
public class TargetRuntimeTests
{
    [Fact]
    public void TheTests_RunOnTheRuntimeOfTheFrameworkTheyTarget_AgainstTheLibraryBuiltForIt()
    {
        var tests = TargetOf(typeof(TargetRuntimeTests).Assembly);
        var library = TargetOf(typeof(StanceEngine).Assembly);

        Assert.Equal(tests.Version.Major, Environment.Version.Major);
        Assert.Equal(tests, library);
    }

    private static FrameworkName TargetOf(Assembly assembly) =>
        new(assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);
}
