using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Model;
using Presence.Analyzers.Paths;
using Presence.Compilations;

namespace Presence.Analyzers.Rules
{
    /// <summary>
    /// PRES005: a confirmation that approves on every path — a [HumanConfirmation] method, or an implementation of
    /// one (an IApprovalPrompt, say), whose every return is an approving constant (true, Task.FromResult(true), an
    /// approved decision, a new token) or which, answering by returning normally, can never throw. What it reads
    /// along the way does not matter when the answer cannot depend on it; a method that may throw to say no is
    /// not reported as one. A confirmation that can say no, but says yes when nobody answers (a timeout, a cancelled
    /// wait, a lost race with a delay), is reported too (see <see cref="SilentApproval"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RubberStampConfirmationAnalyzer : DiagnosticAnalyzer
    {
        private readonly int _askedOneByOne;

        public RubberStampConfirmationAnalyzer()
            : this(NameUse.AskedOneByOne)
        {
        }

        /// <param name="askedOneByOne">How many types are asked where they are declared before the sets are built (tests).</param>
        internal RubberStampConfirmationAnalyzer(int askedOneByOne) => _askedOneByOne = askedOneByOne;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            PresenceDiagnostics.RubberStampConfirmation, PresenceDiagnostics.SilenceTakenAsApproval, PresenceDiagnostics.ApprovalRecordedByCode,
            PresenceDiagnostics.ApprovalRecordedFromRequest);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = PresenceSymbols.Create(start.Compilation);
                if (symbols.HumanConfirmation is null)
                {
                    return;
                }

                RegisterDecisionsByCode(start);

                // A confirmation is a method that carries [HumanConfirmation] or overrides or implements one that
                // does: only a type whose files can apply it, or that derives from or implements a type declaring one,
                // has any, and only its bodies are read.
                var humanConfirmation = symbols.HumanConfirmation;
                var use = NameUse.Of(start.Compilation, humanConfirmation, references: true, start.CancellationToken);
                if (!use.Anywhere)
                {
                    return;
                }

                Func<INamedTypeSymbol, bool> declaresConfirmation = type => NameUse.DeclaresMethodWith(type, humanConfirmation);

                // Each type is dismissed by a lookup of itself, its bases and its interfaces among the types whose files
                // can apply it and the referenced ones that declare a confirmation (asking each of those where it is
                // declared cost most of the rule); whether one declares a confirmation is asked when a type inherits
                // from it, once. An open file's few types are asked where they are declared (see NameUse.WhenMany).
                var declaring = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
                var sets = use.WhenMany(start.Compilation, humanConfirmation, _askedOneByOne, start.CancellationToken);
                Func<INamedTypeSymbol, bool> mayDeclareConfirmation = type => sets.Get() is { } found
                    ? found.Source.Contains(type) || Inherits(type, found.Candidates, declaring, declaresConfirmation)
                    : MayDeclareConfirmation(type, use, declaring, declaresConfirmation);

