using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Presence.Analyzers.Model
{
    /// <summary>
    /// Where publish calls are not reported: code under a justified-or-not [AutomatedPresence] (PRES010 judges the
    /// justification), code that sends only to the team or reviewers under [InternalAudience] (PRES012 judges the
    /// description), bodies that declare [RequiresHumanApproval] (their callers confirm), the bodies of declared
    /// publishers themselves, and the bodies of confirmations: sending the draft to the editor is the asking, not a
    /// publish (PRES005 judges whether a confirmation asks at all).
    /// </summary>
    internal sealed class PublishScopes
    {
        private readonly PresenceSymbols _symbols;
        private readonly PublishTargets _targets;
        private readonly Confirmations _confirmations;
        private readonly bool _assemblyIsAutomated;

        public PublishScopes(Compilation compilation, PresenceSymbols symbols, PublishTargets targets, Confirmations confirmations, CancellationToken cancellationToken)
        {
            _symbols = symbols;
            _targets = targets;
            _confirmations = confirmations;
            // The assembly's attributes are read only where a file names the attribute: reading them binds every
            // assembly attribute of the source, at each compilation start (each open file's analysis in an IDE).
            _assemblyIsAutomated = symbols.AutomatedPresence is { } automated
                                   && NameUse.Of(compilation, automated, references: false, cancellationToken).InSource
                                   && PresenceSymbols.HasAttribute(compilation.Assembly, automated);
        }

        /// <summary>True when publish calls in the body of <paramref name="owner"/> (a member) are not reported.</summary>
        public bool IsExemptMember(ISymbol owner)
        {
            if (_assemblyIsAutomated)
            {
                return true;
            }

            if (owner is IMethodSymbol method)
            {
                if (IsExemptFunction(method) || _targets.IsPublisher(method))
                {
                    return true;
                }

                if (method.AssociatedSymbol is { } property && IsDeclaredScope(property))
                {
                    return true;
                }
            }
            else if (IsDeclaredScope(owner))
            {
                return true;
            }

            for (var type = owner.ContainingType; type is not null; type = type.ContainingType)
            {
                if (IsDeclaredScope(type) || PresenceSymbols.HasAttribute(type, _symbols.PublishesContent))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when <paramref name="owner"/>, a member <see cref="IsExemptMember"/> exempts, is exempt only because of
        /// [AutomatedPresence]: the exception allows publishing without a person, not machine-written text that nobody
        /// read, so PRES008 still judges what it publishes. Any other reason wins: a send to the team, a body whose
        /// callers confirm, the asking itself, a declared publisher.
        /// </summary>
        public bool IsAutomatedOnly(ISymbol owner)
        {
            if (owner is IMethodSymbol method)
            {
                if (PresenceSymbols.HasAttribute(method, _symbols.InternalAudience)
                    || PresenceSymbols.HasAttribute(method, _symbols.RequiresHumanApproval)
                    || _confirmations.Classify(method) is not null
                    || _targets.IsPublisher(method)
                    || (method.AssociatedSymbol is { } property && PresenceSymbols.HasAttribute(property, _symbols.InternalAudience)))
                {
                    return false;
                }
            }
            else if (PresenceSymbols.HasAttribute(owner, _symbols.InternalAudience))
            {
                return false;
            }

            for (var type = owner.ContainingType; type is not null; type = type.ContainingType)
            {
                if (PresenceSymbols.HasAttribute(type, _symbols.InternalAudience) || PresenceSymbols.HasAttribute(type, _symbols.PublishesContent))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when a lambda or local function is exempt (<see cref="IsExemptFunction"/>) only by its own [AutomatedPresence].</summary>
        public bool IsAutomatedOnlyFunction(IMethodSymbol function)
            => PresenceSymbols.HasAttribute(function, _symbols.AutomatedPresence)
               && !PresenceSymbols.HasAttribute(function, _symbols.InternalAudience)
               && !PresenceSymbols.HasAttribute(function, _symbols.RequiresHumanApproval)
               && _confirmations.Classify(function) is null;

        /// <summary>True when a method, lambda or local function declares its own exemption, or is a confirmation (declared on it or on what it implements).</summary>
        public bool IsExemptFunction(IMethodSymbol function)
            => IsDeclaredScope(function)
               || PresenceSymbols.HasAttribute(function, _symbols.RequiresHumanApproval)
               || _confirmations.Classify(function) is not null;

        /// <summary>
        /// True when <paramref name="method"/> is a private helper of the asking: every use of it in its type is in the
        /// body of a confirmation, or of another such helper (SendToEditorsAsync, called only from a [HumanConfirmation]
        /// method to show the draft to the editors). Its sends are part of the asking, as the confirmation's own are.
        /// Asked only for a private method with a publish nothing guards.
        /// </summary>
        public bool IsAskingHelper(IMethodSymbol? method, Compilation compilation, CancellationToken cancellationToken)
            => method is { DeclaredAccessibility: Accessibility.Private, MethodKind: MethodKind.Ordinary }
               && IsAskingHelper(method.OriginalDefinition, compilation, 0, cancellationToken);

        private bool IsAskingHelper(IMethodSymbol method, Compilation compilation, int depth, CancellationToken cancellationToken)
        {
            if (depth > 3 || method.ContainingType is not { } type)
            {
                return false;
            }

            var uses = 0;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                SemanticModel? model = null;
                foreach (var name in reference.GetSyntax(cancellationToken).DescendantNodes().OfType<SimpleNameSyntax>())
                {
                    if (name.Identifier.ValueText != method.Name)
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Only the files of a private method's own type, for the one that publishes unguarded.
                    model ??= compilation.GetSemanticModel(reference.SyntaxTree);
#pragma warning restore RS1030
                    if (model.GetSymbolInfo(name, cancellationToken).Symbol is not IMethodSymbol used
                        || !SymbolEqualityComparer.Default.Equals(used.OriginalDefinition, method))
                    {
                        continue;
                    }

                    uses++;
                    var caller = model.GetEnclosingSymbol(name.SpanStart, cancellationToken);
                    while (caller is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } inner)
                    {
                        caller = inner.ContainingSymbol;
                    }

                    if (caller is not IMethodSymbol callerMethod
                        || !(_confirmations.Classify(callerMethod) is not null
                             || (callerMethod.DeclaredAccessibility == Accessibility.Private && !SymbolEqualityComparer.Default.Equals(callerMethod.OriginalDefinition, method)
                                 && IsAskingHelper(callerMethod.OriginalDefinition, compilation, depth + 1, cancellationToken))))
                    {
                        return false;
                    }
                }
            }

            return uses > 0;
        }

        // Deliberate public automation, or sends that reach only the team.
        private bool IsDeclaredScope(ISymbol symbol)
            => PresenceSymbols.HasAttribute(symbol, _symbols.AutomatedPresence)
               || PresenceSymbols.HasAttribute(symbol, _symbols.InternalAudience);
    }
}
