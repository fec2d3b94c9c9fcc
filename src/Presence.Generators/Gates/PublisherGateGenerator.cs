using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Presence.Compilations;
using Presence.Gates;
using Presence.Incremental;

namespace Presence.Generators.Gates
{
    /// <summary>
    /// Generates the approval gate of each <c>[GeneratePublisherGate]</c> interface: a class whose methods mirror the
    /// interface's but take an <c>Approved&lt;T&gt;</c>, spend it with the ledger, and only then call the publisher.
    /// What it cannot gate it skips; the analyzers say so (PRES106).
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class PublisherGateGenerator : IIncrementalGenerator
    {
        /// <summary>The version written into [GeneratedCode].</summary>
        internal static readonly string Version = typeof(PublisherGateGenerator).Assembly.GetName().Version!.ToString(3);

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var gates = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    GateShape.AttributeMetadataName,
                    static (node, _) => node is InterfaceDeclarationSyntax,
                    static (attributed, cancellationToken) => GateModelBuilder.Build(attributed, cancellationToken))
                .WithTrackingName(TrackingNames.Gates)
                .Where(static gate => gate is not null)
                .Select(static (gate, _) => gate!)
                .WithTrackingName(TrackingNames.GeneratedGates);

            // Only a bool leaves the compilation, asked only where there is a gate to register and again only when the
            // references change (never after an edit of the source). It looks at the referenced assemblies only, on a
            // compilation of them without the source: asking the compilation for a type by name, or binding it to its
            // references, would build the declarations of every source file first, which made this step cost more than
            // the rest of the generator (a second on 3,000 files) in a compilation with no gate at all.
            var services = gates.Collect()
                .Select(static (generated, _) => !generated.IsEmpty)
                .Combine(context.CompilationProvider.Select(static (compilation, _) => ReferenceKey.Of(compilation)))
                .Select(static (input, _) => input.Left && ReferencesServiceCollection(input.Right.Compilation()))
                .WithTrackingName(TrackingNames.Services);

            context.RegisterSourceOutput(
                gates.Combine(services).WithTrackingName(TrackingNames.Output),
                static (output, gate) => output.AddSource(gate.Left.HintName, GateWriter.Write(gate.Left, gate.Right, Version)));
        }

        /// <summary>Whether a referenced Microsoft.Extensions.DependencyInjection assembly has what the generated registration calls.</summary>
        private static bool ReferencesServiceCollection(Compilation compilation)
        {
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly
                    && assembly.Name.StartsWith("Microsoft.Extensions.DependencyInjection", System.StringComparison.Ordinal)
                    && assembly.TypeNames.Contains("IServiceCollection")
                    && assembly.TypeNames.Contains("ServiceCollectionDescriptorExtensions"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The steps of the pipeline, named for incrementality tests.</summary>
        public static class TrackingNames
        {
            /// <summary>The model of each attributed interface (null where no gate is generated).</summary>
            public const string Gates = nameof(Gates);

            /// <summary>The models of the gates that are generated.</summary>
            public const string GeneratedGates = nameof(GeneratedGates);

            /// <summary>Whether Microsoft.Extensions.DependencyInjection.Abstractions is referenced.</summary>
            public const string Services = nameof(Services);

            /// <summary>Each gate with that answer: what the source output runs on.</summary>
            public const string Output = nameof(Output);
        }
    }
}
