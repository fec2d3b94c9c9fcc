using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Configuration;
using Presence.Analyzers.Model;

namespace Presence.Analyzers.Paths
{
    /// <summary>
    /// Where a library's base class posts when its subclass gives the URL (<c>protected abstract string WebhookUrl { get; }</c>,
    /// or a constructor parameter its subclass passes): read, for a concrete job of this compilation whose inherited entry
    /// point (the base's <c>ExecuteAsync</c>) the summary names, from that job's override or base constructor call.
    /// </summary>
    internal static class SubclassUrls
    {
        /// <summary>What the send of <paramref name="send"/> is for <paramref name="job"/>, or null when it reaches no publish (or the team).</summary>
        public static PublishTarget? Classify(PresenceModel model, System.Func<SyntaxTree, PresenceOptions> optionsOf, IMethodSymbol inherited, INamedTypeSymbol job, LibraryArgumentSend send, CancellationToken cancellationToken)
        {
            var urls = new List<UrlCandidate>();
            var found = false;
            foreach (var (value, givenBy) in Given(model.Compilation, job, send, cancellationToken))
            {
                found = true;
                if (model.Audience.IsInternalValue(value, givenBy))
                {
                    continue;
                }

                foreach (var candidate in UrlText.Candidates(value, model.Urls))
                {
                    urls.Add(candidate);
                }
            }

            if (!found)
            {
                // Given somewhere this compilation does not show (an intermediate base of another project): nobody knows.
                urls.Add(new UrlCandidate(RequestUrl.Unknown.ToString(), null));
            }
            else if (urls.Count == 0)
            {
                return null;
            }

            var target = HttpRequests.ClassifyUrls(inherited, send.Verb, urls, send.UrlAfterArgument, send.BodyShapes);
            var tree = job.DeclaringSyntaxReferences.Length > 0 ? job.DeclaringSyntaxReferences[0].SyntaxTree : null;
            var options = tree is null ? null : optionsOf(tree);
            return target is not null && (options is null || options.IsEnabled(target.Category, target.Platform)) ? target : null;
        }

        /// <summary>
        /// A send of this compilation read for <paramref name="job"/>: where its URL is an abstract property of a base class
        /// the job derives from, or a virtual one with a default, what the job's override (or the default it inherits)
        /// gives decides (Applies); else the send stays as it was.
        /// </summary>
        public static (bool Applies, PublishTarget? Target) ClassifyForJob(PresenceModel model, System.Func<SyntaxTree, PresenceOptions> optionsOf, SyntaxNode call, INamedTypeSymbol job, CancellationToken cancellationToken)
        {
            if (!model.Compilation.ContainsSyntaxTree(call.SyntaxTree)
                || model.Compilation.GetSemanticModel(call.SyntaxTree).GetOperation(call, cancellationToken) is not IInvocationOperation invocation)
            {
                return (false, null);
            }

            var outer = CallerBindings.StartShapes();
            var outerRead = CallerBindings.StartRecording();
            PublishTarget? read;
            List<(ISymbol Source, string Shape)> shapes;
            List<IParameterSymbol> consulted;
            try
            {
                read = CallerBindings.ReadForRuntimeType(job, () => model.Classify(invocation, optionsOf(call.SyntaxTree)));
            }
            finally
            {
                consulted = CallerBindings.StopRecording(outerRead);
                shapes = CallerBindings.StopShapes(outer);
            }

            // A URL property the base gives a default and the job may override: read for the job's own type, so its
            // override (or the default it inherits) decides, and an override marked [InternalAudience], or whose every
            // value is read from one, is the team's.
            foreach (var (source, shape) in shapes)
            {
                if (shape == "virtual" && source is IPropertySymbol property && UrlText.ImplementationFor(job, property) is { } own)
                {
                    // The team's only when every value it gives is (not one returned on one path and a public hook on another).
                    var values = UrlText.ValuesOf(own, model.Compilation);
                    return values.Count > 0 && values.TrueForAll(value => model.Audience.IsInternalValue(value, own)) ? (true, null) : (true, read);
                }
            }

            if (read is not { Kind: PublishKind.Unresolved, ArgumentUrl: { } url })
            {
                return (false, null);
            }

            foreach (var (source, shape) in shapes)
            {
                if (shape == "this" && source is IPropertySymbol property && Derives(job, property.ContainingType))
                {
                    var send = new LibraryArgumentSend(property.Name, -1, url.Verb, string.Empty, url.After, member: property.Name);
                    return (true, Classify(model, optionsOf, invocation.TargetMethod, job, send, cancellationToken));
                }
            }

            // A base class's constructor parameter (primary, or a field set from it): what the job's constructor passes
            // to it decides, as for a referenced base.
            foreach (var parameter in consulted)
            {
                if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                    && Derives(job, constructor.ContainingType)
                    && constructor.OriginalDefinition.GetDocumentationCommentId() is { } constructorId)
                {
                    var send = new LibraryArgumentSend(constructor.ContainingType.Name, parameter.Ordinal, url.Verb, string.Empty, url.After, constructorId: constructorId);
                    return (true, Classify(model, optionsOf, invocation.TargetMethod, job, send, cancellationToken));
                }
            }

