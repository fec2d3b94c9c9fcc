using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Presence.Analyzers.Tests.Verifiers;

namespace Presence.Analyzers.Tests.Catalog;

/// <summary>The .editorconfig switches: email and SMS are opt-in, platforms can be turned off, bad values are reported.</summary>
public class CatalogOptionsTests
{
    private const string Code = """
        using System.Net.Http;
        using System.Threading.Tasks;

        class Poster
        {
            async Task Run(HttpClient http, HttpContent body)
            {
                await [|http.PostAsync("https://api.x.com/2/tweets", body)|];
                await [|http.PostAsync("https://mastodon.social/api/v1/statuses", body)|];
                await [|http.PostAsync("https://api.sendgrid.com/v3/mail/send", body)|];
            }
        }
        """;

    private static Task Check(string? editorConfig, params int[] flaggedLines)
    {
        var source = Code;
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!System.Array.Exists(flaggedLines, l => l == i + 1))
            {
                lines[i] = lines[i].Replace("[|", "").Replace("|]", "");
            }
        }

        var test = new AnalyzerVerifier<UnconfirmedPublishAnalyzer>.Test { TestCode = string.Join('\n', lines) };
        test.MarkupOptions = MarkupOptions.UseFirstDescriptor;
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\n" + editorConfig));
        }

        return test.RunAsync();
    }

    [Fact]
    public Task Email_and_sms_are_off_by_default() => Check(null, 8, 9);

    [Fact]
    public Task Email_and_sms_can_be_turned_on() => Check("presence_email_and_sms = true", 8, 9, 10);

    [Fact]
    public Task Platforms_can_be_turned_off() => Check("presence_disabled_platforms = X, mastodon", []);

    [Fact]
    public Task Unreadable_values_are_reported_once_each()
    {
        var test = new AnalyzerVerifier<EnforcementConfigurationAnalyzer>.Test();
        test.TestState.Sources.Add("class A { }");
        test.TestState.Sources.Add("class B { }");
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\npresence_email_and_sms = yes\npresence_disabled_platforms = X, Twiter\n"));
        test.ExpectedDiagnostics.Add(AnalyzerVerifier<EnforcementConfigurationAnalyzer>.Diagnostic(PresenceDiagnostics.InvalidEnforcementSetting)
            .WithArguments("presence_disabled_platforms", "Twiter", "a platform name: Bluesky, Discord, Email, Facebook, Instagram, LinkedIn, Mastodon, Pinterest, Reddit, Slack, SMS, Teams, Telegram, Threads, TikTok, X, YouTube", "the value is ignored"));
        test.ExpectedDiagnostics.Add(AnalyzerVerifier<EnforcementConfigurationAnalyzer>.Diagnostic(PresenceDiagnostics.InvalidEnforcementSetting)
            .WithArguments("presence_email_and_sms", "yes", "true or false", "the value is ignored"));
        return test.RunAsync();
    }
}
