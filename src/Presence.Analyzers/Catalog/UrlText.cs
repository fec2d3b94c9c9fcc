using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Presence.Analyzers.Catalog
{
    /// <summary>One URL an expression may hold, and the configuration setting it came from, if any.</summary>
    internal readonly struct UrlCandidate
    {
        public UrlCandidate(string text, SettingOrigin? origin)
        {
            Text = text;
            Origin = origin;
        }

        /// <summary>The URL, where <see cref="RequestUrl.Unknown"/> marks parts computed at run time.</summary>
        public string Text { get; }

        public SettingOrigin? Origin { get; }
    }

    /// <summary>
    /// Reads the URL an expression holds, as far as the compiler can see it: literals, constants, interpolated and
    /// concatenated strings (run-time parts become <see cref="RequestUrl.Unknown"/>), <c>new Uri(...)</c> (also
    /// <c>new Uri(base, relative)</c>), what a <c>UriBuilder</c> builds, locals and readonly fields initialized with one of
    /// those, <c>??</c> fallbacks, either value of a conditional and any arm of a switch expression,
    /// and, given the compilation's <see cref="UrlSources"/>, values read from configuration.
    /// </summary>
    internal static class UrlText
    {
        private const int MaxDepth = 8;
        private const int MaxCandidates = 8;

        /// <summary>The first URL the expression may hold, without configuration.</summary>
        public static string Of(IOperation? operation) => Candidates(operation, null)[0].Text;

        /// <summary>Every URL the expression may hold (at least one; capped), each with where it came from.</summary>
        public static List<UrlCandidate> Candidates(IOperation? operation, UrlSources? sources)
            => Of(operation, sources, 0);

        private static List<UrlCandidate> Of(IOperation? operation, UrlSources? sources, int depth)
        {
            operation = WithoutConversions(operation);
            if (operation is null || depth > MaxDepth)
            {
                return One(Unknown);
            }

            if (operation.ConstantValue is { HasValue: true, Value: string constant })
            {
                return One(constant);
            }

            switch (operation)
            {
                case IInterpolatedStringOperation interpolated:
                    var parts = new List<UrlCandidate> { new UrlCandidate(string.Empty, null) };
                    foreach (var part in interpolated.Parts)
                    {
                        parts = Concatenate(parts, part switch
                        {
                            IInterpolatedStringTextOperation text => One(text.Text.ConstantValue.Value as string ?? Unknown),
                            IInterpolationOperation hole => AllStarted(parts) ? Part(hole.Expression, sources, depth + 1) : Of(hole.Expression, sources, depth + 1),
                            _ => One(Unknown),
                        });
                    }

                    return parts;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                    var head = Of(concatenation.LeftOperand, sources, depth + 1);
                    return Concatenate(head, AllStarted(head) ? Part(concatenation.RightOperand, sources, depth + 1) : Of(concatenation.RightOperand, sources, depth + 1));

                case ICoalesceOperation coalesce:
                    var either = Of(coalesce.Value, sources, depth + 1);
                    foreach (var fallback in Of(coalesce.WhenNull, sources, depth + 1))
                    {
                        if (either.Count < MaxCandidates)
                        {
                            either.Add(fallback);
                        }
                    }

                    return either;

                // beta ? "https://…/1/a" : "https://…/2/b", or a switch expression's arms: any of the values.
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return Union(Of(conditional.WhenTrue, sources, depth + 1), Of(whenFalse, sources, depth + 1));

                case ISwitchExpressionOperation choice when choice.Arms.Length > 0:
                    var arms = Of(choice.Arms[0].Value, sources, depth + 1);
                    for (var i = 1; i < choice.Arms.Length; i++)
                    {
                        arms = Union(arms, Of(choice.Arms[i].Value, sources, depth + 1));
                    }

                    return arms;

                // new UriBuilder(…) { Path = … }.Uri, or its text: the URL the builder puts together.
                case IPropertyReferenceOperation { Property.Name: "Uri", Instance: { } built } when IsUriBuilder(built.Type):
                    return Built(built, sources, depth + 1);

                case IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: { } built } when IsUriBuilder(built.Type):
                    return Built(built, sources, depth + 1);

                case IObjectCreationOperation { Type.Name: "Uri", Type.ContainingNamespace.Name: "System" } uri when uri.Arguments.Length > 0:
                    var first = Of(uri.Arguments[0].Value, sources, depth + 1);
                    if (uri.Arguments.Length > 1 && WithoutConversions(uri.Arguments[1].Value)?.Type?.SpecialType is SpecialType.System_String or null
                        && uri.Arguments[1].Parameter?.Type.SpecialType != SpecialType.System_Boolean
                        && uri.Arguments[1].Parameter?.Type.TypeKind != TypeKind.Enum)
                    {
                        // new Uri(baseUri, "relative"): combined the way Uri combines them.
                        var combined = new List<UrlCandidate>();
                        foreach (var relative in Of(uri.Arguments[1].Value, sources, depth + 1))
                        {
                            foreach (var baseUrl in first)
                            {
                                if (combined.Count < MaxCandidates)
                                {
                                    combined.Add(new UrlCandidate(RequestUrl.Combine(baseUrl.Text, relative.Text), baseUrl.Origin ?? relative.Origin));
                                }
                            }
                        }

                        return combined;
                    }

                    return first;

                // foreach (var url in options.Value.WebhookUrls): any element of the list.
                case ILocalReferenceOperation local when sources is not null && ForEachCollection(local.Local, operation.SemanticModel) is { } collection:
                    return sources.Elements(collection, depth) ?? PassedElements(collection, sources, depth) ?? One(Unknown);

                case ILocalReferenceOperation local:
                    return Of(Initializer(local.Local, operation.SemanticModel), sources, depth + 1);

                case IFieldReferenceOperation { Field.IsReadOnly: true } field when Initializer(field.Field, operation.SemanticModel) is { } initializer:
                    return Of(initializer, sources, depth + 1);

                // A shared constant, also kept in another file: public static readonly string DiscordWebhook = "https://…".
                case IFieldReferenceOperation { Field: { IsReadOnly: true, IsStatic: true } sharedField } when StaticInitializer(sharedField, operation.SemanticModel) is { } shared:
                    return Of(shared, sources, depth + 1);

                case IPropertyReferenceOperation { Property: { IsStatic: true, IsIndexer: false, SetMethod: null } sharedProperty } when StaticInitializer(sharedProperty, operation.SemanticModel) is { } sharedValue:
                    return Of(sharedValue, sources, depth + 1);

                // A readonly field or get-only property set in the type's constructors or initializer: every value it is given.
                case IFieldReferenceOperation { Field: { IsReadOnly: true } readonlyField }:
                    return AssignedValues(readonlyField, operation.SemanticModel, sources, depth) ?? One(Unknown);

                // target.Url, where target is a parameter: the member of what each call passes (a new T(…), a local set to one).
                case IMemberReferenceOperation { Instance: { } instance } member
                    when member is IPropertyReferenceOperation { Property.IsIndexer: false } or IFieldReferenceOperation && sources is not null
                         && WithoutConversions(instance) is IParameterReferenceOperation { Parameter: var holder }
                         && MemberOfPassed(holder, member.Member.Name, sources, depth) is { } passedMember:
                    return passedMember;

                // A property this type leaves to its subclasses (protected abstract string WebhookUrl { get; }): each
                // subclass gives its own, which only a compilation that sees the subclass can read.
                case IPropertyReferenceOperation { Instance: IInstanceReferenceOperation, Property: { IsAbstract: true, IsIndexer: false } abstractProperty }:
                    CallerBindings.NoteShape(abstractProperty.OriginalDefinition, "this");
                    return One(Unknown);

                // A URL property its subclasses may override, with a default (protected virtual string Endpoint => "https://…"):
                // read on this object, which may be of any subclass, it holds the default or any override this compilation
                // declares, but one marked [InternalAudience] (the team's).
                case IPropertyReferenceOperation { Instance: IInstanceReferenceOperation self, Property: { IsIndexer: false, SetMethod: null } overridable }
                    when IsOverridable(overridable) && operation.SemanticModel is { } semanticModel
                         && ValuesOf(overridable, semanticModel.Compilation) is { Count: > 0 } defaults:
                    // base.Endpoint (in an override) is the base's own value; read for a job of a known type, that type's.
                    CallerBindings.NoteShape(overridable.OriginalDefinition, "virtual");
                    if (self.Syntax is BaseExpressionSyntax)
                    {
                        return Overridden(overridable, defaults, sources, false, depth);
                    }

                    if (CallerBindings.RuntimeType is { } runtime && ImplementationFor(runtime, overridable) is { } own)
                    {
                        return SymbolEqualityComparer.Default.Equals(own, overridable)
                            ? Overridden(overridable, defaults, sources, false, depth)
                            : Overridden(own, ValuesOf(own, semanticModel.Compilation), sources, false, depth);
                    }

                    return Overridden(overridable, defaults, sources, true, depth);

                // A positional record's property is its primary constructor's parameter: what each new T(…) passes.
                case IPropertyReferenceOperation { Property: { IsIndexer: false } positional } when sources is not null && PositionalParameter(positional) is { } recordParameter:
                    return sources.Arguments.Of(recordParameter, depth, MaxCandidates) is { } given ? new List<UrlCandidate>(given) : One(Unknown);

                case IPropertyReferenceOperation { Property: { IsIndexer: false, SetMethod: null } property }
                    when property.DeclaringSyntaxReferences.Length > 0 && AssignedValues(property, operation.SemanticModel, sources, depth) is { } assigned:
                    return assigned;

                // An init-only property's initializer is a default the configuration binder replaces (an options class's
                // WebhookUrl { get; init; } = ""): a setting it is bound from comes first.
                case IPropertyReferenceOperation { Property: { IsIndexer: false, SetMethod.IsInitOnly: true } initOnly } when initOnly.DeclaringSyntaxReferences.Length > 0:
                    var fromSettings = sources?.Read(operation, depth);
                    if (fromSettings is not null && fromSettings.Exists(candidate => candidate.Origin is not null))
                    {
                        return fromSettings;
                    }

                    return AssignedValues(initOnly, operation.SemanticModel, sources, depth) ?? fromSettings ?? One(Unknown);

                // A parameter read for one call site: what that call site passes.
                case IParameterReferenceOperation parameter when CallerBindings.ArgumentFor(parameter.Parameter) is { } bound:
                    return Of(bound, sources, depth + 1);

                // A parameter a caller in another assembly gives: nothing here says what.
                case IParameterReferenceOperation parameter when CallerBindings.FromOutside(parameter.Parameter):
                    CallerBindings.NoteRead(parameter.Parameter);
                    return One(Unknown);

                // A parameter: what the call sites in this compilation pass to it.
                case IParameterReferenceOperation parameter when sources is not null:
                    CallerBindings.NoteRead(parameter.Parameter);
                    return sources.Arguments.Of(parameter.Parameter, depth, MaxCandidates) is { } passed ? new List<UrlCandidate>(passed) : One(Unknown);

                default:
                    return sources?.Read(operation, depth) ?? One(Unknown);
            }
        }

        private static IParameterSymbol? PositionalParameter(IPropertySymbol property)
        {
            if (!property.ContainingType.IsRecord || property.DeclaringSyntaxReferences.Length != 1
                || property.DeclaringSyntaxReferences[0].GetSyntax() is not ParameterSyntax declared)
            {
                return null;
            }

            foreach (var constructor in property.ContainingType.InstanceConstructors)
            {
                foreach (var parameter in constructor.Parameters)
                {
                    if (parameter.DeclaringSyntaxReferences.Length == 1 && parameter.DeclaringSyntaxReferences[0].GetSyntax() == declared)
                    {
                        return parameter;
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The property an object of type <paramref name="runtime"/> reads for <paramref name="property"/>: the nearest
        /// override in its type or a base of it, else <paramref name="property"/> itself; null when the type does not
        /// derive from the property's.
        /// </summary>
        public static IPropertySymbol? ImplementationFor(INamedTypeSymbol runtime, IPropertySymbol property)
        {
            var declaring = property.ContainingType.OriginalDefinition;
            for (INamedTypeSymbol? type = runtime; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, declaring))
                {
                    return property;
                }

                foreach (var member in type.GetMembers(property.Name))
                {
                    for (var overridden = member as IPropertySymbol; overridden is { IsOverride: true }; overridden = overridden.OverriddenProperty)
                    {
                        if (SymbolEqualityComparer.Default.Equals(overridden.OverriddenProperty?.OriginalDefinition, property.OriginalDefinition))
                        {
                            return (IPropertySymbol)member;
                        }
                    }
                }
            }

            return null;
        }

        private static bool IsOverridable(IPropertySymbol property)
            => (property.IsVirtual || property.IsOverride) && !property.IsSealed && property.ContainingType is { IsSealed: false, TypeKind: TypeKind.Class };

        // The default of an overridable property and the value of each override of it, as URLs.
        // The overrides are read where the object may be of a subclass (not for base.Endpoint).
        private static List<UrlCandidate> Overridden(IPropertySymbol property, List<IOperation> defaults, UrlSources? sources, bool readOverrides, int depth)
        {
            var candidates = new List<UrlCandidate>();
            foreach (var value in defaults)
            {
                Union(candidates, Of(value, sources, depth + 1));
            }

            if (sources is null || !readOverrides)
            {
                return candidates;
            }

            foreach (var @override in sources.Overrides.Of(property))
            {
                if (candidates.Count >= MaxCandidates)
                {
                    break;
                }

                if (MarkedInternal(@override))
                {
                    continue;
                }

                var values = ValuesOf(@override, sources.Overrides.Compilation);
                if (values.Count == 0)
                {
                    // An override whose value is computed otherwise (a setter, a method of the subclass): unknown.
                    Union(candidates, One(Unknown));
                }

                foreach (var value in values)
                {
                    Union(candidates, Of(value, sources, depth + 1));
                }
            }

            return candidates;
        }

        private static bool MarkedInternal(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "InternalAudienceAttribute", ContainingNamespace: { Name: "Presence", ContainingNamespace.IsGlobalNamespace: true } })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The values a property declared in this compilation gives: what its getter returns (an expression body, the
        /// getter's expression or return statements), its initializer, and what its type's constructors assign it.
        /// </summary>
        public static List<IOperation> ValuesOf(IPropertySymbol property, Compilation compilation)
        {
            var values = new List<IOperation>();
            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (!compilation.ContainsSyntaxTree(reference.SyntaxTree))
                {
                    continue;
                }

                var model = compilation.GetSemanticModel(reference.SyntaxTree);
                foreach (var returned in Returned(reference.GetSyntax()))
                {
                    if (model.GetOperation(WithoutSuppression(returned)) is { } value)
                    {
                        values.Add(value);
                    }
                }

                if (AssignedOperations(property, model) is { } assigned)
                {
                    values.AddRange(assigned);
                }
            }

            return values;
        }

        // What a property's getter returns: its expression body, or the getter's expression or return statements.
        private static IEnumerable<ExpressionSyntax> Returned(SyntaxNode declaration)
        {
            if (declaration is not PropertyDeclarationSyntax property)
            {
                yield break;
            }

            if (property.ExpressionBody is { } arrow)
            {
                yield return arrow.Expression;
                yield break;
            }

            foreach (var accessor in property.AccessorList?.Accessors ?? default)
            {
                if (!accessor.Keyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.GetKeyword))
                {
                    continue;
                }

                if (accessor.ExpressionBody is { } getterArrow)
                {
                    yield return getterArrow.Expression;
                }

                foreach (var statement in accessor.Body?.DescendantNodes() ?? Enumerable.Empty<SyntaxNode>())
                {
                    if (statement is ReturnStatementSyntax { Expression: { } returned })
                    {
                        yield return returned;
                    }
                }
            }
        }

        // The values a member is given by its initializer and by the constructors of its type, in this syntax tree.
        private static List<UrlCandidate>? AssignedValues(ISymbol member, SemanticModel? model, UrlSources? sources, int depth)
        {
            if (AssignedOperations(member, model) is not { } values)
            {
                return null;
            }

            var candidates = new List<UrlCandidate>();
            foreach (var value in values)
            {
                foreach (var candidate in Of(value, sources, depth + 1))
                {
                    if (candidates.Count < MaxCandidates)
                    {
                        candidates.Add(candidate);
                    }
                }
            }

            return candidates;
        }

        /// <summary>
        /// The values a field or property is given by its initializer and by the constructors of its type, read in
        /// <paramref name="model"/>'s syntax tree, or null when there are none.
        /// </summary>
        public static List<IOperation>? AssignedOperations(ISymbol member, SemanticModel? model)
        {
            if (model is null || member.ContainingType is null)
            {
                return null;
            }

            var values = new List<IOperation>();
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != model.SyntaxTree)
                {
                    continue;
                }

                var initializer = reference.GetSyntax() switch
                {
                    PropertyDeclarationSyntax { Initializer.Value: { } propertyValue } => propertyValue,
                    VariableDeclaratorSyntax { Initializer.Value: { } fieldValue } => fieldValue,
                    _ => null,
                };

                if (initializer is not null && model.GetOperation(WithoutSuppression(initializer)) is { } initialValue)
                {
                    values.Add(initialValue);
                }
            }

            foreach (var type in member.ContainingType.DeclaringSyntaxReferences)
            {
                if (type.SyntaxTree != model.SyntaxTree)
                {
                    continue;
                }

                foreach (var constructor in type.GetSyntax().ChildNodes().OfType<ConstructorDeclarationSyntax>())
                {
                    foreach (var assignment in constructor.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                    {
                        var name = assignment.Left switch
                        {
                            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText,
                            _ => null,
                        };

                        if (name == member.Name && model.GetOperation(WithoutSuppression(assignment.Right)) is { } assigned)
                        {
                            values.Add(assigned);
                        }
                    }
                }
            }

            return values.Count == 0 ? null : values;
        }

        // config["A"]! has no operation of its own: the operand is the value.
        public static ExpressionSyntax WithoutSuppression(ExpressionSyntax expression)
        {
            while (expression is PostfixUnaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.SuppressNullableWarningExpression } suppressed)
            {
                expression = suppressed.Operand;
            }

            return expression;
        }

        internal static List<UrlCandidate> One(string text) => new List<UrlCandidate> { new UrlCandidate(text, null) };

        private static List<UrlCandidate> Union(List<UrlCandidate> left, List<UrlCandidate> right)
        {
            foreach (var candidate in right)
            {
                if (left.Count < MaxCandidates)
                {
                    left.Add(candidate);
                }
            }

            return left;
        }

        private static bool IsUriBuilder(ITypeSymbol? type) => type is { Name: "UriBuilder", ContainingNamespace.Name: "System" };

        // The URL a UriBuilder puts together: the URL it starts from (new UriBuilder(url)) or its scheme, host and path
        // (new UriBuilder("https", "hooks.slack.com", -1, "/services/…")), then the scheme, host and path its initializer
        // sets. Where the builder is changed afterwards is not followed; a query does not change where a request goes.
        private static List<UrlCandidate> Built(IOperation builder, UrlSources? sources, int depth)
        {
            var operation = WithoutConversions(builder);
            if (operation is ILocalReferenceOperation local)
            {
                operation = WithoutConversions(Initializer(local.Local, operation.SemanticModel));
            }

            if (operation is not IObjectCreationOperation creation || !IsUriBuilder(creation.Type) || depth > MaxDepth)
            {
                return One(Unknown);
            }

            IOperation? scheme = null, host = null, path = null;
            List<UrlCandidate>? start = null;
            foreach (var argument in creation.Arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "uri":
                        start = Of(argument.Value, sources, depth + 1);
                        break;
                    case "schemeName":
                        scheme = argument.Value;
                        break;
                    case "hostName":
                        host = argument.Value;
                        break;
                    case "pathValue":
                        path = argument.Value;
                        break;
                }
            }

            if (creation.Initializer is { } initializer)
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: var name } } set)
                    {
                        switch (name)
                        {
                            case "Scheme":
                                scheme = set.Value;
                                break;
                            case "Host":
                                host = set.Value;
                                break;
                            case "Path":
                                path = set.Value;
                                break;
                        }
                    }
                }
            }

            // new UriBuilder() is http://localhost/, which the scheme and host given replace.
            start ??= One("http://localhost");
            var built = new List<UrlCandidate>();
            foreach (var candidate in start)
            {
                var (startScheme, startHost, startPath) = Split(candidate.Text);
                foreach (var withScheme in scheme is null ? One(startScheme ?? "https") : Of(scheme, sources, depth + 1))
                {
                    foreach (var withHost in host is null ? One(startHost ?? Unknown) : Part(host, sources, depth + 1))
                    {
                        foreach (var withPath in path is null ? One(startPath) : Part(path, sources, depth + 1))
                        {
                            if (built.Count < MaxCandidates)
                            {
                                var rest = withPath.Text.Length == 0 || withPath.Text[0] == '/' ? withPath.Text : "/" + withPath.Text;
                                // A URL the code does not show (a setting without a value): the builder changes only its path.
                                var text = startHost is null && host is null && scheme is null
                                    ? (path is null ? candidate.Text : Unknown + rest)
                                    : withScheme.Text + "://" + withHost.Text + rest;
                                built.Add(new UrlCandidate(text, candidate.Origin ?? withHost.Origin ?? withPath.Origin));
                            }
                        }
                    }
                }
            }

            return built;
        }

        private static readonly char[] PathStarts = { '/', '?', '#' };
        private static readonly char[] QueryStarts = { '?', '#' };

        // A URL's scheme, host (with its port) and path; null for a part the text does not show.
        private static (string? Scheme, string? Host, string Path) Split(string text)
        {
            var separator = text.IndexOf("://", System.StringComparison.Ordinal);
            if (separator < 0)
            {
                return (null, null, string.Empty);
            }

            var pathStart = text.IndexOfAny(PathStarts, separator + 3);
            var path = pathStart < 0 ? string.Empty : text.Substring(pathStart);
            var query = path.IndexOfAny(QueryStarts);
            return (text.Substring(0, separator), pathStart < 0 ? text.Substring(separator + 3) : text.Substring(separator + 3, pathStart - separator - 3), query < 0 ? path : path.Substring(0, query));
        }

        internal static List<UrlCandidate> Read(IOperation? operation, UrlSources sources, int depth) => Of(operation, sources, depth + 1);

        // A value read after the URL has begun (a host, a bot token in the path): a setting gives it as it is, not as a
        // URL of its own.
        private static List<UrlCandidate> Part(IOperation? operation, UrlSources? sources, int depth)
        {
            var value = WithoutConversions(operation);
            if (value is ILocalReferenceOperation local)
            {
                value = WithoutConversions(Initializer(local.Local, value.SemanticModel));
            }

            return value is not null && depth <= MaxDepth && sources?.Read(value, depth, part: true) is { } configured ? configured : Of(operation, sources, depth);
        }

        // Every text read so far has begun: what follows is a part of a URL.
        private static bool AllStarted(List<UrlCandidate> heads)
        {
            foreach (var head in heads)
            {
                if (head.Text.Length == 0)
                {
                    return false;
                }
            }

            return heads.Count > 0;
        }

        // After a scheme and host, a setting read into the path is not where the URL came from.
        private static bool HasHost(string text)
        {
            var separator = text.IndexOf("://", System.StringComparison.Ordinal);
            return separator > 0 && text.Length > separator + 3;
        }

        private static List<UrlCandidate> Concatenate(List<UrlCandidate> left, List<UrlCandidate> right)
        {
            var result = new List<UrlCandidate>(left.Count * right.Count);
            foreach (var head in left)
            {
                foreach (var tail in right)
                {
                    if (result.Count < MaxCandidates)
                    {
                        result.Add(new UrlCandidate(head.Text + tail.Text, head.Origin ?? (HasHost(head.Text) ? null : tail.Origin)));
                    }
                }
            }

            return result;
        }

        public static IOperation? WithoutConversions(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>The expression a local or field is initialized with, read in the same syntax tree.</summary>
        public static IOperation? Initializer(ISymbol symbol, SemanticModel? model)
        {
            if (model is null || symbol.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var reference = symbol.DeclaringSyntaxReferences[0];
            if (reference.SyntaxTree != model.SyntaxTree
                || reference.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value })
            {
                return null;
            }

            return model.GetOperation(WithoutSuppression(value));
        }

        /// <summary>The collection a foreach loop's iteration variable walks, in the same syntax tree, or null.</summary>
        // foreach (var url in urls) over a parameter (params string[] urls, IEnumerable<string> urls): the elements of
        // the arrays and collection expressions its callers pass (for one call site, that call's), each read as a URL.
        private static List<UrlCandidate>? PassedElements(IOperation collection, UrlSources sources, int depth)
        {
            if (WithoutConversions(collection) is not IParameterReferenceOperation { Parameter: var parameter })
            {
                return null;
            }

            List<IOperation>? passed;
            if (CallerBindings.ArgumentFor(parameter) is { } bound)
            {
                passed = new List<IOperation> { bound };
            }
            else
            {
                CallerBindings.NoteRead(parameter);
                CallerBindings.NoteShape(parameter, "[]");
                if (CallerBindings.FromOutside(parameter))
                {
                    return One(Unknown);
                }

                passed = sources.Arguments.ArgumentsOf(parameter);
            }

            List<UrlCandidate>? candidates = null;
            foreach (var argument in passed ?? new List<IOperation>())
            {
                AddCapped(ref candidates, ElementsOf(argument, sources, depth + 1));
            }

            return candidates;
        }

        /// <summary>
        /// The URLs the elements of a list hold: an array or a collection expression written in place, a local set to
        /// one, or a parameter, which its callers' arguments decide; anything else holds what nothing here says.
        /// </summary>
        public static List<UrlCandidate> ElementsOf(IOperation? list, UrlSources sources, int depth = 0)
        {
            list = WithoutConversions(list);
            if (depth > MaxDepth)
            {
                return One(Unknown);
            }

            var elements = list switch
            {
                IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
                ICollectionExpressionOperation expression => expression.Elements,
                _ => default,
            };
            if (!elements.IsDefault)
            {
                List<UrlCandidate>? candidates = null;
                foreach (var element in elements)
                {
                    AddCapped(ref candidates, Of(element, sources, depth + 1));
                }

                return candidates ?? One(Unknown);
            }

            return list switch
            {
                ILocalReferenceOperation local => ElementsOf(Initializer(local.Local, list.SemanticModel), sources, depth + 1),
                IParameterReferenceOperation => PassedElements(list, sources, depth) ?? One(Unknown),
                _ => One(Unknown),
            };
        }

        // What member name of target is, where target is a parameter: the member of each argument passed to it (for one
        // call site, that call's). Null where no call site is known (the reading goes on as for any member).
        private static List<UrlCandidate>? MemberOfPassed(IParameterSymbol parameter, string name, UrlSources sources, int depth)
        {
            if (CallerBindings.ArgumentFor(parameter) is { } bound)
            {
                return MemberOrNull(bound, name, sources, depth + 1);
            }

            if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction })
            {
                return null;
            }

            if (CallerBindings.FromOutside(parameter))
            {
                CallerBindings.NoteRead(parameter);
                CallerBindings.NoteShape(parameter, "." + name);
                return One(Unknown);
            }

            if (sources.Arguments.ArgumentsOf(parameter) is not { Count: > 0 } passed)
            {
                // No call site here (a library's public method): the path summary says its callers decide.
                CallerBindings.NoteShape(parameter, "." + name);
                return null;
            }

            List<UrlCandidate>? candidates = null;
            foreach (var argument in passed)
            {
                // An argument of another kind (an options value, a property): the member is read as any other.
                if (MemberOrNull(argument, name, sources, depth + 1) is not { } member)
                {
                    return null;
                }

                AddCapped(ref candidates, member);
            }

            CallerBindings.NoteRead(parameter);
            CallerBindings.NoteShape(parameter, "." + name);
            return candidates;
        }

        /// <summary>
        /// The URLs member <paramref name="name"/> of an object holds: what its <c>new T(…)</c> passes to the constructor
        /// parameter of that name (a positional record's), or sets in its initializer; through a local set to one, or a
        /// parameter, which its callers' arguments decide.
        /// </summary>
        public static List<UrlCandidate> MemberOf(IOperation? value, string name, UrlSources sources)
            => MemberOrNull(value, name, sources, 0) ?? One(Unknown);

        private static List<UrlCandidate>? MemberOrNull(IOperation? value, string name, UrlSources sources, int depth)
        {
            value = WithoutConversions(value);
            if (depth > MaxDepth)
            {
                return One(Unknown);
            }

            switch (value)
            {
                case ILocalReferenceOperation local:
                    return MemberOrNull(Initializer(local.Local, value.SemanticModel), name, sources, depth + 1);

                case IParameterReferenceOperation parameter:
                    return MemberOfPassed(parameter.Parameter, name, sources, depth) ?? One(Unknown);

                case IObjectCreationOperation creation:
                    if (creation.Initializer is { } initializer)
                    {
                        foreach (var assignment in initializer.Initializers)
                        {
                            if (assignment is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } set && target.Member.Name == name)
                            {
                                return Of(set.Value, sources, depth + 1);
                            }
                        }
                    }

                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is { } parameter
                            && string.Equals(parameter.Name, name, System.StringComparison.OrdinalIgnoreCase))
                        {
                            return Of(argument.Value, sources, depth + 1);
                        }
                    }

                    return One(Unknown);

                default:
                    return null;
            }
        }

        private static void AddCapped(ref List<UrlCandidate>? candidates, List<UrlCandidate> more)
        {
            foreach (var candidate in more)
            {
                if ((candidates ??= new List<UrlCandidate>()).Count < MaxCandidates)
                {
                    candidates.Add(candidate);
                }
            }
        }

        public static IOperation? ForEachCollection(ILocalSymbol local, SemanticModel? model)
        {
            if (model is null || local.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var reference = local.DeclaringSyntaxReferences[0];
            return reference.SyntaxTree == model.SyntaxTree && reference.GetSyntax() is ForEachStatementSyntax loop
                ? model.GetOperation(WithoutSuppression(loop.Expression))
                : null;
        }

        // The initializer (or expression body) of a static readonly field or get-only static property, also declared in
        // another file (a Constants class): bound in that file's model, which only a request's URL asks for.
        private static IOperation? StaticInitializer(ISymbol member, SemanticModel? model)
        {
            if (model is null || member.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var reference = member.DeclaringSyntaxReferences[0];
            if (!model.Compilation.ContainsSyntaxTree(reference.SyntaxTree))
            {
                return null;
            }

            var value = reference.GetSyntax() switch
            {
                VariableDeclaratorSyntax { Initializer.Value: { } fieldValue } => fieldValue,
                PropertyDeclarationSyntax { Initializer.Value: { } propertyValue } => propertyValue,
                PropertyDeclarationSyntax { ExpressionBody.Expression: { } body } => body,
                _ => null,
            };

#pragma warning disable RS1030 // Only a static member a request's URL is read from, declared in another file.
            return value is null ? null
                : (reference.SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(reference.SyntaxTree)).GetOperation(WithoutSuppression(value));
#pragma warning restore RS1030
        }

        private static string Unknown => RequestUrl.Unknown.ToString();
    }
}
