using Microsoft.CodeAnalysis;

namespace Presence.Analyzers.Model
{
    /// <summary>The symbols every rule needs, resolved once per compilation.</summary>
    internal sealed class PresenceSymbols
    {
        private PresenceSymbols(Compilation compilation)
        {
            PublishesContent = compilation.GetTypeByMetadataName("Presence.PublishesContentAttribute");
            HumanConfirmation = compilation.GetTypeByMetadataName("Presence.HumanConfirmationAttribute");
            RequiresHumanApproval = compilation.GetTypeByMetadataName("Presence.RequiresHumanApprovalAttribute");
            AutomatedPresence = compilation.GetTypeByMetadataName("Presence.AutomatedPresenceAttribute");
            Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
            ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
            ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        }

        public INamedTypeSymbol? PublishesContent { get; }
        public INamedTypeSymbol? HumanConfirmation { get; }
        public INamedTypeSymbol? RequiresHumanApproval { get; }
        public INamedTypeSymbol? AutomatedPresence { get; }
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
