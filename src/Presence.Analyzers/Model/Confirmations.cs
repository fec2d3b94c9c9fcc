using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Presence.Compilations;

namespace Presence.Analyzers.Model
{
    /// <summary>
    /// Recognises calls that ask a person, and how their answer reads; cached for the compilation: methods marked
    /// [HumanConfirmation], and the yes/no prompts of Spectre.Console, which ask the person at the console.
    /// </summary>
    internal sealed class Confirmations
    {
        private static readonly ImmutableArray<string> ConventionalApprovalProperties
            = ImmutableArray.Create("IsApproved", "Approved", "IsConfirmed", "Confirmed");

        // The members of an outcome enum that mean yes without being named, in the order the message lists them.
        private static readonly string[] ConventionalApprovingMembers
            = { "Approved", "Approve", "Yes", "Confirmed", "Confirm", "Accepted", "Accept" };

        private static readonly string ConventionalApprovingMemberList
            = string.Join(", ", ConventionalApprovingMembers, 0, ConventionalApprovingMembers.Length - 1) + " or " + ConventionalApprovingMembers[ConventionalApprovingMembers.Length - 1];

        private readonly PresenceSymbols _symbols;
        private readonly PublishingAssemblies? _assemblies;
        private readonly ConcurrentDictionary<IMethodSymbol, Confirmation?> _cache
            = new ConcurrentDictionary<IMethodSymbol, Confirmation?>(SymbolEqualityComparer.Default);
        private readonly System.Func<IMethodSymbol, Confirmation?> _compute; // one delegate, not one per call

        /// <param name="assemblies">Where confirmations can be declared, to skip the others without a lookup; null to look everywhere.</param>
        public Confirmations(PresenceSymbols symbols, PublishingAssemblies? assemblies = null)
        {
            _symbols = symbols;
            _assemblies = assemblies;
            _compute = Compute;
        }

        /// <summary>The confirmation a call of <paramref name="method"/> performs, or null when it asks nobody.</summary>
        public Confirmation? Classify(IMethodSymbol method)
            => _symbols.HumanConfirmation is null || _assemblies?.MayPublishOrConfirm(method) == false
                ? null
                : _cache.GetOrAdd(ExtensionMembers.Classic(method), _compute);

        /// <summary>Whether <see cref="Classify"/> returns a confirmation, without caching the answer (see <see cref="PublishTargets.Publishes"/>).</summary>
        public bool Confirms(IMethodSymbol method)
        {
            if (_symbols.HumanConfirmation is null || _assemblies?.MayPublishOrConfirm(method) == false)
            {
                return false;
            }

            foreach (var declaration in MethodLineage.Of(method))
            {
                if (PresenceSymbols.HasAttribute(declaration, _symbols.HumanConfirmation))
                {
                    return true;
                }
            }

            return ConsolePrompt(method) is not null;
        }

        /// <summary>
        /// False when a method of this name cannot be a console prompt that confirms (see <see cref="ConsolePrompt"/>),
        /// judged by the name alone.
        /// </summary>
        public static bool MayBeConsolePrompt(string name)
            => name is "Confirm" or "ConfirmAsync" or "Prompt" or "PromptAsync" or "Show" or "ShowAsync";

        private Confirmation? Compute(IMethodSymbol method)
        {
            foreach (var declaration in MethodLineage.Of(method))
            {
                if (PresenceSymbols.FindAttribute(declaration, _symbols.HumanConfirmation) is { } attribute)
                {
                    return Describe(method, attribute);
                }
            }

            return ConsolePrompt(method);
        }

        // Spectre.Console's yes/no questions: AnsiConsole.Confirm("Post this?"), console.ConfirmAsync(…), a
        // ConfirmationPrompt shown or prompted for (any prompt whose answer is a bool). The person at the console answers
        // them, so, like a [HumanConfirmation] method that asks there, true means yes; the prompt text is what they saw.
        private static Confirmation? ConsolePrompt(IMethodSymbol method)
        {
            if (!MayBeConsolePrompt(method.Name)
                || method.ContainingType is not { ContainingNamespace: { Name: "Console", ContainingNamespace: { Name: "Spectre", ContainingNamespace.IsGlobalNamespace: true } } } type
                || !(type.Name is "AnsiConsole" or "AnsiConsoleExtensions" ? method.Name.StartsWith("Confirm", System.StringComparison.Ordinal) || method.Name.StartsWith("Prompt", System.StringComparison.Ordinal)
                     : type.Name == "ConfirmationPrompt" && method.Name.StartsWith("Show", System.StringComparison.Ordinal)))
            {
                return null;
            }

            var returnType = method.ReturnType;
            var isAsync = returnType is INamedTypeSymbol { Name: "Task", TypeArguments.Length: 1 };
            var answer = isAsync ? ((INamedTypeSymbol)returnType).TypeArguments[0] : returnType;
            return answer.SpecialType == SpecialType.System_Boolean ? new Confirmation(ConfirmationShape.Boolean, answer, isAsync, null, null) : null;
        }

