using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Presence.Compilations;

namespace Presence.Analyzers.Catalog
{
    /// <summary>
    /// Where the URLs of a compilation come from besides its source text: configuration read through
    /// <c>IConfiguration</c> (<c>config["A:B"]</c>, <c>GetValue</c>, <c>GetSection</c>, <c>GetConnectionString</c>), options
    /// types bound from a section and read through <c>IOptions&lt;T&gt;</c>, <c>IOptionsSnapshot&lt;T&gt;</c> and
    /// <c>IOptionsMonitor&lt;T&gt;</c> (<c>[ConfigurationKeyName]</c> respected), and environment variables, each looked
    /// up in the project's settings files. One instance per compilation: the files are parsed once, on first use, and
    /// the options bindings are found once, the first time an options property is read as a URL.
    /// </summary>
    internal sealed class UrlSources
    {
        private const string ConfigurationNamespace = "Microsoft.Extensions.Configuration";
        private readonly Lazy<AppSettings> _settings;
        private readonly Lazy<OptionsBindings> _bindings;
        private readonly bool _seesConfiguration;

        // Options types are visible (a library that reads IOptions<T> may reference Microsoft.Extensions.Options alone,
        // and leave the binding, and so the configuration, to its host).
        private readonly bool _seesOptions;

        /// <param name="libraryBindings">Which options types referenced libraries bind themselves, and from which section (read when first asked).</param>
        public UrlSources(Compilation compilation, ImmutableArray<AdditionalText> additionalFiles, Func<IEnumerable<(string Type, string? Instance, string Section)>> libraryBindings, CancellationToken cancellationToken)
        {
            _settings = new Lazy<AppSettings>(() => AppSettings.Load(additionalFiles, cancellationToken));
            _seesConfiguration = compilation.GetBestTypeByMetadataName(ConfigurationNamespace + ".IConfiguration") is not null;
            // Options types, or plain objects bound with the configuration binder (config.Bind("A", settings)).
            _seesOptions = compilation.GetBestTypeByMetadataName("Microsoft.Extensions.Options.IOptions`1") is not null;
            var seesOptions = _seesOptions || compilation.GetBestTypeByMetadataName(ConfigurationNamespace + ".ConfigurationBinder") is not null;
            _bindings = new Lazy<OptionsBindings>(() => seesOptions ? OptionsBindings.Find(compilation, libraryBindings(), cancellationToken) : OptionsBindings.None);
            Clients = new ClientBaseAddresses(compilation, this, cancellationToken);
            Arguments = new CallSiteArguments(compilation, this, cancellationToken);
            Overrides = new PropertyOverrides(compilation, cancellationToken);
        }

        public AppSettings Settings => _settings.Value;

        /// <summary>Which section each options type is bound from, here or in a referenced library built with Presence.</summary>
        public OptionsBindings Bindings => _bindings.Value;

        /// <summary>True when something this compilation sends has asked <see cref="Bindings"/> already.</summary>
        public bool BindingsRead => _bindings.IsValueCreated;

        /// <summary>
        /// The values this project's settings give a key a referenced library reads: a plain configuration key, or a
        /// property of an options type the library does not bind itself, under the section this project binds it from.
        /// </summary>
        public IReadOnlyList<ConfiguredValue> FindConfigured(string key)
            => (key.Length > 0 && key[0] == '{' ? _bindings.Value.Resolve(key) : key) is { } resolved
                ? Settings.Find(resolved)
                : Array.Empty<ConfiguredValue>();

        /// <summary>
        /// For a key a referenced library posts to whose value this project's settings leave empty, a placeholder or
        /// unset: the platform the key's name and the body the library sends (<paramref name="bodyShapes"/>, as its
        /// summary says) decide together, with the words that say why, as for a request of this project's own; or null.
        /// Not for a property of an options type this project binds to no section it can see (bound out of sight, to a
        /// value that decides).
        /// </summary>
        public (string Platform, string Where)? GuessConfigured(string key, string verb, string bodyShapes)
        {
            var options = key.Length > 0 && key[0] == '{';
            if ((options ? _bindings.Value.Resolve(key) : key) is not { } resolved)
            {
                return null;
            }

            // The names are those of one project's read: the key, and the options type and property it is read through.
            var names = options ? resolved + " " + key.Replace("{", string.Empty).Replace("}", string.Empty) : resolved;
            foreach (var candidate in FromSettings(resolved, SettingKind.Configuration, names))
            {
                if (candidate.Origin is { Value: null } origin && BodyShape.Decide(origin.Names, bodyShapes) is { } decided)
                {
                    return (decided.Platform, verb + " to the " + origin.DescribeEvidence(decided.Evidence));
                }
            }

            return null;
        }

