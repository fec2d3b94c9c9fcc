using System.Threading;
using Microsoft.CodeAnalysis;

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

        /// <summary>True when a method, lambda or local function declares its own exemption, or is a confirmation (declared on it or on what it implements).</summary>
        public bool IsExemptFunction(IMethodSymbol function)
            => IsDeclaredScope(function)
               || PresenceSymbols.HasAttribute(function, _symbols.RequiresHumanApproval)
               || _confirmations.Classify(function) is not null;

        // Deliberate public automation, or sends that reach only the team.
        private bool IsDeclaredScope(ISymbol symbol)
            => PresenceSymbols.HasAttribute(symbol, _symbols.AutomatedPresence)
               || PresenceSymbols.HasAttribute(symbol, _symbols.InternalAudience);
    }
}
