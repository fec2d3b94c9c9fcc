using System.Threading.Tasks;
using Verify = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.AutomatedPresenceJustificationAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

public class AutomatedPresenceJustificationTests
{
    [Fact]
    public Task Empty_whitespace_and_null_justifications_are_reported_wherever_the_attribute_stands()
        => Verify.VerifyAsync("""
            using System;
            using Presence;

            [assembly: AutomatedPresence({|PRES010:""|})]

            [AutomatedPresence({|PRES010:"   "|})]
            class StatusBot
            {
                private const string NoReason = "";

                [AutomatedPresence({|PRES010:null|})]
                void Post() { }

                [AutomatedPresence({|PRES010:NoReason|})]
                StatusBot() { }

                [AutomatedPresence({|PRES010:"\t\n"|})]
                string Status => "up";

                void Local()
                {
                    Ping();

                    [AutomatedPresence({|PRES010:""|})]
                    void Ping() { }

                    Action lambda = [AutomatedPresence({|PRES010:" "|})] () => { };
                    Action fine = [AutomatedPresence("Heartbeat of a labelled bot")] () => { };
                }
            }
            """);

    [Fact]
    public Task A_real_justification_is_clean()
        => Verify.VerifyAsync("""
            using Presence;

            [assembly: AutomatedPresence("Internal status bot, labelled as automated")]

            [AutomatedPresence("Disclosed bot account: release notes only")]
            class ReleaseBot
            {
                private const string Reason = "Heartbeat of a labelled bot";

                [AutomatedPresence(Reason)]
                void Post() { }
            }
            """);

    [Fact]
    public Task A_missing_argument_is_left_to_the_compiler()
        => Verify.VerifyAsync("""
            using Presence;

            class Bot
            {
                [{|CS7036:AutomatedPresence|}]
                void Post() { }
            }
            """);

    [Fact]
    public Task Nothing_is_registered_without_the_abstractions()
    {
        var test = new Verify.Test { TestCode = "class AutomatedPresenceAttribute : System.Attribute { public AutomatedPresenceAttribute(string s) { } } [AutomatedPresence(\"\")] class C { }" };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Verifiers.TestReferences.Framework);
        return test.RunAsync();
    }
}
