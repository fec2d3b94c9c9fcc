using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Presence.Analyzers.Rules;

namespace Presence.Benchmarks;

/// <summary>The analyzers measured side by side: the floor, BannedApiAnalyzers, and every Presence analyzer.</summary>
internal static class AnalyzerSets
{
    public const string BannedApiVersion = "5.6.0";

    /// <summary>Every [DiagnosticAnalyzer] of the Presence.Analyzers assembly, as the compiler would load them.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Presence() => Instantiate(typeof(UnconfirmedPublishAnalyzer).Assembly);

    public static ImmutableArray<DiagnosticAnalyzer> Floor() => ImmutableArray.Create<DiagnosticAnalyzer>(new FloorAnalyzer());

    public static ImmutableArray<DiagnosticAnalyzer> Empty() => ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());

    /// <summary>Every incremental generator of the package's assemblies (the gate generator, and any other that lands there).</summary>
    public static ImmutableArray<IIncrementalGenerator> Generators()
        => GeneratorsIn(typeof(Presence.Generators.Gates.PublisherGateGenerator).Assembly, typeof(UnconfirmedPublishAnalyzer).Assembly);

    /// <summary>
    /// The analyzers and generators of another build of the package (its Presence.Analyzers.dll and
    /// Presence.Generators.dll in <paramref name="folder"/>), loaded beside this one in a context of their own: both run
    /// in the same process, on the same compilations, against the same compiler (--compare).
    /// </summary>
    public static (ImmutableArray<DiagnosticAnalyzer> Analyzers, ImmutableArray<IIncrementalGenerator> Generators) OtherBuild(string folder)
    {
        var context = new OtherBuildContext(Path.GetFullPath(folder));
        var analyzers = context.LoadFromAssemblyName(new AssemblyName("Presence.Analyzers"));
        var generators = context.LoadFromAssemblyName(new AssemblyName("Presence.Generators"));
        return (Instantiate(analyzers), GeneratorsIn(generators, analyzers));
    }

    // The package's own assemblies from the folder; the compiler and the framework from the process, whose types both
    // builds must share.
    private sealed class OtherBuildContext(string folder) : System.Runtime.Loader.AssemblyLoadContext("Presence, compared build")
    {
        protected override Assembly? Load(AssemblyName name)
            => name.Name is { } simple && simple.StartsWith("Presence.", StringComparison.Ordinal) && File.Exists(Path.Combine(folder, simple + ".dll"))
                ? LoadFromAssemblyPath(Path.Combine(folder, simple + ".dll"))
                : null;
    }

    private static ImmutableArray<IIncrementalGenerator> GeneratorsIn(params Assembly[] assemblies)
        => assemblies
            .SelectMany(LoadableTypes)
            .Where(type => !type.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(type)
                           && type.GetCustomAttributes<GeneratorAttribute>().Any())
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (IIncrementalGenerator)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    /// <summary>The C# analyzers of the BannedApiAnalyzers package, loaded from its analyzers/dotnet/cs folder.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> BannedApi()
    {
        var root = typeof(AnalyzerSets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
        var folder = Path.Combine(root, "microsoft.codeanalysis.bannedapianalyzers", BannedApiVersion, "analyzers", "dotnet", "cs");
        return Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal)
            .SelectMany(path => Instantiate(Assembly.LoadFrom(path)))
            .ToImmutableArray();
    }

    private static ImmutableArray<DiagnosticAnalyzer> Instantiate(Assembly assembly)
        => LoadableTypes(assembly)
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                           && type.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    // The package's code fixes need Workspaces, which a compiler does not load either: skip the types that do not load.
    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.Where(type => type is not null)!;
        }
    }

    /// <summary>
    /// A BannedSymbols.txt of the same publish APIs Presence knows in this compilation: every overload of each
    /// catalogued SDK method that resolves, the team's [PublishesContent] interface, and HttpClient's sending methods
    /// (BannedApiAnalyzers cannot tell a publish endpoint from any other URL, so a team would ban them all).
    /// </summary>
    public static AdditionalText BannedSymbols(Compilation compilation)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (type, member) in CataloguedMembers()
                     .Append(("Marketing.Publishing.IMastodonPublisher", "PublishStatusAsync"))
                     .Concat(new[] { "PostAsync", "PutAsync", "PatchAsync", "SendAsync" }.Select(m => ("System.Net.Http.HttpClient", m))))
        {
            foreach (var method in compilation.GetTypeByMetadataName(type)?.GetMembers(member).OfType<IMethodSymbol>() ?? Enumerable.Empty<IMethodSymbol>())
            {
                if (DocumentationCommentId.CreateDeclarationId(method) is { } id)
                {
                    lines.Add(id + ";publishes content");
                }
            }
        }

        return new InMemoryText("BannedSymbols.txt", string.Join("\n", lines) + "\n");
    }

    // The M: rows of the built-in catalog, read from the analyzer assembly's embedded resource.
    private static IEnumerable<(string Type, string Member)> CataloguedMembers()
    {
        using var stream = typeof(UnconfirmedPublishAnalyzer).Assembly.GetManifestResourceStream("Presence.Analyzers.Catalog.PublishApis.txt")
                           ?? throw new InvalidOperationException("The catalog resource is missing.");
        using var reader = new StreamReader(stream);
        var result = new List<(string, string)>();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var id = line.Split('#', ';')[0].Trim().Split(' ', '\t')[0];
            var lastDot = id.LastIndexOf('.');
            if (id.StartsWith("M:", StringComparison.Ordinal) && lastDot > 2)
            {
                result.Add((id[2..lastDot], id[(lastDot + 1)..]));
            }
        }

        return result;
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
