using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Presence.Compilations;

namespace Presence.Analyzers.Catalog
{
    /// <summary>
    /// The publish APIs of well-known SDKs, kept as data (Catalog/PublishApis.txt, embedded) in the spirit of
    /// BannedApiAnalyzers' lists: parsed once per process, indexed by (type name, member name).
    /// </summary>
    internal static class BuiltInCatalog
    {
        private static readonly Lazy<ApiCatalogIndex> LazyIndex = new Lazy<ApiCatalogIndex>(() => new ApiCatalogIndex(Parse(ReadResource("PublishApis.txt"))));

        public static ApiCatalogIndex Index => LazyIndex.Value;

        /// <summary>Parses the catalog format; a malformed line is a defect of the package and throws.</summary>
        public static ImmutableArray<CatalogEntry> Parse(string text)
        {
            var entries = ImmutableArray.CreateBuilder<CatalogEntry>();
            string? platform = null;
            string? assembly = null;
            var category = PublishCategory.Social;
            var lineNumber = 0;
            using var reader = new StringReader(text);
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                lineNumber++;
                var content = StripComment(line).Trim();
                if (content.Length == 0)
                {
                    continue;
                }

                if (TryDirective(content, "platform:", out var value))
                {
                    platform = value;
                }
                else if (TryDirective(content, "assembly:", out value))
                {
                    assembly = value;
                }
                else if (TryDirective(content, "category:", out value))
                {
                    category = value switch
                    {
                        "social" => PublishCategory.Social,
                        "email" => PublishCategory.Email,
                        "sms" => PublishCategory.Sms,
                        _ => throw Malformed(lineNumber, "unknown category '" + value + "'"),
                    };
                }
                else
                {
                    if (platform is null || assembly is null)
                    {
                        throw Malformed(lineNumber, "an entry before its platform: and assembly: directives");
                    }

                    entries.Add(ParseEntry(content, platform, category, assembly, lineNumber));
                }
            }

            return entries.ToImmutable();
        }

        private static CatalogEntry ParseEntry(string content, string platform, PublishCategory category, string assembly, int lineNumber)
        {
            string? note = null;
            var semicolon = content.IndexOf(';');
            if (semicolon >= 0)
            {
                note = content.Substring(semicolon + 1).Trim();
                content = content.Substring(0, semicolon).Trim();
            }

            string? receiver = null;
            var parts = content.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            for (var i = 1; i < parts.Length; i++)
            {
                if (!parts[i].StartsWith("receiver=", StringComparison.Ordinal))
                {
                    throw Malformed(lineNumber, "unexpected '" + parts[i] + "'");
                }

                receiver = parts[i].Substring("receiver=".Length);
            }

            var id = parts[0];
            var lastDot = id.LastIndexOf('.');
            if (!id.StartsWith("M:", StringComparison.Ordinal) || lastDot <= 2 || lastDot == id.Length - 1 || id.IndexOf('(') >= 0)
            {
                throw Malformed(lineNumber, "expected M:Namespace.Type.Member");
            }

            return new CatalogEntry(platform, category, assembly, id.Substring(2, lastDot - 2), id.Substring(lastDot + 1), receiver, string.IsNullOrEmpty(note) ? null : note, lineNumber);
        }

        private static string StripComment(string line)
        {
            var hash = line.IndexOf('#');
            return hash >= 0 ? line.Substring(0, hash) : line;
        }

        private static bool TryDirective(string content, string directive, out string value)
        {
            if (content.StartsWith(directive, StringComparison.Ordinal))
            {
                value = content.Substring(directive.Length).Trim();
                return true;
            }

            value = string.Empty;
            return false;
        }

        private static FormatException Malformed(int line, string problem)
            => new FormatException($"PublishApis.txt({line}): {problem}");

