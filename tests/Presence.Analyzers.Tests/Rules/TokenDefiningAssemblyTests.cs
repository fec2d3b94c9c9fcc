using System.Threading.Tasks;
using Stored = Presence.Analyzers.Tests.Verifiers.AnalyzerVerifier<Presence.Analyzers.Rules.StoredApprovalAnalyzer>;

namespace Presence.Analyzers.Tests.Rules;

/// <summary>
/// PRES007 guards the code that receives an Approved&lt;T&gt;: the assembly that defines the token (the runtime, whose
/// redeem result hands it over) keeps it by design and is not flagged; a project that references it is.
/// </summary>
public class TokenDefiningAssemblyTests
{
    private const string Kept = """
        public sealed class Post { }

        public sealed class Keeper
        {
            private Presence.Approved<Post>? {|#0:_kept|};
        }
        """;

    [Fact]
    public Task The_assembly_that_defines_the_token_keeps_it_unflagged()
        => Stored.VerifyAsync("""
            namespace Presence
            {
                public sealed class Approved<T> { internal Approved(T content) => Content = content; public T Content { get; } }

                public sealed class RedeemResult<T>
                {
                    public RedeemResult(Approved<T>? approval) => Approval = approval;

                    public Approved<T>? Approval { get; }
                }
            }

            """ + Kept.Replace("{|#0:_kept|}", "_kept"));

    [Fact]
    public Task A_project_that_references_the_runtime_is_still_flagged()
        => Stored.VerifyAsync(Kept, Stored.Diagnostic(PresenceDiagnostics.ApprovalKeptForLater).WithLocation(0).WithArguments("The field '_kept'", "Post"));
}
