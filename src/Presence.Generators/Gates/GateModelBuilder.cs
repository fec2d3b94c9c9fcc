using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Presence.Gates;
using Presence.Incremental;
using Presence.Generators.Models;

namespace Presence.Generators.Gates
{
    /// <summary>
    /// Turns the <see cref="GatePlan"/> of one interface into a <see cref="GateModel"/>: every name chosen, every type
    /// rendered fully qualified, every doc comment written. Runs in the transform of the pipeline; nothing after it
    /// sees a symbol.
    /// </summary>
    internal sealed class GateModelBuilder
    {
        private const string SubmitId = "M:Presence.ApprovalLedger.SubmitAsync``1(``0,System.String,System.Nullable{System.DateTimeOffset},System.String,System.String,System.Threading.CancellationToken)";
        private const string RedeemId = "M:Presence.ApprovalLedger.RedeemAsync``1(System.String,``0,System.Threading.CancellationToken)";
        private const string ConsumeId = "M:Presence.ApprovalLedger.ConsumeForPublish``1(Presence.Approved{``0},System.String)";
        private const string ApprovedId = "T:Presence.Approved`1";
        private const string RefusedId = "T:Presence.ApprovalRefusedException";

        private static readonly string[] ObjectMembers = { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals" };

        /// <summary>Names a signature mentions without the parameter names: the identity of a method in a fingerprint.</summary>
        private static readonly SymbolDisplayFormat KindFormat = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
            memberOptions: SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeParameters,
            parameterOptions: SymbolDisplayParameterOptions.IncludeType,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

        private readonly GatePlan _plan;
        private readonly NullableMode _nullable;
        private readonly SymbolDisplayFormat _types;
        private readonly CancellationToken _cancellationToken;
        private readonly string _namespace;
        private readonly string _gateType;
        private readonly string _gateId;
        private readonly DocComment _interfaceDocs;

        private GateModelBuilder(GatePlan plan, NullableMode nullable, CancellationToken cancellationToken)
        {
            _plan = plan;
            _nullable = nullable;
            _cancellationToken = cancellationToken;
            var format = SymbolDisplayFormat.FullyQualifiedFormat;
            _types = nullable == NullableMode.Enabled
                ? format.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier)
                : format;
            var gated = plan.Interface;
            _namespace = gated.ContainingNamespace.IsGlobalNamespace
                ? string.Empty
                : gated.ContainingNamespace.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Substring("global::".Length);
            _gateType = "global::" + (_namespace.Length > 0 ? _namespace + "." : string.Empty) + plan.GateName + TypeParameterList(gated.TypeParameters);
            _gateId = "T:" + (_namespace.Length > 0 ? _namespace.Replace("@", string.Empty) + "." : string.Empty) + plan.GateName + Arity(gated.Arity);
            _interfaceDocs = DocComment.Read(gated, cancellationToken);
        }

        /// <summary>The model of the gate for the interface the attribute is on; null when no gate is generated for it.</summary>
        public static GateModel? Build(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol gated || !IsFirstAttributedPart(gated, context.TargetNode))
            {
                return null;
            }

            var plan = GateShape.Read(gated, cancellationToken);
            if (plan.Problem is not null || plan.IsIncomplete)
            {
                return null;
            }

            // Nullable annotations need C# 8; the gate follows the context the interface is declared in.
            var nullable = ((CSharpParseOptions)context.TargetNode.SyntaxTree.Options).LanguageVersion < LanguageVersion.CSharp8
                ? NullableMode.Unavailable
                : context.SemanticModel.GetNullableContext(context.TargetNode.SpanStart).AnnotationsEnabled()
                    ? NullableMode.Enabled
                    : NullableMode.Disabled;
            return new GateModelBuilder(plan, nullable, cancellationToken).Build();
        }

        /// <summary>
        /// A partial interface attributed on two parts (an error, CS0579) reaches the transform once per part: only the
        /// first part yields a model, so one gate is written.
        /// </summary>
        private static bool IsFirstAttributedPart(INamedTypeSymbol gated, SyntaxNode part)
        {
            foreach (var attribute in gated.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == GateShape.AttributeMetadataName && attribute.ApplicationSyntaxReference is { } application)
                {
                    return application.SyntaxTree == part.SyntaxTree && part.Span.Contains(application.Span);
                }
            }

