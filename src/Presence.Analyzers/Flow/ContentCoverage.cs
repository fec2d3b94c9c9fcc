using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Presence.Analyzers.Flow
{
    /// <summary>
    /// PRES006: whether the confirmation guarding a publish call covered what it publishes. Intraprocedural and
    /// deliberately narrow: only locals and parameters passed as they are count as "what was confirmed" and "what
    /// is published", so there is no finding where the compiler cannot tell.
    /// </summary>
    internal static class ContentCoverage
    {
        /// <summary>Why the approval does not cover the publish (the message's second part), or null.</summary>
        public static string? Gap(PublishSite site)
        {
            if (!site.Guarded || site.AskedBy is not { } confirmation || site.Operation is not IInvocationOperation publish)
            {
                return null;
            }

            // What the person was shown and what goes out, not which request (RedeemAsync(requestId, draft, ct)) or where
            // to (a chat id, a channel, a URL).
            var confirmed = confirmation.Arguments.Where(a => IsContent(a.Parameter)).Select(a => Variable(a.Value)).Where(v => v is not null).Cast<ISymbol>().ToList();
            var published = publish.Arguments.Where(a => IsContent(a.Parameter)).Select(a => (Argument: a.Value, Variable: Variable(a.Value))).ToList();
            var asked = "'" + confirmation.TargetMethod.Name + "'";

            foreach (var (_, variable) in published)
            {
                if (variable is not null && confirmed.Contains(variable, SymbolEqualityComparer.Default)
                    && site.ChangedSinceAsk.Contains(variable, SymbolEqualityComparer.Default))
                {
                    return $"'{variable.Name}' changed after {asked} approved it";
                }
            }

            // The approved text put into a request body or an object (new { text }, JsonContent.Create(new Post { Text = text }))
            // after it changed: read from the syntax, as the control-flow graph splits initializers into captures.
            if (NestedChange(site, confirmed) is { } nested)
            {
                return $"'{nested.Name}' changed after {asked} approved it, and goes out in the request";
            }

            foreach (var (argument, variable) in published)
            {
                if (LoopItem(argument, variable) is { } loop && !loop.Span.Contains(confirmation.Syntax.Span))
                {
                    return $"one approval from {asked}, asked before the loop, covers every item it publishes";
                }
            }

            // Another variable of the type of what was shown, where exactly one such was shown (the editor's click on
            // ConfirmAsync(context, shown) approved 'shown', whatever the context): it is not what the person saw.
            foreach (var (_, other) in published)
            {
                if (other is null || confirmed.Contains(other, SymbolEqualityComparer.Default) || TypeOf(other) is not { } type)
                {
                    continue;
                }

                if (OnlyOfType(confirmed, type) is { } approved && !published.Any(p => SymbolEqualityComparer.Default.Equals(p.Variable, approved)))
                {
                    return $"{asked} approved '{approved.Name}', not '{other.Name}'";
                }
            }

            return null;
        }

        /// <summary>
        /// False when <paramref name="confirmation"/> was asked about locals or parameters and <paramref name="publish"/>
        /// passes content, but none of them: it publishes something the person was not shown. True otherwise, also when
        /// the question shows nothing the compiler can follow (a literal, a computed text) or the call passes no content
        /// (a local function that publishes what it captured).
        /// </summary>
        public static bool MayPublishWhatWasAsked(IOperation? publish, IInvocationOperation confirmation)
        {
            if (publish is not IInvocationOperation call || !PassesContent(call))
            {
                return true;
            }

            var askedAboutVariables = false;
            foreach (var asked in confirmation.Arguments)
            {
                if (IsContent(asked.Parameter) && Variable(asked.Value) is { } variable)
                {
                    askedAboutVariables = true;
                    foreach (var published in call.Arguments)
                    {
                        if (IsContent(published.Parameter) && SymbolEqualityComparer.Default.Equals(Variable(published.Value), variable))
                        {
                            return true;
                        }
                    }
                }
            }

            return !askedAboutVariables;
        }

        private static bool PassesContent(IInvocationOperation call)
        {
            foreach (var argument in call.Arguments)
            {
                if (IsContent(argument.Parameter))
                {
                    return true;
                }
            }

            return false;
        }

        // False for a parameter that says where (chat, channel, URL, recipient), which request (an id, a key) or how (a
        // cancellation token).
        private static bool IsContent(IParameterSymbol? parameter)
            => parameter is not { Name: var name }
               || !(name.IndexOf("chat", System.StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("channel", System.StringComparison.OrdinalIgnoreCase) >= 0
                    || name.IndexOf("uri", System.StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("url", System.StringComparison.OrdinalIgnoreCase) >= 0
                    || name is "to" or "recipient" or "recipients" or "destination" or "id" or "key"
                    || name.EndsWith("Id", System.StringComparison.Ordinal)
                    || parameter.Type is { Name: "CancellationToken", ContainingNamespace.Name: "Threading" });

        private static ISymbol? NestedChange(PublishSite site, List<ISymbol> confirmed)
        {
            if (site.Syntax is not InvocationExpressionSyntax { ArgumentList: { } arguments })
            {
                return null;
            }

            foreach (var identifier in arguments.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                // Member names (new { text = … }, new Post { Text = … }, body.text) are not the variable.
                if (identifier.Parent is NameEqualsSyntax or NameColonSyntax
                    || identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier
                    || identifier.Parent is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment && assignment.Left == identifier)
                {
                    continue;
                }

                foreach (var variable in confirmed)
                {
                    if (variable.Name == identifier.Identifier.ValueText && site.ChangedSinceAsk.Contains(variable, SymbolEqualityComparer.Default))
                    {
                        return variable;
                    }
                }
            }

            return null;
        }

        private static ISymbol? Variable(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }

            return operation switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
        }

        // The one variable of <paramref name="type"/> among those shown, or null when none or several are.
        private static ISymbol? OnlyOfType(List<ISymbol> confirmed, ITypeSymbol type)
        {
            ISymbol? only = null;
            foreach (var variable in confirmed)
            {
                if (SymbolEqualityComparer.Default.Equals(TypeOf(variable), type))
                {
                    if (only is not null)
                    {
                        return null;
                    }

                    only = variable;
                }
            }

            return only;
        }

        private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };

        // The loop an argument takes its items from: a foreach variable, or items[i] with i declared by a for loop.
        private static SyntaxNode? LoopItem(IOperation argument, ISymbol? variable)
        {
            if (variable is ILocalSymbol local
                && local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is { } declaration
                && declaration.FirstAncestorOrSelf<CommonForEachStatementSyntax>() is { } forEach
                && (declaration == forEach || forEach is ForEachVariableStatementSyntax { Variable: var deconstructed } && deconstructed.Span.Contains(declaration.Span)))
            {
                return forEach;
            }

            var element = argument;
            while (element is IConversionOperation conversion)
            {
                element = conversion.Operand;
            }

            var index = element switch
            {
                IArrayElementReferenceOperation array when array.Indices.Length == 1 => array.Indices[0],
                IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer => indexer.Arguments[0].Value,
                _ => null,
            };

            return Variable(index ?? element) is ILocalSymbol counter
                   && counter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax { Parent.Parent: ForStatementSyntax loop }
                ? loop
                : null;
        }
    }
}