        /// <summary>
        /// How a message names a key a referenced library posts to that nothing here resolves: "the URL from
        /// configuration 'Metrics:Url' (not set in the settings files)", or for an options type this project binds to
        /// no section, "the URL from options 'MetricsOptions.Url' (…)".
        /// </summary>
        public string DescribeUnresolved(string key)
        {
            var resolved = key.Length > 0 && key[0] == '{' ? _bindings.Value.Resolve(key) ?? key : key;
            foreach (var candidate in FromSettings(resolved, SettingKind.Configuration, resolved))
            {
                if (candidate.Origin is { Value: null } origin)
                {
                    return "the " + origin.Describe(null);
                }
            }

            return "the URL from configuration '" + resolved + "'";
        }

        /// <summary>The base addresses of HttpClients: assigned in the sending type, or configured for typed and named clients.</summary>
        public ClientBaseAddresses Clients { get; }

        /// <summary>The URLs the call sites of a method pass to a parameter used as a request URL.</summary>
        public CallSiteArguments Arguments { get; }

        /// <summary>The overrides this compilation declares of a URL property a subclass may override.</summary>
        public PropertyOverrides Overrides { get; }

        /// <summary>
        /// The URLs a configuration or environment read may hold, or null when <paramref name="operation"/> is neither.
        /// A <paramref name="part"/> of a URL (its host, a token in its path) is any value the settings give, as it is.
        /// </summary>
        public List<UrlCandidate>? Read(IOperation operation, int depth, bool part = false)
        {
            if (EnvironmentVariable(operation) is { } variable)
            {
                return FromSettings(variable, SettingKind.Environment, variable, part);
            }

            if (!_seesConfiguration && !_seesOptions)
            {
                return null;
            }

            if (_seesConfiguration && ConfigurationRead(operation, out var fallback) is { } key)
            {
                var candidates = FromSettings(key, SettingKind.Configuration, key, part);
                if (fallback is not null)
                {
                    candidates.AddRange(UrlText.Read(fallback, this, depth));
                }

                return candidates;
            }

            if (operation is IPropertyReferenceOperation { Property: { IsIndexer: false } property, Instance: { } instance }
                && OptionsSection(instance, 0) is { } section)
            {
                var optionsKey = section.Key + ":" + KeyName(property);
                return FromSettings(optionsKey, SettingKind.Configuration, optionsKey + " " + section.TypeName + "." + property.Name, part);
            }

            return null;
        }

        /// <summary>
        /// The URLs the elements of a list read from configuration may hold (<c>options.Value.WebhookUrls</c>,
        /// <c>config.GetSection("Hooks").Get&lt;string[]&gt;()</c>): every element the settings files give, or null when
        /// <paramref name="collection"/> is not such a list.
        /// </summary>
        public List<UrlCandidate>? Elements(IOperation collection, int depth)
            => (_seesConfiguration || _seesOptions) && OptionsSection(collection, depth + 1) is { } list
                ? FromSettings(list.Key + ":" + AnyElement, SettingKind.Configuration, list.Key + ":" + AnyElement)
                : null;

        /// <summary>The key segment that stands for any element of a list: <c>Hooks:*:Url</c>.</summary>
        public const string AnyElement = "*";

        private List<UrlCandidate> FromSettings(string key, SettingKind kind, string names, bool part = false)
        {
            var candidates = new List<UrlCandidate>();
            string? unset = null;
            foreach (var value in Settings.Find(key))
            {
                var text = value.Value.Trim();
                if (text.IndexOf("://", StringComparison.Ordinal) > 0)
                {
                    candidates.Add(new UrlCandidate(text, part ? null : new SettingOrigin(key, kind, value, null, names)));
                }
                else if (part && text.Length > 0)
                {
                    // A host or a path segment: the URL it is part of says where the request goes, not the setting.
                    candidates.Add(new UrlCandidate(text, null));
                }
                else
                {
                    unset ??= (text.Length == 0 ? "empty in " : "not a URL in ") + value.File;
                }
            }

            if (candidates.Count == 0)
            {
                unset ??= kind == SettingKind.Environment
                    ? "set only in the environment"
                    : key.Length > 0 && key[0] == '{' ? "its options type is bound to no configuration section in this project"
                    : Settings.HasFiles ? "not set in the settings files" : "no settings file is passed to the analyzers";
                candidates.Add(new UrlCandidate(RequestUrl.Unknown.ToString(), new SettingOrigin(key, kind, null, unset, names)));
            }

            return candidates;
        }

        // Environment.GetEnvironmentVariable("SLACK_WEBHOOK_URL").
        private static string? EnvironmentVariable(IOperation operation)
            => operation is IInvocationOperation { TargetMethod: { Name: "GetEnvironmentVariable", ContainingType: { Name: "Environment", ContainingNamespace.Name: "System" } } } call
               && call.Arguments.Length > 0
               && call.Arguments[0].Value.ConstantValue.Value is string name
                ? name
                : null;