            return false;
        }

        private GateModel Build()
        {
            var gated = _plan.Interface;
            var gateName = _plan.GateName;

            // Names first: a nested type may not share a name with a member, nor a member with its class, and the names the
            // gate picks for itself (fields, content types) avoid those of the user's own partial declaration.
            var taken = new HashSet<string>(StringComparer.Ordinal) { gateName };
            if (_plan.UserPart is { } part)
            {
                taken.UnionWith(part.MemberNames);
            }

            foreach (var typeParameter in gated.TypeParameters)
            {
                taken.Add(typeParameter.Name);
            }

            foreach (var method in _plan.Methods)
            {
                taken.Add(method.Method.Name);
                taken.Add(SubmitName(method));
                taken.Add(RedeemName(method));
            }

            var contentNames = ContentTypeNames(taken);
            var inner = Unique("_inner", taken);
            var ledger = Unique("_ledger", taken);
            var needsEach = _plan.Methods.Any(m => m.Parts.Any(p => p.Kind == PartKind.Sequence));
            var each = needsEach ? Unique("AddEach", taken) : null;

            var methods = new List<GateMethodModel>();
            var contentTypes = new List<ContentTypeModel>();
            var wrappers = new List<WrapperModel>();
            var wrapperKeys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var method in _plan.Methods)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                string contentType;
                string contentId;
                string wrapperKey;
                if (method.ContentParameter is { } parameter)
                {
                    contentType = Render(parameter.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
                    contentId = parameter.Type.OriginalDefinition.GetDocumentationCommentId() ?? string.Empty;
                    wrapperKey = method.Stem + "`" + method.Method.Arity + "(" + GateShape.TypeKey(parameter.Type) + ")";
                }
                else
                {
                    var name = contentNames[method];
                    contentType = _gateType + "." + name + TypeParameterList(method.Method.TypeParameters);
                    contentId = _gateId + "." + name + Arity(method.Method.Arity);
                    wrapperKey = name;
                    contentTypes.Add(ContentType(method, name));
                }

                methods.Add(GateMethod(method, contentType, contentId, inner));
                if (wrapperKeys.Add(wrapperKey))
                {
                    wrappers.Add(Wrapper(method, contentType));
                }
            }

            return new GateModel(
                HintName: (_namespace.Length > 0 ? _namespace.Replace("@", string.Empty) + "." : string.Empty) + gateName + Arity(gated.Arity) + ".g.cs",
                Namespace: _namespace,
                Accessibility: gated.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
                Name: gateName,
                TypeParameterList: TypeParameterList(gated.TypeParameters),
                Constraints: Constraints(gated.TypeParameters),
                Type: _gateType,
                InterfaceType: Render(gated),
                Nullable: _nullable,
                InnerField: inner,
                LedgerField: ledger,
                EachHelper: each,
                EachTypeParameter: Unique("TItem", new HashSet<string>(gated.TypeParameters.Select(t => t.Name), StringComparer.Ordinal)),
                ServicesClass: GateNaming.ServicesClass(gateName),
                DocumentationId: _gateId,
                Docs: GateDocs(),
                ConstructorDocs: ConstructorDocs(),
                ServicesDocs: ServicesDocs(),
                Methods: methods.ToEquatableArray(),
                ContentTypes: contentTypes.ToEquatableArray(),
                Wrappers: wrappers.ToEquatableArray());
        }

        /// <summary>
        /// <c>{Stem}Content</c>; when several methods share a stem (overloads), <c>{Stem}With{Parameters}Content</c>;
        /// a number is added only if that still clashes.
        /// </summary>
        private Dictionary<GatedMethod, string> ContentTypeNames(HashSet<string> taken)
        {
            var names = new Dictionary<GatedMethod, string>();
            var generated = _plan.Methods.Where(m => m.ContentParameter is null).ToList();
            foreach (var method in generated)
            {
                var shared = generated.Count(m => m.Stem == method.Stem) > 1;
                var baseName = shared && !method.Parts.IsEmpty
                    ? method.Stem + "With" + string.Concat(method.Parts.Select(p => Pascal(p.Parameter.Name))) + "Content"
                    : method.Stem + "Content";
                names.Add(method, Unique(baseName, taken));
            }

            return names;
        }

        private GateMethodModel GateMethod(GatedMethod method, string contentType, string contentId, string inner)
        {
            var symbol = method.Method;
            var docs = DocComment.Read(symbol, _cancellationToken);
            var names = new HashSet<string>(symbol.TypeParameters.Select(t => t.Name), StringComparer.Ordinal);
            var passedOn = new List<ParameterModel>();
            foreach (var parameter in symbol.Parameters)
            {
                if (GateShape.IsCancellationToken(parameter.Type))
                {
                    names.Add(parameter.Name);
                    passedOn.Add(new ParameterModel(Identifier(parameter.Name), Render(parameter.Type), DefaultValue(parameter)));
                }
            }

            var approval = method.ContentParameter?.Name ?? Unique("approval", names);
            names.Add(approval);
            var local = Unique("content", names);
            var properties = PropertyNames(method);
            var arguments = symbol.Parameters
                .Select(p => GateShape.IsCancellationToken(p.Type) ? Identifier(p.Name)
                    : method.ContentParameter is not null ? local
                    : local + "." + properties[p.Name] + (AnnotatedForDefault(p) ? "!" : string.Empty))
                .ToEquatableArray();

            var receiver = method.IsInherited ? $"(({Render(method.DeclaringInterface)})this.{inner})" : "this." + inner;
            var invoked = Identifier(symbol.Name) + TypeParameterList(symbol.TypeParameters);

            var memberId = symbol.OriginalDefinition.GetDocumentationCommentId() ?? string.Empty;
            var lines = new DocLines();
            var hasParameter = new Func<string, bool>(name => name == approval || passedOn.Any(p => p.Name.TrimStart('@') == name));
            lines.Add(docs.Element("summary") is { } summary
                ? DocComment.Rewrite(summary, hasParameter).ToString(System.Xml.Linq.SaveOptions.DisableFormatting)
                : $"<summary>Publishes approved content with {DocLines.Cref(memberId)}.</summary>");
            TypeParameterDocs(lines, symbol.TypeParameters, docs);
            var approvalText = method.ContentParameter is { } content && docs.Param(content.Name) is { } contentDoc
                ? DocComment.Inner(DocComment.Rewrite(contentDoc, hasParameter)) + " "
                : string.Empty;
            lines.Tag("param", approvalText
                + $"The approval a person's decision minted for the content ({DocLines.Cref(contentId)}), from the ledger; the gate spends it with {DocLines.Cref(ConsumeId)} and publishes its content.",
                "name", approval);
            foreach (var parameter in passedOn)
            {
                var name = parameter.Name.TrimStart('@');
                lines.Add(docs.Param(name) is { } doc ? DocComment.Rewrite(doc, hasParameter).ToString(System.Xml.Linq.SaveOptions.DisableFormatting) : $"<param name=\"{name}\">Passed on to the publisher.</param>");
            }

            if (!symbol.ReturnsVoid)
            {
                lines.Add(docs.Element("returns") is { } returns
                    ? DocComment.Rewrite(returns, hasParameter).ToString(System.Xml.Linq.SaveOptions.DisableFormatting)
                    : "<returns>What the publisher returned.</returns>");
            }

            foreach (var other in docs.Others())
            {
                lines.Add(DocComment.Rewrite(other, hasParameter));
            }

            lines.Tag("exception", "The approval was used already, has expired, a publishing hold is engaged or was engaged since the approval was redeemed, or the content changed after it was approved: nothing was published.", "cref", RefusedId);

            return new GateMethodModel(
                Name: Identifier(symbol.Name),
                Accessibility: symbol.DeclaredAccessibility == Accessibility.Internal ? "internal" : "public",
                ReturnType: symbol.ReturnsVoid ? "void" : Render(symbol.ReturnType),
                Return: ReturnShapeOf(symbol),
                TypeParameterList: TypeParameterList(symbol.TypeParameters),
                Constraints: Constraints(symbol.TypeParameters),
                ApprovalName: Identifier(approval),
                ContentType: contentType,
                PassedOn: passedOn.ToEquatableArray(),
                LocalName: local,
                Receiver: receiver,
                Invoked: invoked,
                Arguments: arguments,
                AuditName: _plan.GateName + "." + symbol.Name,
                Obsolete: Obsolete(symbol),
                Docs: lines.ToArray());
        }

        private ContentTypeModel ContentType(GatedMethod method, string name)
        {
            var symbol = method.Method;
            var docs = DocComment.Read(symbol, _cancellationToken);
            var memberId = symbol.OriginalDefinition.GetDocumentationCommentId() ?? string.Empty;
            var propertyNames = PropertyNames(method);
            var constructorParameters = new HashSet<string>(method.Parts.Select(p => p.Parameter.Name), StringComparer.Ordinal);

            var properties = new List<ContentPropertyModel>();
            foreach (var part in method.Parts)
            {
                var parameter = part.Parameter;
                var type = parameter.Type;

                if (AnnotatedForDefault(parameter))
                {
                    type = type.WithNullableAnnotation(NullableAnnotation.Annotated);
                }

                var text = docs.Param(parameter.Name) is { } doc
                    ? DocComment.Inner(DocComment.Rewrite(doc, _ => false))
                    : $"The {DocLines.Code(parameter.Name)} argument.";
                properties.Add(new ContentPropertyModel(
                    Name: propertyNames[parameter.Name],
                    ParameterName: Identifier(parameter.Name),
                    Type: Render(type),
                    Default: DefaultValue(parameter),
                    Kind: part.Kind,
                    IsNullableValue: part.IsNullableValue,
                    ElementType: part.ElementType is null ? null : Render(part.ElementType),
                    ElementKind: part.ElementKind,
                    ElementIsNullableValue: part.ElementIsNullableValue,
                    Docs: new DocLines().Tag("summary", text).ToArray()));
            }

            var locals = new HashSet<string>(symbol.TypeParameters.Select(t => t.Name), StringComparer.Ordinal);
            var parts = Unique("parts", locals);
            var item = Unique("item", locals);

            var fingerprinted = method.Parts.Where(p => p.Kind != PartKind.Schedule).Select(p => DocLines.Code(p.Parameter.Name)).ToList();
            var schedule = method.Parts.Where(p => p.Kind == PartKind.Schedule).Select(p => DocLines.Code(p.Parameter.Name)).ToList();
            var lines = new DocLines()
                .Tag("summary", $"The content of a call to {DocLines.Cref(memberId)}: what a person approves before the gate's {DocLines.Code(symbol.Name)} publishes it.")
                .Tag("remarks", "Its fingerprint binds an approval to this gate and method"
                    + (_plan.Interface.Arity + symbol.Arity > 0 ? " (with their type arguments)" : string.Empty) + " and to "
                    + (fingerprinted.Count == 0 ? "nothing else: the method takes no content" : "the values of " + Join(fingerprinted))
                    + (schedule.Count == 0 ? "." : $"; {Join(schedule)} only {(schedule.Count == 1 ? "says" : "say")} when it goes out, and moving a post keeps its approval."));
            TypeParameterDocs(lines, symbol.TypeParameters, docs);

            var constructor = new DocLines().Tag("summary", "Creates the content of a call.");
            foreach (var part in method.Parts)
            {
                var doc = docs.Param(part.Parameter.Name);
                constructor.Tag(
                    "param",
                    doc is null ? $"The {DocLines.Code(part.Parameter.Name)} argument." : DocComment.Inner(DocComment.Rewrite(doc, constructorParameters.Contains)),
                    "name",
                    part.Parameter.Name);
            }

            var fingerprint = new DocLines()
                .Tag("summary", "The fingerprint an approval of this content is bound to.")
                .Tag("returns", "The fingerprint of the gate and method and of every argument but the schedule.");

            return new ContentTypeModel(
                Name: name,
                TypeParameterList: TypeParameterList(symbol.TypeParameters),
                Constraints: Constraints(symbol.TypeParameters),
                Kind: SymbolDisplay.FormatLiteral(_plan.Interface.GetDocumentationCommentId() + " " + symbol.ToDisplayString(KindFormat), quote: true),
                TypeArguments: _plan.Interface.TypeParameters.Concat(symbol.TypeParameters).Select(t => Identifier(t.Name)).ToEquatableArray(),
                PartsLocal: parts,
                ItemLambda: item,
                Properties: properties.ToEquatableArray(),
                Docs: lines.ToArray(),
                ConstructorDocs: constructor.ToArray(),
                FingerprintDocs: fingerprint.ToArray());
        }

        private WrapperModel Wrapper(GatedMethod method, string contentType)
        {
            var symbol = method.Method;
            var docs = DocComment.Read(symbol, _cancellationToken);
            var memberId = symbol.OriginalDefinition.GetDocumentationCommentId() ?? string.Empty;
            var submit = new DocLines()
                .Tag("summary", $"Submits content for review, to be published once approved with the gate's {DocLines.Code(symbol.Name)} ({DocLines.Cref(memberId)}): a typed {DocLines.Cref(SubmitId)}.");
            TypeParameterDocs(submit, symbol.TypeParameters, docs);
            submit.Tag("param", "The content exactly as it will be published.", "name", "content")
                .Tag("param", "Who or which process wrote it (for example <c>agent:drafts</c> for machine-written text); by default they may not approve it.", "name", "author")
                .Tag("param", "When it is scheduled to go out; it must be decided by then. Null: as soon as it is approved.", "name", "dueAt")
                .Tag("param", "Where it goes, shown to reviewers and recorded in the audit trail.", "name", "channel")
                .Tag("param", "A short preview for reviewers.", "name", "summary")
                .Tag("param", "Cancels the submission.", "name", "cancellationToken")
                .Tag("returns", "The pending request: give its id to the reviewers, and to the code that redeems it at publish time.");

            var redeem = new DocLines()
                .Tag("summary", $"Redeems a recorded approval at publish time for the token the gate's {DocLines.Code(symbol.Name)} accepts: a typed {DocLines.Cref(RedeemId)}.");
            TypeParameterDocs(redeem, symbol.TypeParameters, docs);
            redeem.Tag("param", "The approval request, from the submission.", "name", "requestId")
                .Tag("param", "The content about to be published; it must be exactly the content that was approved.", "name", "content")
                .Tag("param", "Cancels the operation.", "name", "cancellationToken")
                .Tag("returns", $"The outcome, with the single-use {DocLines.Cref(ApprovedId)} only when the approval was redeemed.");

            return new WrapperModel(
                SubmitName: SubmitName(method),
                RedeemName: RedeemName(method),
                TypeParameterList: TypeParameterList(symbol.TypeParameters),
                Constraints: Constraints(symbol.TypeParameters),
                ContentType: contentType,
                SubmitDocs: submit.ToArray(),
                RedeemDocs: redeem.ToArray());
        }

        private EquatableArray<string> GateDocs()
        {
            var interfaceId = _plan.Interface.GetDocumentationCommentId() ?? string.Empty;
            var lines = new DocLines()
                .Tag("summary", $"The approval gate of {DocLines.Cref(interfaceId)}: it publishes only content a person approved, spending each {DocLines.Cref(ApprovedId)} once.")
                .Tag("remarks", "Generated from [GeneratePublisherGate]. Each method spends its approval with the ledger, which refuses a used, expired or edited approval and any approval while a publishing hold is engaged, then calls the publisher with the approved content. Calling the interface anywhere else is reported as PRES009.");
            TypeParameterDocs(lines, _plan.Interface.TypeParameters, _interfaceDocs);
            return lines.ToArray();
        }

        private EquatableArray<string> ConstructorDocs()
            => new DocLines()
                .Tag("summary", "Creates the gate.")
                .Tag("param", "The publisher the gate publishes through.", "name", "inner")
                .Tag("param", "The ledger that redeems approvals and spends them at publish time; its publishing hold applies.", "name", "ledger")
                .Tag("exception", "The publisher or the ledger is null.", "cref", "T:System.ArgumentNullException")
                .ToArray();

        private EquatableArray<string> ServicesDocs()
        {
            var lines = new DocLines()
                .Tag("summary", $"Registers {DocLines.Cref(_gateId)} as a transient service, unless it is registered already: it is created with the registered publisher and <see cref=\"T:Presence.ApprovalLedger\"/>, which must be registered too.");
            TypeParameterDocs(lines, _plan.Interface.TypeParameters, _interfaceDocs);
            return lines
                .Tag("param", "The service collection.", "name", "services")
                .Tag("returns", "<paramref name=\"services\"/>, for chaining.")
                .Tag("exception", "<paramref name=\"services\"/> is null.", "cref", "T:System.ArgumentNullException")
                .ToArray();
        }

        private void TypeParameterDocs(DocLines lines, ImmutableArray<ITypeParameterSymbol> typeParameters, DocComment docs)
        {
            foreach (var typeParameter in typeParameters)
            {
                lines.Add(docs.TypeParam(typeParameter.Name) is { } doc
                    ? doc.ToString(System.Xml.Linq.SaveOptions.DisableFormatting)
                    : $"<typeparam name=\"{typeParameter.Name}\">The {DocLines.Code(typeParameter.Name)} of the publisher.</typeparam>");
            }
        }

        /// <summary>Property names of a method's content type, by parameter name: Pascal case, clear of every other member.</summary>
        private Dictionary<string, string> PropertyNames(GatedMethod method)
        {
            var taken = new HashSet<string>(ObjectMembers, StringComparer.Ordinal) { "GetApprovalFingerprint" };
            foreach (var typeParameter in method.Method.TypeParameters.Concat(_plan.Interface.TypeParameters))
            {
                taken.Add(typeParameter.Name);
            }

            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var part in method.Parts)
            {
                names.Add(part.Parameter.Name, Identifier(Unique(Pascal(part.Parameter.Name), taken)));
            }

            return names;
        }

        /// <summary>
        /// A parameter declared not-null with a null default: its content property is annotated (a null default of a
        /// not-null type is CS8625), and the gate passes it on with <c>!</c>, as the interface declares it.
        /// </summary>
        private bool AnnotatedForDefault(IParameterSymbol parameter)
            => _nullable == NullableMode.Enabled
                && parameter.HasExplicitDefaultValue
                && parameter.ExplicitDefaultValue is null
                && parameter.Type.IsReferenceType
                && parameter.Type.NullableAnnotation != NullableAnnotation.Annotated;

        private static string SubmitName(GatedMethod method) => "Submit" + method.Stem + "Async";

        private static string RedeemName(GatedMethod method) => "Redeem" + method.Stem + "Async";

        private string Render(ITypeSymbol type) => type.ToDisplayString(_types);

        private string TypeParameterList(ImmutableArray<ITypeParameterSymbol> typeParameters)
            => typeParameters.IsEmpty ? string.Empty : "<" + string.Join(", ", typeParameters.Select(t => Identifier(t.Name))) + ">";

        private EquatableArray<string> Constraints(ImmutableArray<ITypeParameterSymbol> typeParameters)
        {
            var clauses = new List<string>();
            foreach (var typeParameter in typeParameters)
            {
                var constraints = new List<string>();
                if (typeParameter.HasReferenceTypeConstraint)
                {
                    constraints.Add(_nullable == NullableMode.Enabled && typeParameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
                }
                else if (typeParameter.HasUnmanagedTypeConstraint)
                {
                    constraints.Add("unmanaged");
                }
                else if (typeParameter.HasValueTypeConstraint)
                {
                    constraints.Add("struct");
                }
                else if (typeParameter.HasNotNullConstraint && _nullable == NullableMode.Enabled)
                {
                    constraints.Add("notnull");
                }

                constraints.AddRange(typeParameter.ConstraintTypes.Select(Render));
                if (typeParameter.HasConstructorConstraint)
                {
                    constraints.Add("new()");
                }

                if (constraints.Count > 0)
                {
                    clauses.Add($"where {Identifier(typeParameter.Name)} : {string.Join(", ", constraints)}");
                }
            }

            return clauses.ToEquatableArray();
        }

        private static ReturnShape ReturnShapeOf(IMethodSymbol method)
        {
            if (method.ReturnsVoid)
            {
                return ReturnShape.Void;
            }

            if (method.ReturnType is INamedTypeSymbol { ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } } task)
            {
                switch (task.Name, task.Arity)
                {
                    case ("Task", 0): return ReturnShape.Task;
                    case ("Task", 1): return ReturnShape.TaskOfT;
                    case ("ValueTask", 0): return ReturnShape.ValueTask;
                    case ("ValueTask", 1): return ReturnShape.ValueTaskOfT;
                }
            }

            return ReturnShape.Value;
        }

        private string? DefaultValue(IParameterSymbol parameter)
        {
            if (!parameter.HasExplicitDefaultValue)
            {
                return null;
            }

            var type = parameter.Type;
            var value = parameter.ExplicitDefaultValue;
            var isNullable = type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
            if (value is null)
            {
                return type.IsReferenceType || isNullable ? "null" : $"default({Render(type)})";
            }

            var underlying = isNullable ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
            var literal = Literal(value);
            return underlying.TypeKind == TypeKind.Enum
                ? $"({Render(underlying.WithNullableAnnotation(NullableAnnotation.NotAnnotated))})({literal})"
                : literal;
        }

        private static string Literal(object value)
        {
            switch (value)
            {
                case string text: return SymbolDisplay.FormatLiteral(text, quote: true);
                case char character: return SymbolDisplay.FormatLiteral(character, quote: true);
                case bool flag: return flag ? "true" : "false";
                case float single:
                    return float.IsNaN(single) ? "float.NaN"
                        : float.IsPositiveInfinity(single) ? "float.PositiveInfinity"
                        : float.IsNegativeInfinity(single) ? "float.NegativeInfinity"
                        : single.ToString("R", CultureInfo.InvariantCulture) + "F";
                case double number:
                    return double.IsNaN(number) ? "double.NaN"
                        : double.IsPositiveInfinity(number) ? "double.PositiveInfinity"
                        : double.IsNegativeInfinity(number) ? "double.NegativeInfinity"
                        : number.ToString("R", CultureInfo.InvariantCulture) + "D";
                case decimal money: return money.ToString(CultureInfo.InvariantCulture) + "M";
                case long wide: return wide.ToString(CultureInfo.InvariantCulture) + "L";
                case ulong wide: return wide.ToString(CultureInfo.InvariantCulture) + "UL";
                case uint natural: return natural.ToString(CultureInfo.InvariantCulture) + "U";
                case IFormattable number: return number.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString() ?? "default";
            }
        }

        private static string? Obsolete(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "ObsoleteAttribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
                {
                    return attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string message
                        ? $"[global::System.Obsolete({SymbolDisplay.FormatLiteral(message, quote: true)})]"
                        : "[global::System.Obsolete]";
                }
            }

            return null;
        }

        private static string Identifier(string name)
            => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        private static string Pascal(string name)
            => name.Length > 0 && char.IsLower(name[0]) ? char.ToUpperInvariant(name[0]) + name.Substring(1) : name;

        private static string Arity(int arity) => arity == 0 ? string.Empty : "`" + arity.ToString(CultureInfo.InvariantCulture);

        private static string Join(List<string> items)
            => items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1];

        /// <summary><paramref name="name"/>, or it followed by the first free number; the result is taken.</summary>
        private static string Unique(string name, HashSet<string> taken)
        {
            var candidate = name;
            for (var i = 2; !taken.Add(candidate); i++)
            {
                candidate = name + i.ToString(CultureInfo.InvariantCulture);
            }

            return candidate;
        }
    }
}