                var confirmations = new Confirmations(symbols);
                // One block action for the compilation, its type asked once: a symbol-start action per type said the
                // same, but made the driver build a set of actions for every type of the compilation (37 MB at 3,000
                // files, four fifths of what the rules allocated).
                var readsType = new ConcurrentDictionary<INamedTypeSymbol, bool>(SameObject<INamedTypeSymbol>.Instance);
                Func<INamedTypeSymbol, bool> reads = type => type.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Interface && mayDeclareConfirmation(type);
                // An ordinary method is a confirmation only under the name of a method [HumanConfirmation] can apply to
                // (what it overrides or implements has its name), a constructor only where one carries an attribute
                // (see DeclaringNames): most bodies are dismissed by their name, before their type is looked up (the
                // look-up of each body's type was most of the rule's time).
                var names = DeclaringNames.Of(start.Compilation, start.CancellationToken);
                start.RegisterOperationBlockAction(block =>
                {
                    if (block.OwningSymbol is not IMethodSymbol { ContainingType: { } type } method
                        || (names is not null && method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor && !names.Contains(method.Name))
                        || !readsType.GetOrAdd(type, reads)
                        || confirmations.Classify(method) is not { } confirmation
                        || confirmation.Shape == ConfirmationShape.Unreadable)
                    {
                        return;
                    }

                    var name = method.ContainingType.Name + "." + method.Name;
                    if (Stamp(block.OperationBlocks, confirmation) is { } reason)
                    {
                        block.ReportDiagnostic(Diagnostic.Create(PresenceDiagnostics.RubberStampConfirmation, method.Locations[0], name, reason));
                    }
                    else if (SilentApproval.Find(block.OperationBlocks, confirmation) is { } silence)
                    {
                        block.ReportDiagnostic(Diagnostic.Create(PresenceDiagnostics.SilenceTakenAsApproval, method.Locations[0], name, silence));
                    }
                });
            });
        }

        // The ledger's DecideAsync approving in the name of a constant: a decision nobody made. Looked for only where a
        // file names DecideAsync, and not in a test project (its code plays the reviewer on purpose); each call is
        // dismissed by its name.
        private static void RegisterDecisionsByCode(CompilationStartAnalysisContext start)
        {
            if (start.Compilation.GetBestTypeByMetadataName("Presence.ApprovalLedger") is not { } ledger
                || !NameUse.Of(start.Compilation, "DecideAsync", start.CancellationToken).InSource
                || TestMethods.IsTestProject(start.Compilation))
            {
                return;
            }

            var endpoints = HttpEndpoints.For(start.Compilation);
            start.RegisterOperationAction(context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (invocation.TargetMethod is not { Name: "DecideAsync" } decide
                    || !SymbolEqualityComparer.Default.Equals(decide.ContainingType, ledger))
                {
                    return;
                }

                IOperation? reviewer = null;
                IOperation? approve = null;
                foreach (var argument in invocation.Arguments)
                {
                    switch (argument.Parameter?.Name)
                    {
                        case "reviewer":
                            reviewer = argument.Value;
                            break;
                        case "approve":
                            approve = argument.Value;
                            break;
                    }
                }

                if (reviewer is null || approve is null)
                {
                    return;
                }

                if (approve.ConstantValue is { HasValue: true, Value: true } && WrittenInCode(reviewer, context.CancellationToken) is { } name)
                {
                    context.ReportDiagnostic(Diagnostic.Create(PresenceDiagnostics.ApprovalRecordedByCode, invocation.Syntax.GetLocation(), name));
                }
                else if (endpoints is not null && approve.ConstantValue is not { HasValue: true, Value: false }
                         && RequestReviewer.Of(invocation, reviewer, context.ContainingSymbol, endpoints, context.CancellationToken) is { } fromRequest)
                {
                    // An approval the caller may choose (approve: decision.Approve) is one a stranger may choose too.
                    context.ReportDiagnostic(Diagnostic.Create(
                        PresenceDiagnostics.ApprovalRecordedFromRequest, invocation.Syntax.GetLocation(), fromRequest.Reviewer, fromRequest.Endpoint));
                }
            }, OperationKind.Invocation);
        }

        // A reviewer written into the code: a constant, or a readonly field or a get-only property initialised with a
        // string literal (a static readonly string, a property returning one) and set nowhere else; a value from
        // configuration or a constructor's parameter names whoever the app is configured with.
        private static string? WrittenInCode(IOperation value, CancellationToken cancellationToken)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value.ConstantValue is { HasValue: true, Value: string constant })
            {
                return constant;
            }

            // A static member, or the approving object's own (another object's default, a DTO's "", is no reviewer).
            ISymbol held = value switch
            {
                IFieldReferenceOperation { Field: { IsReadOnly: true } field, Instance: null or IInstanceReferenceOperation } => field,
                IPropertyReferenceOperation { Property: { SetMethod: null, IsIndexer: false } property, Instance: null or IInstanceReferenceOperation } => property,
                _ => null!,
            };
            if (held is null || held.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var initial = held.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
            {
                VariableDeclaratorSyntax field => field.Initializer?.Value,
                PropertyDeclarationSyntax { ExpressionBody: { } arrow } => arrow.Expression,
                PropertyDeclarationSyntax { AccessorList: { } accessors, Initializer: { } initializer }
                    when accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null) => initializer.Value,
                _ => null,
            };
            return initial is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText.Trim().Length > 0
                   && !AssignedInType(held, cancellationToken)
                ? literal.Token.ValueText
                : null;
        }

        // A readonly field or get-only property is set again only in its type's constructors: any assignment to its name there.
        private static bool AssignedInType(ISymbol held, CancellationToken cancellationToken)
        {
            foreach (var declaration in held.ContainingType.DeclaringSyntaxReferences)
            {
                foreach (var assignment in declaration.GetSyntax(cancellationToken).DescendantNodes().OfType<AssignmentExpressionSyntax>())
                {
                    var target = assignment.Left is MemberAccessExpressionSyntax access ? access.Name : assignment.Left as SimpleNameSyntax;
                    if (target?.Identifier.ValueText == held.Name)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool Inherits(
            INamedTypeSymbol type, NamedTypeSet candidates, ConcurrentDictionary<INamedTypeSymbol, bool> declaring, Func<INamedTypeSymbol, bool> declaresConfirmation)
        {
            for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                if (candidates.Contains(baseType.OriginalDefinition) && declaring.GetOrAdd(baseType.OriginalDefinition, declaresConfirmation))
                {
                    return true;
                }
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (candidates.Contains(@interface.OriginalDefinition) && declaring.GetOrAdd(@interface.OriginalDefinition, declaresConfirmation))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool MayDeclareConfirmation(
            INamedTypeSymbol type, NameUse use, ConcurrentDictionary<INamedTypeSymbol, bool> declaring, Func<INamedTypeSymbol, bool> declaresConfirmation)
        {
            if (use.MayUseIn(type))
            {
                return true;
            }

            for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                if (Declares(baseType.OriginalDefinition, use, declaring, declaresConfirmation))
                {
                    return true;
                }
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (Declares(@interface.OriginalDefinition, use, declaring, declaresConfirmation))
                {
                    return true;
                }
            }

            return false;
        }

        // Its members are declared where it is: a type that cannot use the attribute declares no confirmation.
        private static bool Declares(
            INamedTypeSymbol type, NameUse use, ConcurrentDictionary<INamedTypeSymbol, bool> declaring, Func<INamedTypeSymbol, bool> declaresConfirmation)
            => use.MayUseIn(type) && declaring.GetOrAdd(type, declaresConfirmation);

        /// <summary>Why a confirmation with these bodies never says no, or null when it can (also read by the fixes, which offer no rubber stamp).</summary>
        internal static string? Stamp(ImmutableArray<IOperation> blocks, Confirmation confirmation)
        {
            var body = blocks.FirstOrDefault(b => b is IMethodBodyOperation or IBlockOperation);
            if (body is null)
            {
                return null; // abstract, extern, or an interface declaration: nothing decides here
            }

            var own = OwnOperations(body).ToList();
            if (own.Any(o => o is IThrowOperation))
            {
                return null; // it can say no by throwing
            }

            if (confirmation.Shape == ConfirmationShape.Completion)
            {
                // Answers by returning: with no throw and no call that might throw, it never says no.
                return own.Any(o => o is IInvocationOperation or IAwaitOperation or IObjectCreationOperation { Type.Name: not "Task" })
                    ? null
                    : "returns normally on every path and never throws";
            }

            var returns = own.OfType<IReturnOperation>().Where(r => r.ReturnedValue is not null).ToList();
            if (returns.Count == 0 || !returns.All(r => Approves(r.ReturnedValue!, confirmation)))
            {
                return null;
            }

            return confirmation.Shape switch
            {
                ConfirmationShape.Boolean => "always returns true",
                ConfirmationShape.Decision => "always returns an approved decision",
                ConfirmationShape.Outcome => "always returns " + ApprovingMemberName(confirmation),
                _ => "always returns a token, never null",
            };
        }

        /// <summary>The member of an outcome that means approved, as written in code (ReviewOutcome.Approved).</summary>
        internal static string ApprovingMemberName(Confirmation confirmation)
            => confirmation.ApprovingMember is { } member ? member.ContainingType.Name + "." + member.Name : "the approving member";

        // The body's operations, not those of lambdas and local functions inside it.
        internal static IEnumerable<IOperation> OwnOperations(IOperation root)
        {
            var stack = new Stack<IOperation>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var operation = stack.Pop();
                yield return operation;
                foreach (var child in operation.ChildOperations)
                {
                    if (child is not IAnonymousFunctionOperation and not ILocalFunctionOperation)
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        internal static bool Approves(IOperation value, Confirmation confirmation)
        {
            value = Unwrap(value);
            switch (confirmation.Shape)
            {
                case ConfirmationShape.Boolean:
                    return value.ConstantValue is { HasValue: true, Value: true };

                case ConfirmationShape.Token:
                    return value is IObjectCreationOperation;

                case ConfirmationShape.Outcome when confirmation.ApprovingMember is { HasConstantValue: true } member:
                    return value.ConstantValue.HasValue && Equals(value.ConstantValue.Value, member.ConstantValue)
                           && SymbolEqualityComparer.Default.Equals(value.Type, member.ContainingType);

                case ConfirmationShape.Decision when confirmation.ApprovalProperty is { } property:
                    switch (value)
                    {
                        case IObjectCreationOperation creation:
                            var byArgument = creation.Arguments.Any(a => string.Equals(a.Parameter?.Name, property.Name, StringComparison.OrdinalIgnoreCase)
                                                                         && SaysYes(a.Value, confirmation));
                            var byInitializer = creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
                                .Any(a => a.Target is IPropertyReferenceOperation p && p.Property.Name == property.Name && SaysYes(a.Value, confirmation)) == true;
                            return byArgument || byInitializer;

                        case IInvocationOperation { TargetMethod: { IsStatic: true } factory }
                            when SymbolEqualityComparer.Default.Equals(factory.ContainingType, property.ContainingType)
                                 && (factory.Name.StartsWith("Approve", StringComparison.Ordinal) || factory.Name.StartsWith("Accept", StringComparison.Ordinal) || factory.Name.StartsWith("Confirm", StringComparison.Ordinal)):
                            return true;
                    }

                    return false;

                default:
                    return false;
            }
        }

        // The value a decision's approval property is given: true, or the member of its outcome enum that means yes.
        private static bool SaysYes(IOperation value, Confirmation confirmation)
            => confirmation.ApprovingMember is { HasConstantValue: true } member
                ? Unwrap(value) is { ConstantValue.HasValue: true } constant && Equals(constant.ConstantValue.Value, member.ConstantValue)
                  && SymbolEqualityComparer.Default.Equals(constant.Type, member.ContainingType)
                : value.ConstantValue is { HasValue: true, Value: true };

        // Task.FromResult(x), ValueTask.FromResult(x), new ValueTask<T>(x), conversions: the answer inside.
        internal static IOperation Unwrap(IOperation value)
        {
            while (true)
            {
                switch (value)
                {
                    case IConversionOperation conversion:
                        value = conversion.Operand;
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "FromResult", Arguments.Length: 1 } fromResult
                        when fromResult.TargetMethod.ContainingType.Name is "Task" or "ValueTask":
                        value = fromResult.Arguments[0].Value;
                        continue;
                    case IObjectCreationOperation { Type.Name: "ValueTask" or "Task", Arguments.Length: 1 } wrapped:
                        value = wrapped.Arguments[0].Value;
                        continue;
                    default:
                        return value;
                }
            }
        }
    }
}