        private Confirmation Describe(IMethodSymbol method, AttributeData attribute)
        {
            var returnType = method.ReturnType;
            if (method.ReturnsVoid || IsType(returnType, _symbols.Task) || IsType(returnType, _symbols.ValueTask))
            {
                return new Confirmation(ConfirmationShape.Completion, null, isAsync: !method.ReturnsVoid, null, null);
            }

            var isAsync = returnType is INamedTypeSymbol { TypeArguments.Length: 1 } generic
                && (IsType(generic.OriginalDefinition, _symbols.TaskOfT) || IsType(generic.OriginalDefinition, _symbols.ValueTaskOfT));
            var answer = isAsync ? ((INamedTypeSymbol)returnType).TypeArguments[0] : returnType;
            var underlying = answer is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                ? nullable.TypeArguments[0]
                : answer;

            if (underlying.SpecialType == SpecialType.System_Boolean)
            {
                return new Confirmation(ConfirmationShape.Boolean, answer, isAsync, null, null);
            }

            if (underlying.TypeKind == TypeKind.Enum)
            {
                return DescribeOutcome(answer, underlying, isAsync, attribute);
            }

            var named = NamedArgument(attribute, "ApprovalProperty");
            var namedMember = NamedArgument(attribute, "ApprovalMember");
            if (named is not null)
            {
                if (FindBooleanProperty(underlying, named) is { } declared)
                {
                    return new Confirmation(ConfirmationShape.Decision, answer, isAsync, declared, null);
                }

                if (FindProperty(underlying, named, enumOnly: true) is { } outcomeProperty)
                {
                    return ApprovingMember(OutcomeType(outcomeProperty.Type)!, namedMember) is { } yes
                        ? new Confirmation(ConfirmationShape.Decision, answer, isAsync, outcomeProperty, null, yes)
                        : Unreadable(answer, isAsync, $"its property '{named}' (named by ApprovalProperty) is a {outcomeProperty.Type.Name} none of whose members is named {(namedMember is null ? ConventionalApprovingMemberList : namedMember)}: name the member that means yes with ApprovalMember");
                }

                return Unreadable(answer, isAsync, $"it has no readable bool or enum property '{named}' (named by ApprovalProperty)");
            }

            foreach (var name in ConventionalApprovalProperties)
            {
                if (FindBooleanProperty(underlying, name) is { } conventional)
                {
                    return new Confirmation(ConfirmationShape.Decision, answer, isAsync, conventional, null);
                }
            }

            // A decision whose answer is an enum property (Outcome == ReviewOutcome.Approved): a decision that came back is
            // not a yes. Two such properties leave the one that answers to be named.
            IPropertySymbol? outcome = null;
            IFieldSymbol? approving = null;
            foreach (var property in EnumProperties(underlying))
            {
                if (ApprovingMember(OutcomeType(property.Type)!, namedMember) is not { } member)
                {
                    continue;
                }

                if (outcome is not null)
                {
                    return Unreadable(answer, isAsync,
                        $"its properties {outcome.Name} and {property.Name} both could say yes: name the one that does with [HumanConfirmation(ApprovalProperty = nameof({underlying.Name}.…))]");
                }

                outcome = property;
                approving = member;
            }

            if (outcome is not null)
            {
                return new Confirmation(ConfirmationShape.Decision, answer, isAsync, outcome, null, approving);
            }

            if (answer.IsReferenceType || !ReferenceEquals(answer, underlying) || answer.TypeKind == TypeKind.TypeParameter)
            {
                return new Confirmation(ConfirmationShape.Token, answer, isAsync, null, null);
            }

            return Unreadable(answer, isAsync,
                "return bool, a decision with a bool IsApproved property (or name one with ApprovalProperty), a nullable token, or nothing and throw when denied");
        }

        private static Confirmation Unreadable(ITypeSymbol answer, bool isAsync, string problem)
            => new Confirmation(ConfirmationShape.Unreadable, answer, isAsync, null, problem);