        /// <summary>The key <paramref name="operation"/> reads from IConfiguration, and the fallback it gives, or null.</summary>
        private static string? ConfigurationRead(IOperation operation, out IOperation? fallback)
        {
            fallback = null;
            switch (operation)
            {
                // config["Slack:WebhookUrl"], config.GetSection("Slack")["WebhookUrl"]
                case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer when IsConfigurationType(indexer.Property.ContainingType):
                    return indexer.Arguments[0].Value.ConstantValue.Value is string indexKey ? Join(SectionPath(indexer.Instance, 0), indexKey) : null;

                // config.GetSection("Slack:WebhookUrl").Value
                case IPropertyReferenceOperation { Property.Name: "Value" } value when IsConfigurationType(value.Property.ContainingType):
                    return SectionPath(value.Instance, 0);

                case IInvocationOperation call when IsConfigurationType(ExtensionMembers.Classic(call.TargetMethod).ContainingType):
                    var receiver = Receiver(call);
                    switch (call.TargetMethod.Name)
                    {
                        // config.GetValue<string>("Slack:WebhookUrl", "https://…")
                        case "GetValue":
                            fallback = Argument(call, "defaultValue");
                            return Argument(call, "key")?.ConstantValue.Value is string valueKey ? Join(SectionPath(receiver, 0), valueKey) : null;

                        case "GetConnectionString":
                            return Argument(call, "name")?.ConstantValue.Value is string name ? Join(SectionPath(receiver, 0), "ConnectionStrings:" + name) : null;

                        // config.GetSection("Slack:WebhookUrl").Get<string>()
                        case "Get" when call.Type?.SpecialType == SpecialType.System_String:
                            return SectionPath(receiver, 0);
                    }

                    return null;

                default:
                    return null;
            }
        }

        // The section an IConfiguration value stands for: "" for the root, "Slack" for GetSection("Slack"), null when unknown.
        private static string? SectionPath(IOperation? operation, int depth)
        {
            operation = UrlText.WithoutConversions(operation);
            if (operation is null || depth > 8)
            {
                return null;
            }

            switch (operation)
            {
                case IInvocationOperation { TargetMethod.Name: "GetSection" or "GetRequiredSection" } call when call.Arguments.Length > 0:
                    var parent = SectionPath(Receiver(call), depth + 1);
                    var child = Argument(call, "key")?.ConstantValue.Value as string;
                    return parent is null || child is null ? null : Join(parent, child);

                case ILocalReferenceOperation local when UrlText.Initializer(local.Local, operation.SemanticModel) is { } initializer:
                    return SectionPath(initializer, depth + 1);

                // foreach (var hook in config.GetSection("Hooks").GetChildren()): any child of the section.
                case ILocalReferenceOperation local when UrlText.ForEachCollection(local.Local, operation.SemanticModel) is IInvocationOperation { TargetMethod.Name: "GetChildren" } children:
                    return SectionPath(Receiver(children), depth + 1) is { } parentPath ? Join(parentPath, AnyElement) : null;

                // A section kept in a readonly field: the one path every value it is given agrees on.
                case IFieldReferenceOperation { Field: { IsReadOnly: true } field } when UrlText.AssignedOperations(field, operation.SemanticModel) is { Count: > 0 } assigned:
                    string? agreed = null;
                    foreach (var value in assigned)
                    {
                        if (SectionPath(value, depth + 1) is not { } path || (agreed is not null && agreed != path))
                        {
                            return null;
                        }

                        agreed = path;
                    }

                    return agreed;

                default:
                    // The whole configuration: IConfiguration, IConfigurationRoot, ConfigurationManager (builder.Configuration).
                    return operation.Type is INamedTypeSymbol { Name: "IConfiguration" or "IConfigurationRoot" or "IConfigurationManager" or "ConfigurationManager" } type
                           && IsConfigurationType(type)
                        ? string.Empty
                        : null;
            }
        }

