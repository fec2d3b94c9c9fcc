using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Presence.Analyzers.Catalog
{
    /// <summary>
    /// Which configuration section each options type is bound from, as startup code says it:
    /// <c>Configure&lt;T&gt;(config.GetSection("A"))</c>, <c>AddOptions&lt;T&gt;().BindConfiguration("A")</c>,
    /// <c>AddOptions&lt;T&gt;().Bind(config.GetSection("A"))</c> and <c>config.GetSection("A").Get&lt;T&gt;()</c>. The section
    /// may be a literal, <c>nameof(...)</c> or a string constant (<c>SlackOptions.SectionName</c>).
    /// </summary>
    /// <remarks>
    /// Found by reading syntax once per compilation, and only when a URL is read from an object whose type might be
    /// bound: no semantic model is built for it. Types are matched by name.
    /// </remarks>
    internal sealed class OptionsBindings
    {
        // By type name; a named instance (Configure<T>("alerts", …), AddOptions<T>("alerts")) as "Type\0name".
        private readonly Dictionary<string, string> _sections;

        // This project's own bindings, which its summary passes on; the rest came from referenced libraries.
        private readonly Dictionary<string, string> _own;

        private OptionsBindings(Dictionary<string, string> sections, Dictionary<string, string>? own = null)
        {
            _sections = sections;
            _own = own ?? sections;
        }

        public static OptionsBindings None { get; } = new OptionsBindings(new Dictionary<string, string>());

        /// <summary>
        /// The bindings this project's own startup code makes (type name, named instance or null, section), for its
        /// summary: a host that reads a library's options without binding them itself
        /// (<c>services.AddSocialPublishing(config)</c> binds them inside the library) finds the section there.
        /// </summary>
        public IEnumerable<(string Type, string? Instance, string Section)> Own
        {
            get
            {
                foreach (var pair in _own)
                {
                    var split = pair.Key.IndexOf('\0');
                    yield return split < 0 ? (pair.Key, null, pair.Value) : (pair.Key.Substring(0, split), pair.Key.Substring(split + 1), pair.Value);
                }
            }
        }

        /// <summary>
        /// The section <paramref name="type"/> is bound from (the named instance <paramref name="name"/>'s, when given:
        /// <c>monitor.Get("alerts")</c>), or null.
        /// </summary>
        public string? SectionOf(ITypeSymbol type, string? name = null) => SectionOf(type.Name, name);

        private string? SectionOf(string typeName, string? name)
            => _sections.TryGetValue(name is null or "" ? typeName : typeName + "\0" + name, out var section) ? section : null;

        /// <summary>
        /// The stand-in for the section of an options type this project reads but does not bind (a library's options,
        /// bound by its host): <c>{ChatOptions}</c>, <c>{ChatOptions|alerts}</c> for a named instance. A key under it
        /// (<c>{ChatOptions}:Url</c>) travels in the library's summary; the host's bindings put the section in its place.
        /// </summary>
        public static string UnboundSection(string typeName, string? name)
            => "{" + typeName + (name is null or "" ? string.Empty : "|" + name) + "}";

        /// <summary>The options type and property path a key under <see cref="UnboundSection"/> names, for messages: <c>ChatOptions.Url</c>.</summary>
        public static string? UnboundDisplay(string key)
        {
            var close = key.Length > 0 && key[0] == '{' ? key.IndexOf('}') : -1;
            if (close < 0)
            {
                return null;
            }

            var type = key.Substring(1, close - 1);
            var bar = type.IndexOf('|');
            return (bar < 0 ? type : type.Substring(0, bar)) + key.Substring(close + 1).Replace(':', '.');
        }

        /// <summary>
        /// <paramref name="key"/> with an <see cref="UnboundSection"/> replaced by the section this project binds that
        /// options type (and instance) from; the key itself when it has none; null when this project binds it from no section.
        /// </summary>
        public string? Resolve(string key)
        {
            var close = key.Length > 0 && key[0] == '{' ? key.IndexOf('}') : -1;
            if (close < 0)
            {
                return key;
            }

            var type = key.Substring(1, close - 1);
            var bar = type.IndexOf('|');
            var section = bar < 0 ? SectionOf(type, null) : SectionOf(type.Substring(0, bar), type.Substring(bar + 1));
            return section is null ? null : section + key.Substring(close + 1);
        }

        /// <param name="libraryBindings">The bindings referenced libraries built with Presence make themselves, as their summaries say.</param>
        public static OptionsBindings Find(Compilation compilation, IEnumerable<(string Type, string? Instance, string Section)> libraryBindings, CancellationToken cancellationToken)
        {
            var sections = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var root = tree.GetRoot(cancellationToken);
                SemanticModel? model = null;
                foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (invocation.Expression is not MemberAccessExpressionSyntax access)
                    {
                        continue;
                    }

                    switch (access.Name)
                    {
                        // services.Configure<SlackOptions>(config.GetSection("Slack"))
                        // services.Configure<WebhookOptions>("alerts", config.GetSection("Webhooks:Alerts")): a named instance
                        case GenericNameSyntax { Identifier.ValueText: "Configure", TypeArgumentList.Arguments.Count: 1 } configure
                            when invocation.ArgumentList.Arguments.Count > 0
                                 && SectionOf(invocation.ArgumentList.Arguments[invocation.ArgumentList.Arguments.Count - 1].Expression, compilation) is { } configured:
                            Add(sections, configure.TypeArgumentList.Arguments[0], configured,
                                invocation.ArgumentList.Arguments.Count == 2 ? Constant(invocation.ArgumentList.Arguments[0].Expression, compilation) ?? "\u0001" : null);
                            break;

                        // services.AddOptions<SlackOptions>().BindConfiguration("Slack") / .Bind(config.GetSection("Slack"))
                        case IdentifierNameSyntax { Identifier.ValueText: "BindConfiguration" or "Bind" } bind
                            when invocation.ArgumentList.Arguments.Count > 0 && AddOptionsType(access.Expression) is { } optionsType:
                            var argument = invocation.ArgumentList.Arguments[0].Expression;
                            var section = bind.Identifier.ValueText == "BindConfiguration" ? Constant(argument, compilation) : SectionOf(argument, compilation);
                            if (section is not null)
                            {
                                Add(sections, optionsType.Type, section, optionsType.Name is { } named ? Constant(named, compilation) ?? "\u0001" : null);
                            }

                            break;

                        // config.GetSection("Slack").Get<SlackOptions>()
                        case GenericNameSyntax { Identifier.ValueText: "Get" or "GetRequired", TypeArgumentList.Arguments.Count: 1 } get
                            when SectionOf(access.Expression, compilation) is { } read:
                            Add(sections, get.TypeArgumentList.Arguments[0], read);
                            break;

                        // config.GetSection("Slack").Bind(options), config.Bind("Slack", options): into an instance, or
                        // inside Configure<T>(o => …) / AddOptions<T>().Configure(o => …).
                        case IdentifierNameSyntax { Identifier.ValueText: "Bind" } when invocation.ArgumentList.Arguments.Count > 0:
                            AddBound(sections, invocation, access.Expression, compilation, ref model, cancellationToken);
                            break;
                    }
                }
            }

            // A referenced library's own bindings (its summary's records), where this project binds the type from nothing.
            Dictionary<string, string>? own = null;
            foreach (var (type, instance, section) in libraryBindings)
            {
                own ??= new Dictionary<string, string>(sections, StringComparer.Ordinal);
                Add(sections, type, section, instance);
            }

            return sections.Count == 0 ? None : new OptionsBindings(sections, own);
        }

        // A named instance is kept apart from the type's default one (a name not known here, "\u0001", matches no read).
        private static void Add(Dictionary<string, string> sections, TypeSyntax type, string section, string? instance = null)
            => Add(sections, type switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            }, section, instance);

        private static void Add(Dictionary<string, string> sections, string? name, string section, string? instance)
        {
            var key = name is null ? null : instance is null or "" ? name : name + "\0" + instance;
            if (key is not null && !sections.ContainsKey(key))
            {
                sections[key] = section;
            }
        }

        // section.Bind(target), section.Bind(target, binder => …), config.Bind("A", target): the target's type (asked of
        // the semantic model: a local, a field, a configure lambda's parameter) is bound from the section; inside
        // Configure<T>("name", o => …) or AddOptions<T>("name").Configure(o => …), that named instance.
        private static void AddBound(Dictionary<string, string> sections, InvocationExpressionSyntax bind, ExpressionSyntax receiver, Compilation compilation, ref SemanticModel? model, CancellationToken cancellationToken)
        {
            var arguments = bind.ArgumentList.Arguments;
            string? section;
            ExpressionSyntax target;
            if (arguments.Count >= 2 && Constant(arguments[0].Expression, compilation) is { } key)
            {
                var parent = SectionOf(receiver, compilation);
                section = parent is null ? key : parent + ":" + key;
                target = arguments[1].Expression;
            }
            else
            {
                section = SectionOf(receiver, compilation);
                target = arguments[0].Expression;
            }

            if (section is null || target is not IdentifierNameSyntax identifier)
            {
                return;
            }

            model ??= compilation.GetSemanticModel(bind.SyntaxTree);
            if (model.GetTypeInfo(target, cancellationToken).Type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, SpecialType: SpecialType.None } type)
            {
                return;
            }

            Add(sections, type.Name, section, ConfiguredInstance(bind, identifier.Identifier.ValueText, compilation));
        }

        // The options name of the Configure call whose lambda's first parameter is the bound target, or null for the
        // default instance.
        private static string? ConfiguredInstance(SyntaxNode bind, string target, Compilation compilation)
        {
            for (var node = bind.Parent; node is not null and not MemberDeclarationSyntax; node = node.Parent)
            {
                var parameter = node switch
                {
                    SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
                    ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: > 0 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
                    _ => null,
                };

                if (parameter is null)
                {
                    continue;
                }

                if (parameter != target || node.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } configure } list })
                {
                    return null;
                }

                if (list.Arguments.Count == 2 && access.Name is GenericNameSyntax)
                {
                    return Constant(list.Arguments[0].Expression, compilation) ?? "\u0001";
                }

                return AddOptionsType(access.Expression) is { Name: { } named } ? Constant(named, compilation) ?? "\u0001" : null;
            }

            return null;
        }

        // The T of an AddOptions<T>() somewhere down a builder chain, and its name argument, if any.
        private static (TypeSyntax Type, ExpressionSyntax? Name)? AddOptionsType(ExpressionSyntax expression)
        {
            for (var depth = 0; depth < 8 && expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call; depth++)
            {
                if (access.Name is GenericNameSyntax { Identifier.ValueText: "AddOptions" or "AddOptionsWithValidateOnStart", TypeArgumentList.Arguments.Count: > 0 } addOptions)
                {
                    return (addOptions.TypeArgumentList.Arguments[0], call.ArgumentList.Arguments.Count == 1 ? call.ArgumentList.Arguments[0].Expression : null);
                }

                expression = access.Expression;
            }

            return null;
        }

        // The section path of config.GetSection("A").GetSection("B"): "A:B".
        private static string? SectionOf(ExpressionSyntax expression, Compilation compilation)
        {
            var parts = new List<string>();
            for (var depth = 0; depth < 8; depth++)
            {
                if (expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetSection" or "GetRequiredSection" } access } call
                    || call.ArgumentList.Arguments.Count != 1
                    || Constant(call.ArgumentList.Arguments[0].Expression, compilation) is not { } part)
                {
                    break;
                }

                parts.Insert(0, part);
                expression = access.Expression;
            }

            return parts.Count == 0 ? null : string.Join(":", parts);
        }

        // "Slack", nameof(Slack), SlackOptions.SectionName, SectionName: constants found by name.
        private static string? Constant(ExpressionSyntax expression, Compilation compilation)
        {
            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return literal.Token.ValueText;

                case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments: { Count: 1 } arguments }:
                    return arguments[0].Expression switch
                    {
                        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                        SimpleNameSyntax simple => simple.Identifier.ValueText,
                        _ => null,
                    };

                case MemberAccessExpressionSyntax { Expression: SimpleNameSyntax typeName, Name: SimpleNameSyntax memberName }:
                    return ConstantField(compilation, typeName.Identifier.ValueText, memberName.Identifier.ValueText);

                case IdentifierNameSyntax identifier:
                    return ConstantField(compilation, typeName: null, identifier.Identifier.ValueText);

                default:
                    return null;
            }
        }

        private static string? ConstantField(Compilation compilation, string? typeName, string fieldName)
        {
            string? found = null;
            foreach (var symbol in compilation.GetSymbolsWithName(fieldName, SymbolFilter.Member))
            {
                if (symbol is IFieldSymbol { HasConstantValue: true, ConstantValue: string value } field
                    && (typeName is null || field.ContainingType?.Name == typeName))
                {
                    if (found is not null && found != value)
                    {
                        return null;
                    }

                    found = value;
                }
            }

            return found;
        }
    }
}
