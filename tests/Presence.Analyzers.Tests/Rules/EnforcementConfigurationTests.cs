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
    [InlineData("strict,audit")]
    [InlineData("none")]
    public Task A_list_or_another_word_is_an_unknown_mode(string mode)
        => Check(mode, Verify.Diagnostic(PresenceDiagnostics.InvalidEnforcementSetting).WithArguments("PresenceEnforcement", mode, "one of 'default', 'strict' or 'audit'", "the documented default severities apply"));

    [Theory]
    [InlineData(" strict ")]
    [InlineData("default")]
    [InlineData("strict")]
    [InlineData("audit")]
    [InlineData("Strict")]
    [InlineData("")]
    [InlineData(null)]
    public Task Known_or_absent_modes_are_clean(string? mode) => Check(mode);

    private const string DepthExpected = "a whole number of calls from 1 up (default 16)";

    private static Task CheckEditorConfig(string line, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = "class C { }" };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\n" + line + "\n"));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Ignored(string key, string value, string expected)
        => Verify.Diagnostic(PresenceDiagnostics.InvalidEnforcementSetting).WithArguments(key, value, expected, "the value is ignored");

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("deep")]
    [InlineData("1.5")]
    [InlineData("2147483648")]
    [InlineData("16 calls")]
    public Task A_path_depth_that_is_not_a_positive_number_is_reported(string value)
        => CheckEditorConfig("presence_max_path_depth = " + value, Ignored("presence_max_path_depth", value, DepthExpected));

    [Theory]
    [InlineData("1")]
    [InlineData("16")]
    [InlineData("+40")]
    public Task A_positive_path_depth_is_clean(string value) => CheckEditorConfig("presence_max_path_depth = " + value);

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("on")]
    public Task Email_and_sms_takes_true_or_false_only(string value)
        => CheckEditorConfig("presence_email_and_sms = " + value, Ignored("presence_email_and_sms", value, "true or false"));

    [Fact]
    public Task Each_unknown_platform_of_a_list_is_reported_and_the_known_ones_kept()
        => CheckEditorConfig(
            "presence_disabled_platforms = Telegram Twiter,  Mastodn,",
            Ignored("presence_disabled_platforms", "Mastodn", "a platform name: " + string.Join(", ", Presence.Analyzers.Configuration.PresenceOptions.KnownPlatforms)),
            Ignored("presence_disabled_platforms", "Twiter", "a platform name: " + string.Join(", ", Presence.Analyzers.Configuration.PresenceOptions.KnownPlatforms)));

    // Files that share an options object read it once: files of other sections, read in between, keep their own.
    [Fact]
    public Task Files_of_different_sections_each_have_their_bad_values_reported()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("/A/One.cs", "class One { }"));
        test.TestState.Sources.Add(("/B/Two.cs", "class Two { }"));
        test.TestState.Sources.Add(("/A/Three.cs", "class Three { }"));
        test.TestState.Sources.Add(("/C/Four.cs", "class Four { }"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true
            [A/*.cs]
            presence_max_path_depth = deep
            [B/*.cs]
            presence_email_and_sms = yes
            """));
        test.ExpectedDiagnostics.Add(Ignored("presence_email_and_sms", "yes", "true or false"));
        test.ExpectedDiagnostics.Add(Ignored("presence_max_path_depth", "deep", DepthExpected));
        return test.RunAsync();
    }
}
