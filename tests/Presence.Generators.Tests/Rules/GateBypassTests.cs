using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Presence.Generators.Tests.Support;
using Microsoft.CodeAnalysis.Testing;
using Presence.Analyzers.Rules;
using Verify = Presence.Generators.Tests.Support.GateRuleVerifier<Presence.Analyzers.Rules.GateBypassAnalyzer>;

namespace Presence.Generators.Tests.Rules;

public class GateBypassTests
{
    private const string Publisher = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        public sealed class LinkedInPost : IApprovalContent
        {
            public string Text { get; set; }
            public ContentFingerprint GetApprovalFingerprint() => ContentFingerprint.Of("linkedin", Text);
        }

        public interface IDrafts
        {
            Task SaveAsync(string text);
        }

        [GeneratePublisherGate]
        public interface ILinkedInPublisher : IDrafts
        {
            Task<string> PostAsync(LinkedInPost post, CancellationToken ct);
            Task ShareAsync(Uri link, string comment);
            string Account { get; }
            void Rename(ref string name);
        }

        public sealed class LinkedInPublisher : ILinkedInPublisher
        {
            public Task<string> PostAsync(LinkedInPost post, CancellationToken ct) => Task.FromResult("urn");
            public Task ShareAsync(Uri link, string comment) => Task.CompletedTask;
            public Task SaveAsync(string text) => Task.CompletedTask;
            public string Account => "acme";
            public void Rename(ref string name) { }
            public Task Unrelated() => Task.CompletedTask;
        }