        // An enum answer: the member ApprovalMember names, else the one conventional member (aliases of one value count once).
        private static Confirmation DescribeOutcome(ITypeSymbol answer, ITypeSymbol outcome, bool isAsync, AttributeData attribute)
        {
            if (NamedArgument(attribute, "ApprovalMember") is { } named)
            {
                return Member(outcome, named) is { } declared
                    ? new Confirmation(ConfirmationShape.Outcome, answer, isAsync, null, null, declared)
                    : Unreadable(answer, isAsync, $"it has no member '{named}' (named by ApprovalMember)");
            }

            IFieldSymbol? found = null;
            foreach (var name in ConventionalApprovingMembers)
            {
                if (Member(outcome, name) is not { } member)
                {
                    continue;
                }

                if (found is null)
                {
                    found = member;
                }
                else if (!Equals(found.ConstantValue, member.ConstantValue))
                {
                    return Unreadable(answer, isAsync,
                        $"its members {found.Name} and {member.Name} both could mean yes: name the one that does with [HumanConfirmation(ApprovalMember = nameof({outcome.Name}.…))]");
                }
            }

            return found is not null
                ? new Confirmation(ConfirmationShape.Outcome, answer, isAsync, null, null, found)
                : Unreadable(answer, isAsync,
                    $"none of its members is named {ConventionalApprovingMemberList}: name the member that means yes with [HumanConfirmation(ApprovalMember = nameof({outcome.Name}.…))]");
        }

        // The member of an outcome enum that means yes: the one named, else the one conventional member; null when none
        // (or two of different values) could.
        private static IFieldSymbol? ApprovingMember(ITypeSymbol outcome, string? named)
        {
            if (named is not null)
            {
                return Member(outcome, named);
            }

            IFieldSymbol? found = null;
            foreach (var name in ConventionalApprovingMembers)
            {
                if (Member(outcome, name) is not { } member)
                {
                    continue;
                }

                if (found is not null && !Equals(found.ConstantValue, member.ConstantValue))
                {
                    return null;
                }

                found ??= member;
            }

            return found;
        }

        // The readable instance properties of an enum type (also nullable), on the type, its bases and interfaces, once per name.
        private static System.Collections.Generic.List<IPropertySymbol> EnumProperties(ITypeSymbol type)
        {
            var found = new System.Collections.Generic.List<IPropertySymbol>();
            var names = new System.Collections.Generic.HashSet<string>();
            foreach (var current in TypeAndAncestors(type))
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } property
                        && OutcomeType(property.Type) is not null && names.Add(property.Name))
                    {
                        found.Add(property.OriginalDefinition);
                    }
                }
            }

            return found;
        }

        private static IPropertySymbol? FindProperty(ITypeSymbol type, string name, bool enumOnly)
        {
            foreach (var current in TypeAndAncestors(type))
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } property && (!enumOnly || OutcomeType(property.Type) is not null))
                    {
                        return property.OriginalDefinition;
                    }
                }
            }

            return null;
        }

        private static System.Collections.Generic.IEnumerable<ITypeSymbol> TypeAndAncestors(ITypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                yield return current;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                yield return @interface;
            }
        }

        /// <summary>The enum a property of this type holds (ReviewOutcome, ReviewOutcome?), or null.</summary>
        public static ITypeSymbol? OutcomeType(ITypeSymbol type)
        {
            var underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
            return underlying.TypeKind == TypeKind.Enum ? underlying : null;
        }

        private static IFieldSymbol? Member(ITypeSymbol outcome, string name)
        {
            foreach (var member in outcome.GetMembers(name))
            {
                if (member is IFieldSymbol { IsConst: true, HasConstantValue: true } field)
                {
                    return field;
                }
            }

            return null;
        }

        private static string? NamedArgument(AttributeData attribute, string key)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == key && argument.Value.Value is string name && !string.IsNullOrWhiteSpace(name))
                {
                    return name;
                }
            }

            return null;
        }

        private static IPropertySymbol? FindBooleanProperty(ITypeSymbol type, string name)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (FindDeclaredBooleanProperty(current, name) is { } property)
                {
                    return property;
                }
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (FindDeclaredBooleanProperty(@interface, name) is { } property)
                {
                    return property;
                }
            }

            return null;
        }

        private static IPropertySymbol? FindDeclaredBooleanProperty(ITypeSymbol type, string name)
        {
            foreach (var member in type.GetMembers(name))
            {
                if (member is IPropertySymbol { IsStatic: false, GetMethod: not null, Type.SpecialType: SpecialType.System_Boolean } property)
                {
                    return property.OriginalDefinition;
                }
            }

            return null;
        }

        private static bool IsType(ITypeSymbol type, INamedTypeSymbol? wellKnown)
            => wellKnown is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, wellKnown);
    }
}
