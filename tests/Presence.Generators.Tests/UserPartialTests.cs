using System.Linq;
using Microsoft.CodeAnalysis;
using Presence.Generators.Tests.Support;

namespace Presence.Generators.Tests;

/// <summary>
/// A partial class of the user's with the gate's name is the gate, completed by the generated declaration; a type of that
/// name the generated declaration cannot complete is a clash, and the gate takes the next name.
/// </summary>
public class UserPartialTests
{
    private const string Channel = """
        using System.Threading;
        using System.Threading.Tasks;
        using Presence;

        namespace Acme
        {
            [GeneratePublisherGate]
            public interface IChannelPublisher
            {
                Task<int> PostAsync(string text, CancellationToken ct);
            }

            [GeneratePublisherGate]
            public interface IChannel<TMessage> where TMessage : class
            {
                Task SendAsync(TMessage message, CancellationToken ct);
            }

            public interface IDescribed { string Describe(); }

            public class Described { protected Described() { } }

            public class Named { public Named(string name) { } }
        }
        """;

    [Fact]
    public void A_partial_class_with_the_gates_name_is_completed_by_the_generated_gate()
    {
        // What a user may write in their part: no accessibility or the gate's, sealed or not, attributes, a base class
        // and interfaces, a constructor of their own, and members whose names the gate would have used for itself.
        var run = GateCompilation.Run(new[]
        {
            Channel,
            """
            namespace Acme
            {
                public sealed partial class ChannelPublisherGate
                {
                    public string Describe() => "gate";
                }

                [System.Diagnostics.DebuggerDisplay("channel gate")]
                partial class ChannelPublisherGate : Described, IDescribed
                {
                    private readonly int _inner = 42;

                    public ChannelPublisherGate(IChannelPublisher inner, Presence.ApprovalLedger ledger, string label)
                        : this(inner, ledger) => Label = label + _inner;

                    public string Label { get; } = "";

                    public int PostContent() => 0;
                }

                partial class ChannelGate<TMessage> where TMessage : class
                {
                    public TMessage? Last { get; set; }
                }

                public static class Use
                {
                    public static Task<int> Go(ChannelPublisherGate gate, Presence.Approved<ChannelPublisherGate.PostContent2> approval)
                        => gate.PostAsync(approval, default);

                    public static Task Send(ChannelGate<string> gate, Presence.Approved<ChannelGate<string>.SendContent> approval)
                        => gate.SendAsync(approval, default);
                }
            }
            """.Replace("namespace Acme\n{", "using System.Threading.Tasks;\nnamespace Acme\n{"),
        });

        Assert.Equal(new[] { "Acme.ChannelGate`1.g.cs", "Acme.ChannelPublisherGate.g.cs" }, run.Generated.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.Empty(Problems(run));
        var gate = run.Generated["Acme.ChannelPublisherGate.g.cs"];
        Assert.Contains("private readonly global::Acme.IChannelPublisher _inner2;", gate, System.StringComparison.Ordinal);
        Assert.Contains("public sealed class PostContent2 : global::Presence.IApprovalContent", gate, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public class ChannelPublisherGate { }", "a class that is not partial")]
    [InlineData("public partial struct ChannelPublisherGate { }", "a struct")]
    [InlineData("public partial record ChannelPublisherGate;", "a record")]
    [InlineData("public partial interface ChannelPublisherGate { }", "an interface")]
    [InlineData("public static partial class ChannelPublisherGate { }", "a static class")]
    [InlineData("public abstract partial class ChannelPublisherGate { }", "an abstract class")]
    [InlineData("internal partial class ChannelPublisherGate { }", "another accessibility")]
    [InlineData("public partial class ChannelPublisherGate(int size) { public int Size => size; }", "a primary constructor")]
    [InlineData("public partial class ChannelPublisherGate : Named { public ChannelPublisherGate() : base(\"x\") { } }", "a base class without a constructor the gate can call")]
    [InlineData("[System.CodeDom.Compiler.GeneratedCode(\"mine\", \"1\")] public partial class ChannelPublisherGate { }", "its own [GeneratedCode]")]
    [InlineData("public partial class ChannelGate<T> where T : class { }", "other type parameter names")]
    [InlineData("public partial class ChannelGate<TMessage> where TMessage : class, new() { }", "other constraints")]
    public void A_type_the_generated_gate_cannot_complete_is_a_clash(string declaration, string why)
    {
        var run = GateCompilation.Run(new[] { Channel, "namespace Acme\n{\n" + declaration + "\n}\n" });

        var clashing = declaration.Contains("ChannelGate<", System.StringComparison.Ordinal) ? "Acme.ChannelApprovalGate`1.g.cs" : "Acme.ChannelPublisherApprovalGate.g.cs";
        Assert.True(run.Generated.ContainsKey(clashing), why + ": " + string.Join(", ", run.Generated.Keys));
        Assert.Equal(2, run.Generated.Count);
        Assert.Empty(Problems(run));
    }

    [Fact]
    public void A_file_local_partial_class_is_a_clash()
    {
        var run = GateCompilation.Run(new[] { Channel, "namespace Acme\n{\nfile partial class ChannelPublisherGate { }\n}\n" });

        Assert.Contains("Acme.ChannelPublisherApprovalGate.g.cs", run.Generated.Keys);
        Assert.DoesNotContain(Problems(run), d => d.Severity == DiagnosticSeverity.Error);
    }

    // The test sources are not documented; the generated gates must be, and must compile without a warning.
    private static System.Collections.Generic.IEnumerable<Diagnostic> Problems(GateCompilation run)
        => run.Problems().Where(d => !(d.Id == "CS1591" && d.Location.SourceTree?.FilePath.StartsWith("Source", System.StringComparison.Ordinal) == true));
}