        """;

    private static DiagnosticResult Bypass(int location) => Verify.Diagnostic("PRES009").WithSeverity(DiagnosticSeverity.Error).WithLocation(location);

    [Fact]
    public Task A_direct_call_names_the_gate_method_to_use_instead()
        => Verify.VerifyAsync(Publisher + """
            class DailyTip
            {
                async Task Run(ILinkedInPublisher linkedIn, LinkedInPost post, CancellationToken ct)
                {
                    await {|#0:linkedIn.PostAsync(post, ct)|};
                }
            }
            """,
            Bypass(0).WithArguments("ILinkedInPublisher.PostAsync", "ILinkedInPublisher", "LinkedInPublisherGate.PostAsync"));

    [Fact]
    public Task Calls_through_the_implementation_an_inherited_member_delegates_and_lambdas_are_bypasses_too()
        => Verify.VerifyAsync(Publisher + """
            class Scheduler
            {
                async Task Run(LinkedInPublisher concrete, ILinkedInPublisher linkedIn, LinkedInPost post)
                {
                    await {|#0:concrete.PostAsync(post, CancellationToken.None)|};
                    await {|#1:linkedIn.SaveAsync("draft")|};
                    Func<Uri, string, Task> share = {|#2:linkedIn.ShareAsync|};
                    Func<Task> later = () => {|#3:linkedIn.ShareAsync(new Uri("https://acme.test"), "look")|};
                    await share(new Uri("https://acme.test"), "now");
                    await later();
                }

                Task Generic<TPublisher>(TPublisher publisher, LinkedInPost post) where TPublisher : ILinkedInPublisher
                    => {|#4:publisher.PostAsync(post, default)|};
            }
            """,
            Bypass(0).WithArguments("LinkedInPublisher.PostAsync", "ILinkedInPublisher", "LinkedInPublisherGate.PostAsync"),
            Bypass(1).WithArguments("IDrafts.SaveAsync", "ILinkedInPublisher", "LinkedInPublisherGate.SaveAsync"),
            Bypass(2).WithArguments("ILinkedInPublisher.ShareAsync", "ILinkedInPublisher", "LinkedInPublisherGate.ShareAsync"),
            Bypass(3).WithArguments("ILinkedInPublisher.ShareAsync", "ILinkedInPublisher", "LinkedInPublisherGate.ShareAsync"),
            Bypass(4).WithArguments("ILinkedInPublisher.PostAsync", "ILinkedInPublisher", "LinkedInPublisherGate.PostAsync"));

    [Fact]
    public Task Publishing_through_the_gate_is_clean()
        => Verify.VerifyAsync(Publisher + """
            class ReviewedPoster
            {
                async Task Run(LinkedInPublisherGate gate, string requestId, LinkedInPost post, CancellationToken ct)
                {
                    var redeemed = await gate.RedeemPostAsync(requestId, post, ct);
                    if (redeemed.Approval is null) return;
                    await gate.PostAsync(redeemed.Approval, ct);
                }
            }
            """);

    [Fact]
    public Task The_publisher_itself_its_decorators_and_members_the_gate_skips_are_not_reported()
        => Verify.VerifyAsync(Publisher + """
            [GeneratePublisherGate]
            public interface IMastodon
            {
                Task TootAsync(string text);
                Task TootTwiceAsync(string text) => TootAsync(text + " " + text);
            }

            sealed class LoggingPublisher(ILinkedInPublisher inner) : ILinkedInPublisher
            {
                public Task<string> PostAsync(LinkedInPost post, CancellationToken ct) { Console.WriteLine("post"); return inner.PostAsync(post, ct); }
                public Task ShareAsync(Uri link, string comment) => inner.ShareAsync(link, comment);
                public Task SaveAsync(string text) => inner.SaveAsync(text);
                public string Account => inner.Account;
                public void Rename(ref string name) => inner.Rename(ref name);
            }

            class Other
            {
                Task Run(ILinkedInPublisher linkedIn, IDrafts drafts, LinkedInPublisher concrete)
                {
                    var name = "x";
                    linkedIn.Rename(ref name);
                    _ = linkedIn.Account + nameof(ILinkedInPublisher.PostAsync);
                    concrete.Unrelated();
                    return drafts.SaveAsync("through an interface nobody gated");
                }
            }
            """);

    [Fact]
    public Task Generic_interfaces_are_matched_whatever_their_type_arguments()
        => Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using Presence;

            [GeneratePublisherGate]
            public interface IChannel<TMessage> where TMessage : class, IApprovalContent
            {
                Task SendAsync(TMessage message);
            }

            public sealed class Notice : IApprovalContent
            {
                public ContentFingerprint GetApprovalFingerprint() => ContentFingerprint.Of("notice");
            }

            public sealed class NoticeChannel : IChannel<Notice>
            {
                public Task SendAsync(Notice message) => Task.CompletedTask;
            }

            class Sender
            {
                async Task Run(IChannel<Notice> channel, NoticeChannel concrete, Notice notice)
                {
                    await {|#0:channel.SendAsync(notice)|};
                    await {|#1:concrete.SendAsync(notice)|};
                }
            }
            """,
            Bypass(0).WithArguments("IChannel.SendAsync", "IChannel", "ChannelGate.SendAsync"),
            Bypass(1).WithArguments("NoticeChannel.SendAsync", "IChannel", "ChannelGate.SendAsync"));

    [Fact]
    public Task The_message_names_the_gate_the_generator_chose_when_the_natural_name_is_taken()
        => Verify.VerifyAsync("""
            using Presence;

            public class PublisherGate { }

            [GeneratePublisherGate]
            public interface IPublisher
            {
                void Publish(string text);
            }

            class Poster
            {
                void Run(IPublisher publisher, PublisherApprovalGate gate)
                {
                    {|#0:publisher.Publish("hi")|};
                }
            }
            """,
            Bypass(0).WithArguments("IPublisher.Publish", "IPublisher", "PublisherApprovalGate.Publish"));

    [Fact]
    public Task The_message_names_the_gate_a_users_partial_class_of_it_is_completed_into()
        => Verify.VerifyAsync("""
            using Presence;

            public sealed partial class PublisherGate
            {
                public string Describe() => "gate";

                // The user's part is the user's code, not generated code, although the gate's part carries [GeneratedCode].
                public void Sneak(IPublisher publisher) => {|#2:publisher.Publish("hi")|};
            }

            internal partial class ChannelGate { }

            [GeneratePublisherGate]
            public interface IPublisher
            {
                void Publish(string text);
            }

            [GeneratePublisherGate]
            public interface IChannel
            {
                void Send(string text);
            }

            class Poster
            {
                void Run(IPublisher publisher, PublisherGate gate, IChannel channel, ChannelApprovalGate channelGate)
                {
                    {|#0:publisher.Publish("hi")|};
                    {|#1:channel.Send("hi")|};
                }
            }
            """,
            Bypass(0).WithArguments("IPublisher.Publish", "IPublisher", "PublisherGate.Publish"),
            Bypass(1).WithArguments("IChannel.Send", "IChannel", "ChannelApprovalGate.Send"),
            Bypass(2).WithArguments("IPublisher.Publish", "IPublisher", "PublisherGate.Publish"));

    [Fact]
    public Task Nothing_is_registered_without_the_abstractions()
    {
        var test = new Verify.Test
        {
            TestCode = """
                [System.AttributeUsage(System.AttributeTargets.Interface)] class GeneratePublisherGateAttribute : System.Attribute { }
                [GeneratePublisherGate] interface IPublisher { void Publish(string text); }
                class C { void Run(IPublisher p) => p.Publish("x"); }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Presence.Analyzers.Tests.Verifiers.TestReferences.Framework);
        return test.RunAsync();
    }

    // The analyzer decides at compilation start whether any gate exists (the generator's output, or a referenced
    // assembly's gated interface): these pin that the shortcut never hides a bypass. It looks for gates only where a
    // file names [GeneratePublisherGate]; spelled with unicode escapes, the gate the generator writes still names it.
    [Theory]
    [InlineData("GeneratePublisherGate")]
    [InlineData(@"Generate\u0050ublisherGate")]
    public Task A_gate_declared_in_a_later_file_still_makes_the_earlier_call_a_bypass(string attribute)
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("A/Caller.cs", """
            using System.Threading.Tasks;

            class DailyTip
            {
                Task Run(Acme.IMastodonPublisher mastodon) => {|#0:mastodon.PublishAsync("tip")|};
            }
            """));
        test.TestState.Sources.Add(("Z/Publisher.cs", $$"""
            using System.Threading.Tasks;
            using Presence;

            namespace Acme;

            [{{attribute}}]
            public interface IMastodonPublisher
            {
                Task PublishAsync(string text);
            }
            """));
        test.ExpectedDiagnostics.Add(Bypass(0).WithArguments("IMastodonPublisher.PublishAsync", "IMastodonPublisher", "MastodonPublisherGate.PublishAsync"));
        return test.RunAsync();
    }

    [Fact]
    public async Task A_compilation_that_gains_a_gate_after_an_edit_gets_the_bypass_it_did_not_have()
    {
        const string caller = """
            using System.Threading.Tasks;

            class DailyTip
            {
                Task Run(Acme.IMastodonPublisher mastodon) => mastodon.PublishAsync("tip");
            }
            """;
        const string ungated = """
            namespace Acme;

            public interface IMastodonPublisher
            {
                System.Threading.Tasks.Task PublishAsync(string text);
            }
            """;
        var before = GateCompilation.Run(new[] { caller, ungated });
        Assert.Empty(await Bypasses(before.Output));

        var tree = before.Input.SyntaxTrees.Last();
        var after = before.Rerun(before.Input.ReplaceSyntaxTree(
            tree, tree.WithChangedText(SourceText.From("using Presence;\n" + ungated.Replace("public interface", "[GeneratePublisherGate]\npublic interface")))));

        var found = Assert.Single(await Bypasses(after.Output));
        Assert.Equal("PRES009", found.Id);
        Assert.Contains("MastodonPublisherGate.PublishAsync", found.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gated_interface_of_a_referenced_assembly_makes_calls_to_it_bypasses()
    {
        var library = GateCompilation.Run(new[] { """
            using System.Threading.Tasks;
            using Presence;

            namespace Acme;

            [GeneratePublisherGate]
            public interface IMastodonPublisher
            {
                Task PublishAsync(string text);
            }
            """ }, assemblyName: "Acme.Publishing");
        var image = MetadataReference.CreateFromImage(library.Emit());
        var consumer = GateCompilation.Run(new[] { """
            using System.Threading.Tasks;

            class DailyTip
            {
                Task Run(Acme.IMastodonPublisher mastodon) => mastodon.PublishAsync("tip");
            }
            """ });
        var withLibrary = consumer.Output.AddReferences(image);

        var found = Assert.Single(await Bypasses(withLibrary));
        Assert.Equal("PRES009", found.Id);
    }

    private static async Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> Bypasses(Compilation compilation)
        => await compilation
            .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new GateBypassAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
}
