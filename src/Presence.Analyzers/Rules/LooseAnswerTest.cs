using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Presence.Analyzers.Model;

namespace Presence.Analyzers.Rules
{
    /// <summary>
    /// The advice of PRES004: where the answer was only tested loosely, why that test does not single out a yes and
    /// what to test instead. Looked up only for a publish being reported, from the syntax around the confirmation and
    /// the local its answer is kept in.
    /// </summary>
    internal static class LooseAnswerTest
    {
        public static string Advice(IMethodSymbol asked, SyntaxNode call, Confirmation? confirmation)
        {
            var plain = "publish only on the path where '" + asked.Name + "' returned approval";
            switch (confirmation)
            {
                case { Shape: ConfirmationShape.Decision, ApprovalProperty: { } property }:
                    var yes = confirmation.ApprovingMember is { } member ? " == " + Name(member) : " is true";
                    return "publish only where its " + property.Name + yes + "; a decision that came back is not a yes";

                case { Shape: ConfirmationShape.Outcome, ApprovingMember: { } approving }:
                    var equal = "publish only where the answer == " + Name(approving);
                    return LooseTest(call) switch
                    {
                        (true, var test) => "'" + test + "' tests the order of the members, which lets other members than " + Name(approving) + " through: " + equal,
                        (false, { } test) => "'" + test + "' tests the answer as a number, which does not say which member it is: " + equal,
                        _ => plain,
                    };

                default:
                    return plain;
            }
        }

        private static string Name(IFieldSymbol member) => member.ContainingType.Name + "." + member.Name;

        // A range (>=, is > …: true) or a number ((int)outcome: false) the answer is tested with, on the call or on the
        // local that keeps it.
        private static (bool Range, string? Test) LooseTest(SyntaxNode call)
        {
            var value = Outermost(call);
            if (Around(value) is { Test: not null } direct)
            {
                return direct;
            }

            if (value.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                && declarator.FirstAncestorOrSelf<BlockSyntax>() is { } block)
            {
                foreach (var name in block.DescendantNodes())
                {
                    if (name is IdentifierNameSyntax identifier && identifier.SpanStart > declarator.Span.End
                        && identifier.Identifier.ValueText == declarator.Identifier.ValueText
                        && Around(Outermost(identifier)) is { Test: not null } found)
                    {
                        return found;
                    }
                }
            }

            return (false, null);
        }

        // The expression the value is, through await and parentheses.
        private static SyntaxNode Outermost(SyntaxNode value)
        {
            while (value.Parent is AwaitExpressionSyntax or ParenthesizedExpressionSyntax
                   || (value.Parent is MemberAccessExpressionSyntax access && access.Expression == value && value is InvocationExpressionSyntax && access.Name.Identifier.ValueText == "ConfigureAwait"))
            {
                value = value.Parent is MemberAccessExpressionSyntax ? value.Parent.Parent! : value.Parent;
            }

            return value;
        }

        private static (bool Range, string? Test) Around(SyntaxNode value)
            => value.Parent switch
            {
                BinaryExpressionSyntax binary when binary.Kind() is SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression
                    or SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression => (true, binary.ToString()),
                IsPatternExpressionSyntax { Pattern: var pattern } isPattern when HasRange(pattern) => (true, isPattern.ToString()),
                CastExpressionSyntax cast => (false, cast.ToString()),
                _ => (false, null),
            };

        private static bool HasRange(PatternSyntax pattern)
        {
            foreach (var node in pattern.DescendantNodesAndSelf())
            {
                if (node is RelationalPatternSyntax)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
