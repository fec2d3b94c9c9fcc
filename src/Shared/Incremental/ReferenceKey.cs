using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Presence.Incremental
{
    /// <summary>
    /// What a generator step that reads only the references needs of a compilation: its assembly name, options and
    /// references, nothing of its source. Equal for two compilations that differ only by their source (an edit), so
    /// the pipeline does not run that step again; and <see cref="Compilation()"/> reads the references without the
    /// source (binding the source's compilation to its references would first ask every file for <c>#r</c>
    /// directives, building the declarations of every file). Directive references are left out: only scripts have
    /// them, and a script's assembly is never referenced by another project.
    /// </summary>
    internal sealed class ReferenceKey : IEquatable<ReferenceKey>
    {
        private readonly string? _assemblyName;
        private readonly CompilationOptions _options;
        private readonly ImmutableArray<MetadataReference> _references;

        private ReferenceKey(string? assemblyName, CompilationOptions options, ImmutableArray<MetadataReference> references)
        {
            _assemblyName = assemblyName;
            _options = options;
            _references = references;
        }

        public static ReferenceKey Of(Compilation compilation)
            => new ReferenceKey(compilation.AssemblyName, compilation.Options, compilation.ExternalReferences);

        /// <summary>A compilation of the references alone: binding it reads their metadata and no source.</summary>
        public Compilation Compilation()
            => CSharpCompilation.Create(_assemblyName, syntaxTrees: null, _references, _options as CSharpCompilationOptions);

        public bool Equals(ReferenceKey? other)
        {
            if (other is null || _assemblyName != other._assemblyName || _references.Length != other._references.Length
                || !(ReferenceEquals(_options, other._options) || _options.Equals(other._options)))
            {
                return false;
            }

            for (var i = 0; i < _references.Length; i++)
            {
                if (!_references[i].Equals(other._references[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as ReferenceKey);

        public override int GetHashCode() => unchecked(((_assemblyName?.GetHashCode() ?? 0) * 31) + _references.Length);
    }
}