            return (false, null);
        }

        private static bool Derives(INamedTypeSymbol job, INamedTypeSymbol container)
        {
            for (var type = job.BaseType; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, container.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        // The values the job (or a base of it in this compilation) gives: its override of the property, or the argument
        // its constructors pass to the library constructor's parameter; each with the member that gives it.
        private static IEnumerable<(IOperation Value, ISymbol? GivenBy)> Given(Compilation compilation, INamedTypeSymbol job, LibraryArgumentSend send, CancellationToken cancellationToken)
        {
            for (var type = job; type is not null && type.DeclaringSyntaxReferences.Length > 0; type = type.BaseType)
            {
                if (send.ConstructorId is null && send.Member is { } member)
                {
                    foreach (var candidate in type.GetMembers(member))
                    {
                        if (candidate is IPropertySymbol { IsOverride: true } property)
                        {
                            foreach (var value in UrlText.ValuesOf(property, compilation))
                            {
                                yield return (value, property);
                            }

                            yield break;
                        }
                    }

                    continue;
                }

                if (send.ConstructorId is { } constructorId)
                {
                    foreach (var given in GivenToConstructor(compilation, job, constructorId, send.Ordinal, 0, cancellationToken))
                    {
                        yield return given;
                    }
                }

                yield break;
            }
        }

        // The arguments the job's constructors, or its bases' in this compilation, pass to a base constructor's
        // parameter; an intermediate base that passes on a parameter of its own constructor is followed to what its
        // subclass gives (Regional(url) : Base(url), Europe() : Regional("https://…")).
        private static IEnumerable<(IOperation Value, ISymbol? GivenBy)> GivenToConstructor(Compilation compilation, INamedTypeSymbol job, string constructorId, int ordinal, int depth, CancellationToken cancellationToken)
        {
            for (var type = job; type is not null && type.DeclaringSyntaxReferences.Length > 0; type = type.BaseType)
            {
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    var model = compilation.GetSemanticModel(reference.SyntaxTree);
                    var declaration = reference.GetSyntax(cancellationToken);
                    foreach (var call in BaseCalls(declaration))
                    {
                        if (model.GetOperation(call, cancellationToken) is not IInvocationOperation { TargetMethod: { MethodKind: MethodKind.Constructor } constructor } invocation
                            || constructor.OriginalDefinition.GetDocumentationCommentId() != constructorId)
                        {
                            continue;
                        }

                        foreach (var argument in invocation.Arguments)
                        {
                            if (argument.Parameter?.Ordinal != ordinal || argument.ArgumentKind == ArgumentKind.DefaultValue)
                            {
                                continue;
                            }

                            var passedOn = false;
                            if (depth < MaxIntermediateBases
                                && !SymbolEqualityComparer.Default.Equals(type, job)
                                && UrlText.WithoutConversions(argument.Value) is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } own } parameter }
                                && SymbolEqualityComparer.Default.Equals(own.ContainingType, type)
                                && own.OriginalDefinition.GetDocumentationCommentId() is { } ownId)
                            {
                                foreach (var given in GivenToConstructor(compilation, job, ownId, parameter.Ordinal, depth + 1, cancellationToken))
                                {
                                    passedOn = true;
                                    yield return given;
                                }
                            }

                            if (!passedOn)
                            {
                                yield return (argument.Value, type);
                            }
                        }
                    }
                }
            }
        }

        private const int MaxIntermediateBases = 8;

        // The calls of a base constructor a type declaration makes: its primary constructor's base list, each
        // constructor's ": base(…)".
        private static IEnumerable<SyntaxNode> BaseCalls(SyntaxNode declaration)
        {
            if (declaration is not TypeDeclarationSyntax type)
            {
                yield break;
            }

            if (type.BaseList is { } bases)
            {
                foreach (var listed in bases.Types)
                {
                    if (listed is PrimaryConstructorBaseTypeSyntax primary)
                    {
                        yield return primary;
                    }
                }
            }

            foreach (var member in type.Members)
            {
                if (member is ConstructorDeclarationSyntax { Initializer: { } initializer } && initializer.ThisOrBaseKeyword.ValueText == "base")
                {
                    yield return initializer;
                }
            }
        }
    }
}
