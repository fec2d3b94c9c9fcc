using Microsoft.CodeAnalysis;

namespace Presence.Analyzers.Model
{
    /// <summary>Everything the rules know about a compilation, built once at compilation start.</summary>
    internal sealed class PresenceModel
    {
        private PresenceModel(Compilation compilation, PresenceSymbols symbols)
        {
            Symbols = symbols;
            Publishing = new PublishTargets(symbols);
            Confirmations = new Confirmations(symbols);
            Scopes = new PublishScopes(compilation, symbols, Publishing);
        }

        public PresenceSymbols Symbols { get; }

        public PublishTargets Publishing { get; }

        public Confirmations Confirmations { get; }

        public PublishScopes Scopes { get; }

        /// <summary>The model, or null when the compilation cannot contain a publish call.</summary>
        public static PresenceModel? TryCreate(Compilation compilation)
        {
            var symbols = PresenceSymbols.Create(compilation);
            return symbols.CanContainPublishCalls ? new PresenceModel(compilation, symbols) : null;
        }
    }
}