        // The section an options object was bound from, and its type's name.
        private (string Key, string TypeName)? OptionsSection(IOperation? operation, int depth)
        {
            operation = UrlText.WithoutConversions(operation);
            if (operation is null || depth > 8)
            {
                return null;
            }

            switch (operation)
            {
                // options.Value, monitor.CurrentValue
                // Not bound here: a library's options, which its host binds (the host's settings decide).
                case IPropertyReferenceOperation { Property.Name: "Value" or "CurrentValue", Instance.Type: INamedTypeSymbol { TypeArguments.Length: 1 } options }
                    when IsOptionsType(options):
                    return Bound(options.TypeArguments[0]) ?? Unbound(options.TypeArguments[0], null);

                // monitor.Get(name), snapshot.Get(name): that named instance's section.
                case IInvocationOperation { TargetMethod.Name: "Get", Instance.Type: INamedTypeSymbol { TypeArguments.Length: 1 } named } get when IsOptionsType(named):
                    return get.Arguments.Length == 1 && get.Arguments[0].Value.ConstantValue.Value is string instance
                        ? Bound(named.TypeArguments[0], instance) ?? Unbound(named.TypeArguments[0], instance)
                        : null;

                // config.GetSection("Slack").Get<SlackOptions>()
                case IInvocationOperation { TargetMethod.Name: "Get" } call when IsConfigurationType(ExtensionMembers.Classic(call.TargetMethod).ContainingType):
                    return SectionPath(Receiver(call), 0) is { } path && call.Type is { } bound ? (path, bound.Name) : null;

                // options.Value.Slack.WebhookUrl: a nested object of a bound type.
                case IPropertyReferenceOperation { Property: { IsIndexer: false } nested, Instance: { } parent } when OptionsSection(parent, depth + 1) is { } outer:
                    return (Join(outer.Key, KeyName(nested)), nested.Type.Name);

                case ILocalReferenceOperation local when UrlText.Initializer(local.Local, operation.SemanticModel) is { } initializer && OptionsSection(initializer, depth + 1) is { } fromLocal:
                    return fromLocal;

                // foreach (var target in options.Value.Targets): any element of the bound list.
                case ILocalReferenceOperation local when UrlText.ForEachCollection(local.Local, operation.SemanticModel) is { } collection && OptionsSection(collection, depth + 1) is { } list:
                    return (list.Key + ":" + AnyElement, local.Local.Type.Name);

                default:
                    // A field or parameter of a bound type (_options = options.Value in the constructor), or a readonly
                    // field or get-only property set from the options of a type bound elsewhere, or from a nested object
                    // of bound options (_discord = options.Value.Discord).
                    if (operation.Type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, SpecialType: SpecialType.None } type
                        || type.Locations.Length == 0 || !type.Locations[0].IsInSource)
                    {
                        return null;
                    }

                    return Bound(type)
                           ?? (operation switch
                           {
                               IFieldReferenceOperation { Field: { IsReadOnly: true } field } => KeptOptions(field, operation.SemanticModel, depth),
                               IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Property: { IsIndexer: false, SetMethod: null } kept } => KeptOptions(kept, operation.SemanticModel, depth),
                               _ => null,
                           });
            }
        }

        // The section of the options a member set in its type's constructors or initializer holds: the one every value
        // it is given agrees on (options.Value, monitor.CurrentValue, options.Value.Discord), or null.
        private (string Key, string TypeName)? KeptOptions(ISymbol member, SemanticModel? model, int depth)
        {
            if (UrlText.AssignedOperations(member, model) is not { Count: > 0 } assigned)
            {
                return null;
            }

            (string Key, string TypeName)? agreed = null;
            foreach (var value in assigned)
            {
                if (OptionsSection(value, depth + 1) is not { } section || (agreed is not null && agreed.Value.Key != section.Key))
                {
                    return null;
                }

                agreed = section;
            }

            return agreed;
        }

        private (string Key, string TypeName)? Bound(ITypeSymbol type, string? instance = null)
            => _bindings.Value.SectionOf(type, instance) is { } section ? (section, type.Name) : null;

        private static (string Key, string TypeName) Unbound(ITypeSymbol type, string? instance)
            => (OptionsBindings.UnboundSection(type.Name, instance), type.Name);

        // [ConfigurationKeyName("webhook_url")] renames a property for the binder.
        private static string KeyName(IPropertySymbol property)
        {
            foreach (var attribute in property.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "ConfigurationKeyNameAttribute" } attributeClass && IsConfigurationType(attributeClass)
                    && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name)
                {
                    return name;
                }
            }

            return property.Name;
        }

        private static string Join(string? parent, string child)
            => parent is null ? child : parent.Length == 0 ? child : parent + ":" + child;

        private static IOperation? Receiver(IInvocationOperation call)
            => call.TargetMethod.IsExtensionMethod && call.TargetMethod.ReducedFrom is null && call.Arguments.Length > 0
                ? call.Arguments[0].Value
                : call.Instance;

        private static IOperation? Argument(IInvocationOperation call, string name)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Name == name && !argument.IsImplicit)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private static bool IsConfigurationType(INamedTypeSymbol? type)
            => type?.ContainingNamespace is { Name: "Configuration", ContainingNamespace: { Name: "Extensions", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } };

        private static bool IsOptionsType(INamedTypeSymbol type)
            => type.Name is "IOptions" or "IOptionsSnapshot" or "IOptionsMonitor"
               && type.ContainingNamespace is { Name: "Options", ContainingNamespace: { Name: "Extensions", ContainingNamespace.Name: "Microsoft" } };
    }
}
