using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.EnforcementConfigurationAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

public class EnforcementConfigurationTests
{
    private static Task Check(string? mode, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = "class C { }" };
        if (mode is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.PresenceEnforcement = {mode}\n"));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Theory]
    [InlineData("strickt")]
    [InlineData("error")]
    [InlineData("warnings")]
    public Task An_unknown_mode_is_reported(string mode)
        => Check(mode, Verify.Diagnostic(PresenceDiagnostics.InvalidEnforcementSetting).WithArguments("PresenceEnforcement", mode, "one of 'default', 'strict' or 'audit'", "the documented default severities apply"));

    [Theory]
    [InlineData("default")]
    [InlineData("strict")]
    [InlineData("audit")]
    [InlineData("Strict")]
    [InlineData("")]
    [InlineData(null)]
    public Task Known_or_absent_modes_are_clean(string? mode) => Check(mode);
}