        internal static string ReadResource(string name)
        {
            var assembly = typeof(BuiltInCatalog).Assembly;
            using var stream = assembly.GetManifestResourceStream("Presence.Analyzers.Catalog." + name)
                               ?? throw new InvalidOperationException("Missing embedded resource " + name);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>Catalog entries indexed by (type name, member name): a call pays a dictionary lookup until a name pair matches.</summary>
    internal sealed class ApiCatalogIndex
    {
        private readonly Dictionary<(string Type, string Member), List<CatalogEntry>> _byName = new Dictionary<(string, string), List<CatalogEntry>>();
        private readonly HashSet<string> _members = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, PublishCategory> _categories = new Dictionary<string, PublishCategory>(StringComparer.Ordinal);
        private readonly Lazy<Dictionary<string, List<string>>> _unwordedTypes;

        public static readonly ApiCatalogIndex Empty = new ApiCatalogIndex(ImmutableArray<CatalogEntry>.Empty);

        public ApiCatalogIndex(ImmutableArray<CatalogEntry> entries)
        {
            _unwordedTypes = new Lazy<Dictionary<string, List<string>>>(UnwordedTypes);
            Entries = entries;
            Assemblies = entries.Select(e => e.Assembly).ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in entries)
            {
                _members.Add(entry.Member);
                if (!_categories.ContainsKey(entry.Platform))
                {
                    _categories[entry.Platform] = entry.Category;
                }

                var key = (entry.TypeKey, entry.Member);
                if (!_byName.TryGetValue(key, out var list))
                {
                    _byName[key] = list = new List<CatalogEntry>(1);
                }

                list.Add(entry);
            }
        }

        public ImmutableArray<CatalogEntry> Entries { get; }

        /// <summary>The category of a platform the catalog names (Email, SMS); social for any other.</summary>
        public PublishCategory CategoryOf(string platform)
            => _categories.TryGetValue(platform, out var category) ? category : PublishCategory.Social;

        public ImmutableHashSet<string> Assemblies { get; }

        /// <summary>This index, or an empty one when the compilation references none of the catalogued assemblies.</summary>
        public ApiCatalogIndex For(Microsoft.CodeAnalysis.Compilation compilation)
        {
            var references = ReferenceSet.Of(compilation);
            foreach (var assembly in Assemblies)
            {
                if (references.References(assembly))
                {
                    return this;
                }
            }

            return Empty;
        }

        /// <summary>
        /// True when the source or a reference may declare the type of an entry whose member has none of
        /// <see cref="HttpRequests.SendWords"/> in its name: a call of it could then be catalogued in a file that names
        /// none of them. The source by the type names it declares (simple names: a type of the same name counts, read once
        /// per set of files); the references by metadata name, once per set of them.
        /// </summary>
        public bool MayDeclareUnwordedType(Microsoft.CodeAnalysis.Compilation compilation)
        {
            var unworded = _unwordedTypes.Value;
            if (unworded.Count == 0)
            {
                return false;
            }

            foreach (var simpleName in unworded.Keys)
            {
                if (SourceDeclarations.DeclaresType(compilation, simpleName))
                {
                    return true;
                }
            }

            return ReferenceSet.Of(compilation).Derived(
                "ApiCatalogIndex.MayDeclareUnwordedType",
                () => new StrongBox<bool>(ReferencesDeclare(compilation, unworded))).Value;
        }

        private static bool ReferencesDeclare(Microsoft.CodeAnalysis.Compilation compilation, Dictionary<string, List<string>> unworded)
        {
            foreach (var pair in unworded)
            {
                if (!ReferenceSet.Of(compilation).Assemblies.Any(assembly => assembly.TypeNames.Contains(pair.Key)))
                {
                    continue;
                }

                foreach (var metadataName in pair.Value)
                {
                    foreach (var type in compilation.GetTypesByMetadataName(metadataName))
                    {
                        if (!SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        // The metadata names of the entries' types whose member has no send word, by their simple name without generic
        // arity (what an assembly's type names hold).
        private Dictionary<string, List<string>> UnwordedTypes()
        {
            var types = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var entry in Entries)
            {
                if (!HttpRequests.HasSendWord(entry.Member))
                {
                    var arity = entry.TypeKey.IndexOf('`');
                    var simple = arity < 0 ? entry.TypeKey : entry.TypeKey.Substring(0, arity);
                    if (!types.TryGetValue(simple, out var names))
                    {
                        types[simple] = names = new List<string>(1);
                    }

                    if (!names.Contains(entry.ContainingType))
                    {
                        names.Add(entry.ContainingType);
                    }
                }
            }

            return types;
        }

        /// <summary>Whether some entry is a member named <paramref name="member"/>, on any type.</summary>
        public bool NamesMember(string member) => _members.Contains(member);

        /// <summary>The entries for a member declared on <paramref name="declaringType"/> named <paramref name="member"/>.</summary>
        // Asked of every method a compilation calls, nearly all of which no entry names: a miss allocates nothing.
        public IEnumerable<CatalogEntry> Find(Microsoft.CodeAnalysis.INamedTypeSymbol declaringType, string member)
            => _byName.TryGetValue((declaringType.MetadataName, member), out var candidates)
                ? Declared(candidates, declaringType)
                : Array.Empty<CatalogEntry>();

        private static IEnumerable<CatalogEntry> Declared(List<CatalogEntry> candidates, Microsoft.CodeAnalysis.INamedTypeSymbol declaringType)
        {
            foreach (var entry in candidates)
            {
                if (MetadataNames.Is(declaringType, entry.ContainingType))
                {
                    yield return entry;
                }
            }
        }
    }
}
