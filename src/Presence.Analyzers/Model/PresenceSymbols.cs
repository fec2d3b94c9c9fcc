using Microsoft.CodeAnalysis;
using Presence.Compilations;

namespace Presence.Analyzers.Model
{
    /// <summary>The symbols every rule needs, resolved once per compilation.</summary>
    internal sealed class PresenceSymbols
    {
        private PresenceSymbols(Compilation compilation)
        {
            PublishesContent = compilation.GetBestTypeByMetadataName("Presence.PublishesContentAttribute");
            HumanConfirmation = compilation.GetBestTypeByMetadataName("Presence.HumanConfirmationAttribute");
            RequiresHumanApproval = compilation.GetBestTypeByMetadataName("Presence.RequiresHumanApprovalAttribute");
            AutomatedPresence = compilation.GetBestTypeByMetadataName("Presence.AutomatedPresenceAttribute");
            GeneratePublisherGate = compilation.GetBestTypeByMetadataName("Presence.GeneratePublisherGateAttribute");
            InternalAudience = compilation.GetBestTypeByMetadataName("Presence.InternalAudienceAttribute");
            ApprovalToken = compilation.GetBestTypeByMetadataName("Presence.Approved`1");
            Task = compilation.GetBestTypeByMetadataName("System.Threading.Tasks.Task");
            TaskOfT = compilation.GetBestTypeByMetadataName("System.Threading.Tasks.Task`1");
            ValueTask = compilation.GetBestTypeByMetadataName("System.Threading.Tasks.ValueTask");
            ValueTaskOfT = compilation.GetBestTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        }

        public INamedTypeSymbol? PublishesContent { get; }
        public INamedTypeSymbol? HumanConfirmation { get; }
        public INamedTypeSymbol? RequiresHumanApproval { get; }
        public INamedTypeSymbol? AutomatedPresence { get; }

        /// <summary>A gated interface is a publisher by itself: its members publish, as if it were [PublishesContent].</summary>
        public INamedTypeSymbol? GeneratePublisherGate { get; }
        public INamedTypeSymbol? InternalAudience { get; }

        /// <summary><c>Approved&lt;T&gt;</c>, the token only a person's approval mints.</summary>
        public INamedTypeSymbol? ApprovalToken { get; }
        public INamedTypeSymbol? Task { get; }
        public INamedTypeSymbol? TaskOfT { get; }
        public INamedTypeSymbol? ValueTask { get; }
        public INamedTypeSymbol? ValueTaskOfT { get; }

        /// <summary>False when nothing in the compilation can be a publish call: rules then register nothing.</summary>
        public bool CanContainPublishCalls => PublishesContent is not null || RequiresHumanApproval is not null;

        public static PresenceSymbols Create(Compilation compilation) => new PresenceSymbols(compilation);

        public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
            => FindAttribute(symbol, attribute) is not null;

        public static AttributeData? FindAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
        {
            if (attribute is null)
            {
                return null;
            }

            foreach (var data in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
                {
                    return data;
                }
            }

            return null;
        }
    }
}
