using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = Presence.Generators.Tests.Support.GateRuleVerifier<Presence.Analyzers.Rules.UngatedMemberAnalyzer>;

namespace Presence.Generators.Tests.Rules;

public class UngatedMemberTests
{
    private static DiagnosticResult Ungated(int location) => Verify.Diagnostic("PRES106").WithLocation(location);

    private const string Skipped = "; calls of it are not reported as bypassing the gate (PRES009)";

    [Fact]
    public Task Each_member_the_gate_skips_is_reported_on_the_member_with_the_reason()
        => Verify.VerifyAsync("""
            using System;
            using System.Threading.Tasks;
            using Presence;

            [GeneratePublisherGate]
            public interface IPublisher
            {
                Task PostAsync(string text);
                string {|#0:Account|} { get; }
                string {|#1:this|}[int index] { get; }
                event EventHandler {|#2:Posted|};
                void {|#3:Rename|}(ref string name);
                bool {|#4:TryPost|}(string text, out string id);
                void {|#5:Stamp|}(in Guid id);
                void {|#6:Attach|}(object media);
                void {|#7:Write|}(ReadOnlySpan<char> text);
                static abstract IPublisher {|#8:Create|}();
                static string {|#9:Describe|}() => "publisher";
            }
            """,
            Ungated(0).WithArguments("IPublisher.Account", "is not covered by the approval gate 'PublisherGate'", "it is a property, and a gate only covers methods, which take the approved content" + Skipped),
            Ungated(1).WithArguments("IPublisher.this[int]", "is not covered by the approval gate 'PublisherGate'", "it is an indexer, and a gate only covers methods, which take the approved content" + Skipped),
            Ungated(2).WithArguments("IPublisher.Posted", "is not covered by the approval gate 'PublisherGate'", "it is an event, and a gate only covers methods, which take the approved content" + Skipped),
            Ungated(3).WithArguments("IPublisher.Rename(ref string)", "is not covered by the approval gate 'PublisherGate'", "its parameter 'name' is passed by reference (ref), and a gate passes only the approved content, by value" + Skipped),
            Ungated(4).WithArguments("IPublisher.TryPost(string, out string)", "is not covered by the approval gate 'PublisherGate'", "its parameter 'id' is passed by reference (out), and a gate passes only the approved content, by value" + Skipped),
            Ungated(5).WithArguments("IPublisher.Stamp(in Guid)", "is not covered by the approval gate 'PublisherGate'", "its parameter 'id' is passed by reference (in), and a gate passes only the approved content, by value" + Skipped),
            Ungated(6).WithArguments("IPublisher.Attach(object)", "is not covered by the approval gate 'PublisherGate'", "its parameter 'media' has the type 'object', which a gate cannot fingerprint: implement Presence.IApprovalContent on it, or pass text, numbers, enums, Guids, Uris or sequences of them" + Skipped),
            Ungated(7).WithArguments("IPublisher.Write(ReadOnlySpan<char>)", "is not covered by the approval gate 'PublisherGate'", "its parameter 'text' has the type 'ReadOnlySpan<char>', which an approval cannot hold" + Skipped),
            Ungated(8).WithArguments("IPublisher.Create()", "is not covered by the approval gate 'PublisherGate'", "it is static abstract, and a gate wraps an instance of the interface" + Skipped),
            Ungated(9).WithArguments("IPublisher.Describe()", "is not covered by the approval gate 'PublisherGate'", "it is static, and a gate wraps an instance of the interface" + Skipped));

    [Fact]
    public Task An_inherited_member_is_reported_on_the_gated_interface_and_points_at_the_member()
        => Verify.VerifyAsync("""
            using Presence;

            public interface IDrafts
            {
                void {|#1:Load|}(out string text);
            }

            [GeneratePublisherGate]
            public interface {|#0:IPublisher|} : IDrafts
            {
                void Post(string text);
            }
            """,
            Ungated(0).WithLocation(1).WithArguments("IDrafts.Load(out string)", "is not covered by the approval gate 'PublisherGate'", "its parameter 'text' is passed by reference (out), and a gate passes only the approved content, by value" + Skipped));

    [Fact]
    public Task Two_members_whose_gate_methods_would_clash_keep_the_first()
        => Verify.VerifyAsync("""
            using Presence;

            public sealed class Post : IApprovalContent
            {
                public ContentFingerprint GetApprovalFingerprint() => ContentFingerprint.Of("post");
            }

            public interface ILinkedIn { void Publish(Post post); }
            public interface IMastodon { void {|#1:Publish|}(Post post); }

            [GeneratePublisherGate]
            public interface {|#0:IEverywhere|} : ILinkedIn, IMastodon
            {
            }
            """,
            Ungated(0).WithLocation(1).WithArguments("IMastodon.Publish(Post)", "is not covered by the approval gate 'EverywhereGate'", "its gate method would have the same signature as the one for 'ILinkedIn.Publish(Post)'" + Skipped));

    [Fact]
    public Task A_nested_interface_gets_no_gate_and_says_why()
        => Verify.VerifyAsync("""
            using Presence;

            public static class Outer
            {
                [GeneratePublisherGate]
                public interface {|#0:IPublisher|}
                {
                    void Post(string text);
                }
            }
            """,
            Ungated(0).WithArguments("IPublisher", "gets no approval gate", "it is nested in 'Outer', and gates are generated only for interfaces declared directly in a namespace"));

    [Fact]
    public Task An_interface_the_gate_covers_entirely_is_clean()
        => Verify.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Presence;

            [GeneratePublisherGate]
            public interface IPublisher
            {
                Task<string> PostAsync(string text, IReadOnlyList<Uri> media, DateTimeOffset at, CancellationToken ct = default);
                void Pin<T>(T item) where T : IApprovalContent;
                Task RefreshAsync();
            }
            """);
}
