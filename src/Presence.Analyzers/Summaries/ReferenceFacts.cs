using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Model;
using Presence.Compilations;
using Presence.Incremental;

namespace Presence.Analyzers.Summaries
{
    /// <summary>
    /// The names a publish call or a language-model call can have, as far as the references tell: catalogued SDK
    /// members, raw requests, HTTP sends, the methods referenced assemblies make publishers by attribute, and what
    /// referenced summaries name (configured sends included). Read from the references only, on a compilation of them
    /// without the source (<see cref="ReferenceKey"/>): asking the source's compilation would first build the
    /// declarations of every file, and bind its assembly attributes. Compared by value; the pipeline reads it again only
    /// when the references change, never after an edit of the source.
    /// </summary>
    internal sealed class ReferenceFacts : IEquatable<ReferenceFacts>
    {
        private ReferenceFacts(EquatableArray<string> sinkNames, EquatableArray<string> writerNames, bool mayDeclarePublishers)
        {
            SinkNames = sinkNames;
            WriterNames = writerNames;
            MayDeclarePublishers = mayDeclarePublishers;
        }

        /// <summary>A superset of the names a publish call can have here, the source's own publishers and PresenceApis.txt aside.</summary>
        public EquatableArray<string> SinkNames { get; }

        /// <summary>The names of the calls that return machine-written text; empty when the compilation can make none.</summary>
        public EquatableArray<string> WriterNames { get; }

        /// <summary>
        /// Whether Presence.Abstractions or Refit is referenced: their attributes make methods of any name publishers,
        /// here or in a referenced library.
        /// </summary>
        public bool MayDeclarePublishers { get; }

        public static ReferenceFacts Of(Compilation compilation) => Of(ReferenceKey.Of(compilation));

        /// <remarks>
        /// Kept per set of referenced assemblies (<see cref="ReferenceSet"/>), like what the rules read of the
        /// references: a new generator driver on a compilation with the same references (the next project of a solution
        /// with the same references, a build after the compiler server dropped its driver) does not read them again.
        /// </remarks>
        public static ReferenceFacts Of(ReferenceKey key, CancellationToken cancellationToken = default)
        {
            var compilation = key.Compilation();
            return ReferenceSet.Of(compilation).Derived("PathSummary.ReferenceFacts", () => Read(compilation, cancellationToken));
        }

        private static ReferenceFacts Read(Compilation compilation, CancellationToken cancellationToken)
        {
            // The catalogued members of the SDKs referenced here (the catalog holds several SDKs' Post, Send…).
            var referenced = new HashSet<string>(compilation.ReferencedAssemblyNames.Select(identity => identity.Name), StringComparer.OrdinalIgnoreCase);
            var sinks = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in BuiltInCatalog.Index.Entries)
            {
                if (referenced.Contains(entry.Assembly))
                {
                    sinks.Add(entry.Member);
                }
            }

            sinks.UnionWith(RawRequests.MethodNames(compilation.ReferencedAssemblyNames));
            sinks.UnionWith(HttpRequests.SendNames(compilation));

            // The same references the model reads (PresenceModel), its PresenceApis.txt assemblies aside: a compilation
            // with that file always goes on to the model.
            var assemblies = PublishingAssemblies.Create(compilation, Array.Empty<string>());

            // A library's send to a configured URL publishes here when this project's settings say so: its name is a
            // candidate whatever they say (the model reads them).
            var libraries = LibrarySummaries.Read(compilation, assemblies, configuredSendNames: sinks);
            sinks.UnionWith(libraries.MethodNames);
            sinks.UnionWith(AttributedPublisherNames(compilation, assemblies, referenced.Contains("Refit"), cancellationToken));
            var writers = MachineWriters.For(compilation, libraries) is null
                ? Enumerable.Empty<string>()
                : MachineWriters.MethodNames.Concat(libraries.MachineWrittenNames);
            var mayDeclarePublishers = referenced.Contains("Presence.Abstractions") || referenced.Contains("Refit");
            return new ReferenceFacts(Sorted(sinks), Sorted(writers), mayDeclarePublishers);
        }

        // The names of the methods the references make publishers by attribute ([PublishesContent] on the method or its
        // type, [RequiresHumanApproval], a [GeneratePublisherGate] interface, a Refit request to a publish endpoint),
        // decided by the analyzer's own classification: a library that calls one publishes, though no catalog or summary
        // names it. Only the assemblies that declare the attributes or reference their assembly can apply them; a type
        // of another assembly inheriting an attributed member has it under the same name. Catalogued members are counted
        // above.
        private static IEnumerable<string> AttributedPublisherNames(Compilation compilation, PublishingAssemblies assemblies, bool refit, CancellationToken cancellationToken)
        {
            var symbols = PresenceSymbols.Create(compilation);
            var declaring = new HashSet<string>(
                new[] { symbols.PublishesContent, symbols.RequiresHumanApproval, symbols.GeneratePublisherGate }
                    .Where(attribute => attribute?.ContainingAssembly is not null)
                    .Select(attribute => attribute!.ContainingAssembly.Name),
                StringComparer.Ordinal);
            if (refit)
            {
                declaring.Add("Refit");
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            if (declaring.Count == 0)
            {
                return names;
            }

            var targets = new PublishTargets(symbols, DeclaredApis.Empty, ApiCatalogIndex.Empty, assemblies, mayUseRefit: refit);
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly
                    && (declaring.Contains(assembly.Name) || assembly.ReferencesAny(declaring)))
                {
                    Collect(assembly.GlobalNamespace, targets, names, cancellationToken);
                }
            }

            return names;
        }

        private static void Collect(INamespaceOrTypeSymbol container, PublishTargets targets, HashSet<string> names, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in container.GetMembers())
            {
                switch (member)
                {
                    case INamespaceOrTypeSymbol nested:
                        Collect(nested, targets, names, cancellationToken);
                        break;
                    // An explicit implementation is called by the name of the interface member, itself here.
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary } method when !names.Contains(method.Name) && targets.Publishes(method):
                        names.Add(method.Name);
                        break;
                }
            }
        }

        private static EquatableArray<string> Sorted(IEnumerable<string> names)
            => names.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray();

        public bool Equals(ReferenceFacts? other)
            => other is not null && SinkNames == other.SinkNames && WriterNames == other.WriterNames && MayDeclarePublishers == other.MayDeclarePublishers;

        public override bool Equals(object? obj) => Equals(obj as ReferenceFacts);

        public override int GetHashCode() => unchecked((SinkNames.GetHashCode() * 31) + WriterNames.GetHashCode());
    }
}
