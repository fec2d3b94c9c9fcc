using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Presence.Analyzers.Paths
{
    /// <summary>
    /// Whether a handler's path to a publish runs on a button press or a reaction rather than on a message: a step of
    /// the path takes the press (Telegram's <c>CallbackQuery</c>, Discord's component interaction or reaction,
    /// Slack's <c>reaction_added</c>), or the handler's first step stands where the update has been found to be a
    /// callback query (<c>if (update.CallbackQuery is { } press)</c>, after <c>if (update.CallbackQuery is null) return;</c>,
    /// under <c>update.Type == UpdateType.CallbackQuery</c>). Nothing replies there: the press is someone's decision,
    /// which the ledger can record. Asked only of a path about to be reported.
    /// </summary>
    internal static class ButtonPresses
    {
        private const string CallbackQuery = "CallbackQuery";

        public static bool Publishes(UnattendedPath path)
        {
            if (path.Entry is not { } entry)
            {
                return false;
            }

            if (TakesPress(entry.Function) || path.Calls.Any(c => TakesPress(c.Function)))
            {
                return true;
            }

            return GuardedByPress(path.Calls.IsEmpty ? path.Publish : path.Calls[0].Call);
        }

        private static bool TakesPress(IMethodSymbol function)
            => function.Parameters.Any(p => IsPress(p.Type));

        private static bool IsPress(ITypeSymbol type)
            => type.Name switch
            {
                CallbackQuery => Root(type) == "Telegram",
                "SocketMessageComponent" or "SocketReaction" => Root(type) == "Discord",
                "ComponentInteractionCreateEventArgs" or "ComponentInteractionCreatedEventArgs" or "MessageReactionAddEventArgs" or "MessageReactionAddedEventArgs" => Root(type) == "DSharpPlus",
                "ReactionAdded" => Root(type) == "SlackNet",
                _ => false,
            };

        private static string? Root(ITypeSymbol type)
        {
            var space = type.ContainingNamespace;
            while (space is { ContainingNamespace.IsGlobalNamespace: false })
            {
                space = space.ContainingNamespace;
            }

            return space?.Name;
        }

        private static bool GuardedByPress(SyntaxNode node)
        {
            for (SyntaxNode? child = node, parent = node.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax:
                        return false;

                    case IfStatementSyntax @if when (child == @if.Statement && IsPress(@if.Condition) == true) || (child == @if.Else && IsPress(@if.Condition) == false):
                        return true;

                    case ConditionalExpressionSyntax conditional
                        when (child == conditional.WhenTrue && IsPress(conditional.Condition) == true) || (child == conditional.WhenFalse && IsPress(conditional.Condition) == false):
                        return true;

                    case SwitchSectionSyntax section when section.Labels.Any(Mentions):
                        return true;

                    case SwitchExpressionArmSyntax arm when child != arm.Pattern && Mentions(arm.Pattern):
                        return true;

                    case BlockSyntax block:
                        // if (update.CallbackQuery is null) return; — what follows runs on a press
                        foreach (var statement in block.Statements)
                        {
                            if (statement == child)
                            {
                                break;
                            }

                            if (statement is IfStatementSyntax { Else: null } guard && Leaves(guard.Statement) && IsPress(guard.Condition) == false)
                            {
                                return true;
                            }
                        }

                        break;
                }
            }

            return false;
        }

        // What the condition being true says: a press (true), not a press (false), or nothing known (null).
        private static bool? IsPress(ExpressionSyntax condition)
        {
            switch (condition)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return IsPress(parenthesized.Expression);

                case PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.LogicalNotExpression):
                    return !IsPress(negation.Operand);

                // a && b is true only when both are; a || b is false only when both are
                case BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression):
                    return IsPress(both.Left) == true || IsPress(both.Right) == true ? true : null;

                case BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression):
                    return IsPress(either.Left) == false || IsPress(either.Right) == false ? false : null;

                // update.Type == UpdateType.CallbackQuery; update.CallbackQuery != null
                case BinaryExpressionSyntax comparison when comparison.IsKind(SyntaxKind.EqualsExpression) || comparison.IsKind(SyntaxKind.NotEqualsExpression):
                    if (!Mentions(comparison))
                    {
                        return null;
                    }

                    var equals = comparison.IsKind(SyntaxKind.EqualsExpression);
                    return IsNull(comparison.Left) || IsNull(comparison.Right) ? !equals : equals;

                case IsPatternExpressionSyntax test:
                    return Mentions(test) ? Matches(test.Pattern) : null;

                default:
                    return null;
            }
        }

        // Whether matching the pattern means the press is there: `is { }`, `is not null` yes; `is null`, `is not { }` no.
        private static bool Matches(PatternSyntax pattern)
            => pattern switch
            {
                ParenthesizedPatternSyntax parenthesized => Matches(parenthesized.Pattern),
                UnaryPatternSyntax negated => !Matches(negated.Pattern),
                ConstantPatternSyntax constant => !IsNull(constant.Expression),
                _ => true,
            };

        private static bool IsNull(ExpressionSyntax expression) => expression.IsKind(SyntaxKind.NullLiteralExpression);

        private static bool Mentions(SyntaxNode node)
            => node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(name => name.Identifier.ValueText == CallbackQuery);

        private static bool Leaves(StatementSyntax statement)
            => statement switch
            {
                ReturnStatementSyntax or ThrowStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax => true,
                BlockSyntax { Statements.Count: > 0 } block => Leaves(block.Statements.Last()),
                _ => false,
            };
    }
}
