using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Presence.Analyzers.Catalog;
using Presence.Compilations;

namespace Presence.Analyzers.Model
{
    /// <summary>
    /// What assemblies built with Presence say about their own methods (docs/design/paths.md): which externally
    /// callable methods reach an unguarded publish, and along which path. The summary is an assembly attribute,
    /// <c>[assembly: AssemblyMetadata("Presence.Summary", "…")]</c>, written by the summary generator at build time,
    /// so a referencing compilation reads it from the reference (project or package) without any file IO.
    /// </summary>
    /// <remarks>
    /// The format is line-based text, one record a line, fields separated by tabs. The first line is the format
    /// version. Each record starts with a one-letter kind; readers skip kinds they do not know, so a later version
    /// can add records (for instance the configuration keys a library posts to) without breaking older readers.
    /// Version changes only when the meaning of an existing record changes; a reader ignores a summary of another
    /// version (the library is then treated as opaque).
    /// </remarks>
    internal sealed class LibrarySummaries
    {
        /// <summary>The AssemblyMetadata key of the summary.</summary>
        public const string SummaryKey = "Presence.Summary";

        /// <summary>The AssemblyMetadata key every compilation built with Presence carries, even when nothing publishes.</summary>
        public const string MarkerKey = "Presence.Summary.Version";

        public const string Version = "1";

        /// <summary>Record kind: a method reaches an unguarded publish. Fields: documentation id, platform, catalog id, path.</summary>
        public const string PublishRecord = "P";

        /// <summary>Record kind: a method returns machine-written text nobody reviewed. Field: documentation id.</summary>
        public const string MachineWrittenRecord = "W";

        /// <summary>
        /// Record kind: a method reaches an unguarded request whose whole URL is a configuration key without a value in
        /// the library's own settings. Fields: documentation id, key, HTTP method, path, and optionally the relative URL
        /// sent under the key's value, the library's guess (platform, evidence) and the body's shapes
        /// (<c>Discord:content</c>). A referencing compilation whose settings files give the key a publish URL reads it
        /// as a <see cref="PublishRecord"/>; without a usable value, the guess, or its own guess by the name it reads
        /// the key under and the body's shapes, decides.
        /// </summary>
        public const string ConfiguredSendRecord = "K";

        /// <summary>
        /// Record kind: a method reaches, unguarded, a call of a member another assembly may implement (an interface
        /// member, an abstract or virtual method), which the library cannot resolve itself. Fields: documentation id,
        /// the member's key (its documentation id, or <see cref="ClosedId"/> for a member of a closed generic
        /// interface), path from the method to the member. A referencing compilation continues the call into the
        /// implementations it sees.
        /// </summary>
        public const string DispatchRecord = "D";

        /// <summary>
        /// Record kind: a method reaches an unguarded request whose URL is what its caller passes to one of its
        /// parameters (<c>Send(string url, string text)</c>), which the library cannot resolve. Fields: documentation id,
        /// the parameter's ordinal, HTTP method, path, and the rest of the URL after the argument (empty when the
        /// argument is the whole URL), and, when the body has a platform's message shape, those shapes
        /// (<c>Slack:text</c>). A referencing compilation reads each call's argument as it reads the URL of a request
        /// of its own, the shapes standing for the body it does not see.
        /// </summary>
        public const string ArgumentSendRecord = "A";

        /// <summary>
        /// Record kind: the publish a <see cref="PublishRecord"/> of the same method names goes to the chat, channel,
        /// message or recipient address its caller passes to one of its parameters (<c>Notify(ChatId chat, string text)</c>,
        /// <c>SendResetLinkAsync(string email, string link)</c>). Fields:
        /// documentation id, the parameter's ordinal, platform, catalog id, path. A reader that knows it judges each call
        /// by its argument, as a send of its own (the team's chat, the requester's chat or address answered), instead of the
        /// publish record; an older reader keeps the publish record.
        /// </summary>
        public const string ChatSendRecord = "C";

        /// <summary>
        /// Record kind: an options type this library binds from a configuration section
        /// (<c>services.Configure&lt;DiscordOptions&gt;(config.GetSection("Discord"))</c> in its <c>AddX(config)</c>). Fields:
        /// the type's name, the section, the named instance (empty for the default one). A referencing compilation that
        /// reads that type's options without binding it itself finds its properties' values under the section.
        /// </summary>
        public const string OptionsBindingRecord = "O";

        /// <summary>
        /// Record kind: as <see cref="ArgumentSendRecord"/>, for a URL the caller gives in another shape. Fields:
        /// documentation id, where the URL comes from, HTTP method, path, and the rest of the URL. Where: a member of the
        /// argument of a parameter (<c>0.Url</c>: <c>SendToAsync(WebhookTarget target)</c> posting to
        /// <c>target.Url</c>), each element of one (<c>0[]</c>: a list of URLs), a property a subclass overrides
        /// (<c>this.WebhookUrl</c>), or a parameter of a constructor a subclass calls (its documentation id, <c>#</c> and
        /// the ordinal); the last two are read for a subclass whose inherited entry point the method is. A reader that
        /// does not know the kind skips it (it would read the whole argument as the URL). A sixth field, the body's shapes, as for
        /// <see cref="ArgumentSendRecord"/>.
        /// </summary>
        public const string ShapedSendRecord = "U";

        /// <summary>
        /// Record kind: a hosted service of this library whose send to a configured URL only a host's settings decide (a
        /// <see cref="ConfiguredSendRecord"/> under its <c>ExecuteAsync</c>), and the methods of this library that
        /// register it (<c>AddHostedService&lt;T&gt;()</c> in them, or in a method of the library they call). Fields: the
        /// worker type's documentation id, then one field for each registration method's documentation id (none when only
        /// a host's own <c>AddHostedService&lt;T&gt;()</c> registers it). A host is told where it calls one of these, not
        /// where it calls the library's other registration methods; for a library without the record (built by an older
        /// release), every <c>IServiceCollection</c> extension method of the library stands for its workers.
        /// </summary>
        public const string RegistrationRecord = "R";

        public static readonly LibrarySummaries Empty = new LibrarySummaries(
            new Dictionary<string, LibraryPublish>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), null, null, null);

        private readonly Dictionary<string, LibraryPublish> _publishes;
        private readonly HashSet<string> _machineWritten;
        private readonly Dictionary<string, List<LibraryDispatch>>? _dispatches;
        private readonly Dictionary<string, LibraryArgumentSend>? _argumentSends;
        private readonly HashSet<string>? _argumentSendNames;
        private readonly Dictionary<string, LibraryChatSend>? _chatSends;
        private readonly HashSet<string>? _chatSendNames;
        private readonly Dictionary<string, LibraryConfiguredSend>? _unresolvedSends;
        private readonly HashSet<string>? _unresolvedSendNames;
        private readonly Compilation? _compilation;

        private LibrarySummaries(Dictionary<string, LibraryPublish> publishes, HashSet<string> machineWritten, Dictionary<string, List<LibraryDispatch>>? dispatches, Dictionary<string, LibraryArgumentSend>? argumentSends, Compilation? compilation, Dictionary<string, LibraryChatSend>? chatSends = null, Dictionary<string, LibraryConfiguredSend>? unresolvedSends = null)
        {
            _unresolvedSends = unresolvedSends;
            _unresolvedSendNames = unresolvedSends is null ? null : new HashSet<string>(unresolvedSends.Values.Select(send => send.MethodName), StringComparer.Ordinal);
            _chatSends = chatSends;
            _chatSendNames = chatSends is null ? null : new HashSet<string>(chatSends.Values.Select(send => send.MethodName), StringComparer.Ordinal);
            _publishes = publishes;
            _machineWritten = machineWritten;
            _dispatches = dispatches;
            _argumentSends = argumentSends;
            _argumentSendNames = argumentSends is null ? null : new HashSet<string>(argumentSends.Values.Select(send => send.MethodName), StringComparer.Ordinal);
            HasSubclassSends = argumentSends is not null && argumentSends.Values.Any(send => send.BySubclass);
            _compilation = compilation;
        }

        /// <summary>True when no referenced assembly says anything: lookups can be skipped.</summary>
        public bool IsEmpty => _publishes.Count == 0 && _machineWritten.Count == 0 && _dispatches is null && _argumentSends is null && _chatSends is null && _unresolvedSends is null;

        /// <summary>
        /// True when some referenced method sends to a configured URL that this compilation's settings leave without a
        /// usable value, and that no name and body decide (a PRES011 note where an unattended path calls it).
        /// </summary>
        public bool HasUnresolvedSends => _unresolvedSends is not null;

        /// <summary>The send to a configured URL nothing here resolves that a referenced method makes, or null (by name first).</summary>
        public LibraryConfiguredSend? FindUnresolvedSend(IMethodSymbol method)
            => _unresolvedSendNames is not null && _unresolvedSendNames.Contains(method.Name) && IdOf(method) is { } id
                ? Find(_unresolvedSends!, id, method, null)
                : null;

        /// <summary>True when some referenced assembly has a method that publishes to the chat its caller passes.</summary>
        public bool HasChatSends => _chatSends is not null;

        /// <summary>What a referenced method publishes to the chat its caller passes, as its summary says, or null (by name first).</summary>
        public LibraryChatSend? FindChatSend(IMethodSymbol method)
            => _chatSendNames is not null && _chatSendNames.Contains(method.Name) && IdOf(method) is { } id
                ? Find(_chatSends!, id, method, null)
                : null;

        /// <summary>True when some referenced assembly has a method that sends to a URL its caller passes.</summary>
        public bool HasArgumentSends => _argumentSends is not null;

        /// <summary>True when some referenced base class sends to a URL its subclass gives (<see cref="LibraryArgumentSend.BySubclass"/>).</summary>
        public bool HasSubclassSends { get; }

        /// <summary>
        /// What a referenced method sends to the URL its caller passes, as its summary says, or null. Cheap for every
        /// other method: its name is looked up first.
        /// </summary>
        public LibraryArgumentSend? FindArgumentSend(IMethodSymbol method)
            => _argumentSendNames is not null && _argumentSendNames.Contains(method.Name) && IdOf(method) is { } id
                ? Find(_argumentSends!, id, method, null)
                : null;

        /// <summary>True when some referenced assembly has a method that reaches a publish: a path can continue into it.</summary>
        public bool HasPublishes => _publishes.Count > 0;

        /// <summary>
        /// The simple names of the referenced methods that call a member another assembly may implement, each with the
        /// member's simple name: a path through one goes on only where an implementation of the member publishes.
        /// </summary>
        public IEnumerable<(string Method, string Member)> DispatchNames
            => _dispatches is null
                ? Enumerable.Empty<(string, string)>()
                : _dispatches.SelectMany(pair => pair.Value.Select(dispatch => (NameOfId(pair.Key), NameOfId(dispatch.MemberId))));

        /// <summary>True when some referenced assembly has a method that returns machine-written text.</summary>
        public bool HasMachineWritten => _machineWritten.Count > 0;

        /// <summary>The simple names of the methods that publish, for cheap syntactic prefilters.</summary>
        public IEnumerable<string> MethodNames
            => _publishes.Values.Select(p => p.MethodName).Concat(_argumentSendNames ?? Enumerable.Empty<string>())
                .Concat(_chatSendNames ?? Enumerable.Empty<string>()).Concat(_unresolvedSendNames ?? Enumerable.Empty<string>()).Distinct(StringComparer.Ordinal);

        /// <summary>The simple names of the methods that return machine-written text.</summary>
        public IEnumerable<string> MachineWrittenNames => _machineWritten.Select(NameOfId).Distinct(StringComparer.Ordinal);

        /// <summary>
        /// Reads the summaries of the referenced assemblies that can publish: those of <paramref name="assemblies"/>, and
        /// any outside the framework. Only these can reach a publish, so every other reference is skipped without reading
        /// its attributes. Which of them carry a summary is kept per set of references: an IDE's compilation after an
        /// edit does not look through its ~200 references again.
        /// </summary>
        /// <param name="settings">
        /// Where this compilation's settings give a configuration key its values: a library's send to a configured URL
        /// (a <see cref="ConfiguredSendRecord"/>) publishes here when one of them is a publish endpoint, or, without a
        /// usable one, when the key's name and the body the library sends say a platform. Asked only when a summary
        /// has such a record.
        /// </param>
        /// <param name="configuredSendNames">
        /// When given, receives the simple names of the methods with a <see cref="ConfiguredSendRecord"/>, whatever the
        /// settings say (the path summary's prefilter, which reads no settings).
        /// </param>
        public static LibrarySummaries Read(Compilation compilation, PublishingAssemblies assemblies, UrlSources? settings = null, ICollection<string>? configuredSendNames = null)
        {
            var summarized = ReferenceSet.Of(compilation).Derived(
                "LibrarySummaries " + assemblies.Key,
                () => References(compilation, BuiltInCatalog.Index.Assemblies)
                    .Where(assembly => (assemblies.Contains(assembly) || !IsFramework(assembly.Name)) && Attributes(assembly).Summary is not null)
                    .ToArray());
            if (summarized.Length == 0)
            {
                return Empty;
            }

            Dictionary<string, LibraryPublish>? publishes = null;
            HashSet<string>? machineWritten = null;
            List<(string[] Fields, string Assembly)>? configured = null;
            Dictionary<string, List<LibraryDispatch>>? dispatches = null;
            Dictionary<string, LibraryArgumentSend>? argumentSends = null;
            Dictionary<string, LibraryChatSend>? chatSends = null;
            foreach (var assembly in summarized)
            {
                Parse(Attributes(assembly).Summary!, assembly.Name, publishes ??= new Dictionary<string, LibraryPublish>(StringComparer.Ordinal), machineWritten ??= new HashSet<string>(StringComparer.Ordinal), ref configured, ref dispatches, ref argumentSends, ref chatSends);
            }

            // A chat send replaces the publish record of the same method: each call is judged by the chat it passes.
            if (chatSends is not null)
            {
                foreach (var id in chatSends.Keys)
                {
                    publishes!.Remove(id);
                }
            }

            if (configured is not null && configuredSendNames is not null)
            {
                foreach (var (fields, _) in configured)
                {
                    configuredSendNames.Add(NameOfId(fields[1]));
                }
            }

            Dictionary<string, LibraryConfiguredSend>? unresolvedSends = null;
            if (configured is not null && settings is not null)
            {
                unresolvedSends = ResolveConfigured(configured, settings, publishes!);
            }

            // A publish record of the same method says more and wins.
            if (argumentSends is not null)
            {
                foreach (var id in argumentSends.Keys.Where(publishes!.ContainsKey).ToList())
                {
                    argumentSends.Remove(id);
                }

                argumentSends = argumentSends.Count == 0 ? null : argumentSends;
            }

            return publishes is null || (publishes.Count == 0 && machineWritten!.Count == 0 && dispatches is null && argumentSends is null && chatSends is null && unresolvedSends is null)
                ? Empty
                : new LibrarySummaries(publishes, machineWritten!, dispatches, argumentSends, compilation, chatSends, unresolvedSends);
        }

        // A library's send to a configured URL publishes when this compilation's settings give the key a publish
        // endpoint; a publish record of the same method says more and wins. Returned: the sends that stay unresolved
        // (no usable value, no guess), which are noted where an unattended path calls them, as a send of this
        // compilation's own would be; or null.
        private static Dictionary<string, LibraryConfiguredSend>? ResolveConfigured(List<(string[] Fields, string Assembly)> configured, UrlSources settings, Dictionary<string, LibraryPublish> publishes)
        {
            Dictionary<string, LibraryConfiguredSend>? unresolved = null;
            foreach (var (fields, assembly) in configured)
            {
                if (publishes.ContainsKey(fields[1]))
                {
                    continue;
                }

                // A sixth field is the relative URL sent under the key's value, a client's base address; a seventh and
                // eighth, the library's guess by the setting's name and the body (platform, evidence), for a host whose
                // settings give the key no usable value; a ninth, the shapes of the body, for the host's own guess by
                // the name it reads the key under (an options property the host binds to a section).
                var tail = fields.Length > 5 && fields[5].Length > 0 ? fields[5] : null;
                var values = settings.FindConfigured(fields[2]);
                var usable = false;
                foreach (var value in values)
                {
                    // Empty or a placeholder (#{SlackWebhook}#, "set in user secrets"): no usable value, as in a request of this project's own.
                    var text = value.Value.Trim();
                    if (text.IndexOf("://", StringComparison.Ordinal) <= 0)
                    {
                        continue;
                    }

                    usable = true;
                    if (RequestUrl.Parse(tail is null ? text : RequestUrl.Combine(text, tail)) is { Host: not null } url && EndpointCatalog.Match(fields[3], url) is { } endpoint)
                    {
                        // Where it posts, as a request of this project's own to the key says it (the value is a credential: only its host).
                        var where = fields[3] + " to the URL from configuration '" + value.Key + "' (" + value.File + ": " + url.Host + ")";
                        publishes[fields[1]] = new LibraryPublish(NameOfId(fields[1]), assembly, endpoint.Platform, endpoint.Display, fields[4] + " (" + where + ")", decidedHere: true);
                        break;
                    }
                }

                if (!usable && fields.Length > 7 && fields[6].Length > 0)
                {
                    publishes[fields[1]] = new LibraryPublish(NameOfId(fields[1]), assembly, fields[6], fields[7], fields[4]);
                }
                else if (!usable && tail is null && fields.Length > 8 && fields[8].Length > 0
                         && settings.GuessConfigured(fields[2], fields[3], fields[8]) is { } guessed)
                {
                    publishes[fields[1]] = new LibraryPublish(NameOfId(fields[1]), assembly, guessed.Platform, "evidence: " + guessed.Platform, fields[4] + " (" + guessed.Where + ")", decidedHere: true);
                }
                else if (!usable && (unresolved is null || !unresolved.ContainsKey(fields[1])))
                {
                    (unresolved ??= new Dictionary<string, LibraryConfiguredSend>(StringComparer.Ordinal))[fields[1]]
                        = new LibraryConfiguredSend(NameOfId(fields[1]), fields[2], fields[3], fields[4], tail, fields.Length > 8 ? NullIfEmpty(fields[8]) : null);
                }
            }

            if (unresolved is not null)
            {
                foreach (var id in publishes.Keys)
                {
                    unresolved.Remove(id);
                }
            }

            return unresolved is { Count: > 0 } ? unresolved : null;
        }

        /// <summary>The options bindings referenced libraries built with Presence make themselves (their <see cref="OptionsBindingRecord"/>s).</summary>
        public static IEnumerable<(string Type, string? Instance, string Section)> OptionsBindingsOf(Compilation compilation)
        {
            foreach (var assembly in References(compilation, BuiltInCatalog.Index.Assemblies))
            {
                if (IsFramework(assembly.Name) || Attributes(assembly).Summary is not { } summary
                    || summary.IndexOf("\n" + OptionsBindingRecord + "\t", StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                var lines = summary.Split('\n');
                if (lines[0].Trim() != Version)
                {
                    continue;
                }

                for (var i = 1; i < lines.Length; i++)
                {
                    var fields = lines[i].Split('\t');
                    if (fields[0] == OptionsBindingRecord && fields.Length >= 3 && fields[1].Length > 0 && fields[2].Length > 0)
                    {
                        yield return (fields[1], fields.Length > 3 && fields[3].Length > 0 ? fields[3] : null, fields[2]);
                    }
                }
            }
        }

        /// <summary>
        /// The registration methods <paramref name="assembly"/>'s summary names for each of its hosted services (its
        /// <see cref="RegistrationRecord"/>s: the worker type's documentation id, the registration methods' ids), or null
        /// when it has none (a library built by a release that did not write them).
        /// </summary>
        public static Dictionary<string, string[]>? RegistrationsOf(IAssemblySymbol assembly)
        {
            if (Attributes(assembly).Summary is not { } summary || summary.IndexOf("\n" + RegistrationRecord + "\t", StringComparison.Ordinal) < 0)
            {
                return null;
            }

            var lines = summary.Split('\n');
            if (lines[0].Trim() != Version)
            {
                return null;
            }

            Dictionary<string, string[]>? registrations = null;
            for (var i = 1; i < lines.Length; i++)
            {
                var fields = lines[i].Split('\t');
                if (fields[0] == RegistrationRecord && fields.Length >= 2 && fields[1].Length > 0)
                {
                    (registrations ??= new Dictionary<string, string[]>(StringComparer.Ordinal))[fields[1]]
                        = fields.Skip(2).Where(field => field.Length > 0).ToArray();
                }
            }

            return registrations;
        }

        /// <summary>
        /// The referenced assemblies built without Presence that reference a catalogued SDK themselves (PRES107): paths
        /// through them cannot be followed. Sorted by name.
        /// </summary>
        public static ImmutableArray<IAssemblySymbol> Opaque(Compilation compilation, ImmutableHashSet<string> sdkAssemblies)
            => References(compilation, sdkAssemblies)
                .Where(assembly => !IsFramework(assembly.Name) && assembly.ReferencesAny(sdkAssemblies) && !Attributes(assembly).Marked)
                .OrderBy(assembly => assembly.Name, StringComparer.Ordinal)
                .ToImmutableArray();

        /// <summary>The framework is never built with Presence: its attributes are not read.</summary>
        public static bool IsFramework(string name)
            => name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal)
               || name is "System" or "mscorlib" or "netstandard" or "WindowsBase";

        // The references that could carry a summary: not this assembly, not an SDK, not Presence's own. The referenced
        // assembly symbols, in the compilation's order, are kept per set of references (each compilation start of an
        // IDE asked the compilation for the symbol of each of its ~200 references).
        private static IEnumerable<IAssemblySymbol> References(Compilation compilation, ImmutableHashSet<string> sdkAssemblies)
        {
            foreach (var assembly in ReferenceSet.Of(compilation).Assemblies)
            {
                if (!SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly)
                    && !sdkAssemblies.Contains(assembly.Name)
                    && assembly.Name is not ("Presence.Abstractions" or "Refit"))
                {
                    yield return assembly;
                }
            }
        }

        // What an assembly says is read once per assembly symbol, which the compilations that reference it share.
        private static readonly ConditionalWeakTable<IAssemblySymbol, Tuple<bool, string?>> KnownAttributes = new ConditionalWeakTable<IAssemblySymbol, Tuple<bool, string?>>();
        private static readonly ConditionalWeakTable<IAssemblySymbol, Tuple<bool, string?>>.CreateValueCallback ReadAttributes
            = assembly =>
            {
                var (marked, summary) = ReadAttributesOf(assembly);
                return Tuple.Create(marked, summary);
            };

        private static (bool Marked, string? Summary) Attributes(IAssemblySymbol assembly)
        {
            var known = KnownAttributes.GetValue(assembly, ReadAttributes);
            return (known.Item1, known.Item2);
        }

        private static (bool Marked, string? Summary) ReadAttributesOf(IAssemblySymbol assembly)
        {
            var marked = false;
            string? summary = null;
            foreach (var attribute in assembly.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "AssemblyMetadataAttribute" } && attribute.ConstructorArguments.Length == 2
                    && attribute.ConstructorArguments[0].Value is string key)
                {
                    if (key == MarkerKey)
                    {
                        marked = true;
                    }
                    else if (key == SummaryKey && attribute.ConstructorArguments[1].Value is string value)
                    {
                        summary = value;
                    }
                }
            }

            return (marked || summary is not null, summary);
        }

        /// <summary>
        /// What a call of <paramref name="method"/> (declared in a referenced assembly) reaches, or null. A member of a
        /// generic interface is looked up with the closed interface the call goes through (<paramref name="through"/>,
        /// or the method's own type): IHandler&lt;Count, int&gt;.Handle does not reach the library's handler of Announce.
        /// </summary>
        public LibraryPublish? FindPublish(IMethodSymbol method, INamedTypeSymbol? through = null)
            => _publishes.Count == 0 || IdOf(method) is not { } id ? null : Find(_publishes, id, method, through);

        /// <summary>
        /// The referenced methods whose configured sends publish only by this compilation's settings, as symbols of this
        /// compilation (the library's hosted services among them run here, where nothing else reports them).
        /// </summary>
        public IEnumerable<(IMethodSymbol Method, LibraryPublish Publish)> DecidedHere()
        {
            if (_compilation is null)
            {
                yield break;
            }

            foreach (var pair in _publishes)
            {
                if (pair.Value.DecidedHere && pair.Key.IndexOf('|') < 0
                    && DocumentationCommentId.GetFirstSymbolForDeclarationId(pair.Key, _compilation) is IMethodSymbol method)
                {
                    yield return (method, pair.Value);
                }
            }
        }

        /// <summary>
        /// The members another assembly may implement that a call of <paramref name="method"/> (declared in a referenced
        /// assembly) reaches unguarded, as its summary says, or null; looked up as <see cref="FindPublish"/>.
        /// </summary>
        public List<LibraryDispatch>? FindDispatches(IMethodSymbol method, INamedTypeSymbol? through = null)
            => _dispatches is null || IdOf(method) is not { } id ? null : Find(_dispatches, id, method, through);

        /// <summary>True when a path continues into a call of <paramref name="method"/> by what a summary says of it.</summary>
        public bool Follows(IMethodSymbol method)
            => (_publishes.Count > 0 || _dispatches is not null) && IdOf(method) is { } id
               && (Find(_publishes, id, method, null) is not null || (_dispatches is not null && Find(_dispatches, id, method, null) is not null));

        /// <summary>
        /// What a summary says a member a library calls publishes through, in the assembly that implements it: the
        /// record of the member's key (the closed interface's, then, for an implementation for any type arguments, the
        /// member's own id), or null.
        /// </summary>
        public LibraryPublish? FindPublish(LibraryDispatch dispatch)
            => _publishes.TryGetValue(dispatch.MemberKey, out var publish)
               || (dispatch.ClosedInterface is not null && _publishes.TryGetValue(dispatch.MemberId, out publish))
                ? publish
                : null;

        /// <summary>The member a dispatch record names, in this compilation (from its references), or null.</summary>
        public IMethodSymbol? MemberOf(LibraryDispatch dispatch)
            => _compilation is null ? null : DocumentationCommentId.GetFirstSymbolForDeclarationId(dispatch.MemberId, _compilation) as IMethodSymbol;

        private static T? Find<T>(Dictionary<string, T> records, string id, IMethodSymbol method, INamedTypeSymbol? through)
            where T : class
        {
            if (records.TryGetValue(id, out var record))
            {
                return record;
            }

            var closed = through ?? ExtensionMembers.Classic(method).ContainingType;
            return closed is { TypeKind: TypeKind.Interface, IsGenericType: true } && !ReferenceEquals(closed, closed.OriginalDefinition)
                   && records.TryGetValue(ClosedId(id, closed), out record)
                ? record
                : null;
        }

        /// <summary>The key of a generic interface member's record for the closed interface a library implements.</summary>
        public static string ClosedId(string id, INamedTypeSymbol closedInterface)
            => id + "|" + closedInterface.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        /// <summary>True when a method of a referenced assembly returns machine-written text nobody reviewed.</summary>
        public bool ReturnsMachineWritten(IMethodSymbol method)
            => _machineWritten.Count > 0 && IdOf(method) is { } id && _machineWritten.Contains(id);

        private static string? IdOf(IMethodSymbol method) => ExtensionMembers.Classic(method).OriginalDefinition.GetDocumentationCommentId();

        private static string NameOfId(string id)
        {
            var closed = id.IndexOf('|');
            id = closed < 0 ? id : id.Substring(0, closed);
            var end = id.IndexOf('(');
            var name = end < 0 ? id : id.Substring(0, end);
            var dot = name.LastIndexOf('.');
            name = dot < 0 ? name : name.Substring(dot + 1);
            var arity = name.IndexOf('`');
            return arity < 0 ? name : name.Substring(0, arity);
        }

        private static void Parse(string summary, string assemblyName, Dictionary<string, LibraryPublish> publishes, HashSet<string> machineWritten, ref List<(string[] Fields, string Assembly)>? configured, ref Dictionary<string, List<LibraryDispatch>>? dispatches, ref Dictionary<string, LibraryArgumentSend>? argumentSends, ref Dictionary<string, LibraryChatSend>? chatSends)
        {
            var lines = summary.Split('\n');
            if (lines.Length == 0 || lines[0].Trim() != Version)
            {
                return;
            }

            for (var i = 1; i < lines.Length; i++)
            {
                var fields = lines[i].Split('\t');
                switch (fields[0])
                {
                    case PublishRecord when fields.Length >= 5 && fields[1].Length > 0 && fields[4].Length > 0:
                        if (!publishes.ContainsKey(fields[1]))
                        {
                            publishes[fields[1]] = new LibraryPublish(NameOfId(fields[1]), assemblyName, NullIfEmpty(fields[2]), NullIfEmpty(fields[3]), fields[4]);
                        }

                        break;
                    case MachineWrittenRecord when fields.Length >= 2 && fields[1].Length > 0:
                        machineWritten.Add(fields[1]);
                        break;
                    case ConfiguredSendRecord when fields.Length >= 5 && fields[1].Length > 0 && fields[2].Length > 0 && fields[3].Length > 0 && fields[4].Length > 0:
                        (configured ??= new List<(string[], string)>()).Add((fields, assemblyName));
                        break;
                    case DispatchRecord when fields.Length >= 4 && fields[1].Length > 0 && fields[2].Length > 0 && fields[3].Length > 0:
                        dispatches ??= new Dictionary<string, List<LibraryDispatch>>(StringComparer.Ordinal);
                        if (!dispatches.TryGetValue(fields[1], out var members))
                        {
                            dispatches[fields[1]] = members = new List<LibraryDispatch>();
                        }

                        members.Add(new LibraryDispatch(fields[2], fields[3]));
                        break;
                    case ChatSendRecord when fields.Length >= 6 && fields[1].Length > 0 && fields[3].Length > 0 && fields[5].Length > 0
                                             && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var chatOrdinal):
                        chatSends ??= new Dictionary<string, LibraryChatSend>(StringComparer.Ordinal);
                        if (!chatSends.ContainsKey(fields[1]))
                        {
                            chatSends[fields[1]] = new LibraryChatSend(NameOfId(fields[1]), chatOrdinal, fields[3], NullIfEmpty(fields[4]), fields[5]);
                        }

                        break;
                    case ArgumentSendRecord when fields.Length >= 5 && fields[1].Length > 0 && fields[3].Length > 0 && fields[4].Length > 0
                                                 && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal):
                        argumentSends ??= new Dictionary<string, LibraryArgumentSend>(StringComparer.Ordinal);
                        if (!argumentSends.ContainsKey(fields[1]))
                        {
                            argumentSends[fields[1]] = new LibraryArgumentSend(NameOfId(fields[1]), ordinal, fields[3], fields[4], fields.Length > 5 ? fields[5] : string.Empty)
                            {
                                BodyShapes = fields.Length > 6 ? NullIfEmpty(fields[6]) : null,
                            };
                        }

                        break;
                    case ShapedSendRecord when fields.Length >= 5 && fields[1].Length > 0 && fields[3].Length > 0 && fields[4].Length > 0
                                               && LibraryArgumentSend.Shaped(NameOfId(fields[1]), fields[2], fields[3], fields[4], fields.Length > 5 ? fields[5] : string.Empty) is { } shaped:
                        argumentSends ??= new Dictionary<string, LibraryArgumentSend>(StringComparer.Ordinal);
                        if (!argumentSends.ContainsKey(fields[1]))
                        {
                            shaped.BodyShapes = fields.Length > 6 ? NullIfEmpty(fields[6]) : null;
                            argumentSends[fields[1]] = shaped;
                        }

                        break;
                }
            }
        }

        private static string? NullIfEmpty(string field) => field.Length == 0 ? null : field;

        /// <summary>Writes a summary: the records sorted, so the same code always yields the same text.</summary>
        public static string Write(IEnumerable<string[]> records)
        {
            var text = new StringBuilder(Version);
            foreach (var line in records.Select(fields => string.Join("\t", fields.Select(Clean))).Distinct(StringComparer.Ordinal).OrderBy(l => l, StringComparer.Ordinal))
            {
                text.Append('\n').Append(line);
            }

            return text.ToString();
        }

        // A field never holds the separators (a user's platform name could).
        private static string Clean(string? field) => (field ?? string.Empty).Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
    }

    /// <summary>
    /// A member another assembly may implement that a method of a referenced assembly calls unguarded, as its summary
    /// says: where the path goes on depends on the implementations the referencing compilation sees.
    /// </summary>
    internal sealed class LibraryDispatch
    {
        public LibraryDispatch(string memberKey, string path)
        {
            MemberKey = memberKey;
            Path = path;
            var closed = memberKey.IndexOf('|');
            MemberId = closed < 0 ? memberKey : memberKey.Substring(0, closed);
            ClosedInterface = closed < 0 ? null : memberKey.Substring(closed + 1);
        }

        /// <summary>The member's documentation id, or for a closed generic interface's member that id, '|' and the interface.</summary>
        public string MemberKey { get; }

        public string MemberId { get; }

        /// <summary>The closed generic interface the call goes through (fully qualified), or null.</summary>
        public string? ClosedInterface { get; }

        /// <summary>"Campaign.RunAsync → IStatusPoster.PostAsync": from the method called to the member.</summary>
        public string Path { get; }

        /// <summary>The steps before the member, which an implementation's name follows: "Campaign.RunAsync".</summary>
        public string Prefix
        {
            get
            {
                var last = Path.LastIndexOf(" → ", StringComparison.Ordinal);
                return last < 0 ? Path : Path.Substring(0, last);
            }
        }
    }

    /// <summary>
    /// A method of a referenced assembly that sends to a configured URL, as its summary says, that the referencing
    /// compilation's settings leave without a usable value and that no name and body decide.
    /// </summary>
    internal sealed class LibraryConfiguredSend
    {
        public LibraryConfiguredSend(string methodName, string key, string verb, string path, string? tail, string? bodyShapes)
        {
            Path = path;
            MethodName = methodName;
            Key = key;
            Verb = verb;
            Tail = tail;
            BodyShapes = bodyShapes;
        }

        public string MethodName { get; }

        /// <summary>The key as the summary writes it: <c>Metrics:Url</c>, or <c>{MetricsOptions}:Url</c> for an options property.</summary>
        public string Key { get; }

        public string Verb { get; }

        /// <summary>The relative URL sent under the key's value, or null when the value is the whole URL.</summary>
        public string? Tail { get; }

        public string? BodyShapes { get; }

        /// <summary>"MetricsPusher.PushAsync → HttpClient.PostAsJsonAsync": from the method called to the request.</summary>
        public string Path { get; }
    }

    /// <summary>A method of a referenced assembly that publishes to the chat its caller passes, as its summary says.</summary>
    internal sealed class LibraryChatSend
    {
        public LibraryChatSend(string methodName, int ordinal, string platform, string? catalogId, string path)
        {
            MethodName = methodName;
            Ordinal = ordinal;
            Platform = platform;
            CatalogId = catalogId;
            Path = path;
        }

        public string MethodName { get; }

        /// <summary>The ordinal of the parameter that gives the chat.</summary>
        public int Ordinal { get; }

        public string Platform { get; }

        public string? CatalogId { get; }

        /// <summary>"TelegramNotifier.SendAsync → ITelegramBotClient.SendMessage".</summary>
        public string Path { get; }
    }

    /// <summary>A method of a referenced assembly that sends to the URL its caller passes, as its summary says.</summary>
    internal sealed class LibraryArgumentSend
    {
        public LibraryArgumentSend(string methodName, int ordinal, string verb, string path, string urlAfterArgument, string? member = null, bool elements = false, string? constructorId = null)
        {
            MethodName = methodName;
            Ordinal = ordinal;
            Verb = verb;
            Path = path;
            UrlAfterArgument = urlAfterArgument;
            Member = member;
            Elements = elements;
            ConstructorId = constructorId;
        }

        /// <summary>A send read from a <see cref="LibrarySummaries.ShapedSendRecord"/>'s source field, or null when it is not one this reader knows.</summary>
        public static LibraryArgumentSend? Shaped(string methodName, string source, string verb, string path, string after)
        {
            const string This = "this.";
            if (source.StartsWith(This, StringComparison.Ordinal) && source.Length > This.Length)
            {
                return new LibraryArgumentSend(methodName, -1, verb, path, after, member: source.Substring(This.Length));
            }

            var hash = source.LastIndexOf('#');
            if (source.StartsWith("M:", StringComparison.Ordinal) && hash > 2
                && int.TryParse(source.Substring(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var constructorOrdinal))
            {
                return new LibraryArgumentSend(methodName, constructorOrdinal, verb, path, after, constructorId: source.Substring(0, hash));
            }

            var digits = 0;
            while (digits < source.Length && source[digits] is >= '0' and <= '9')
            {
                digits++;
            }

            if (digits == 0 || !int.TryParse(source.Substring(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal))
            {
                return null;
            }

            var rest = source.Substring(digits);
            return rest == "[]" ? new LibraryArgumentSend(methodName, ordinal, verb, path, after, elements: true)
                : rest.Length > 1 && rest[0] == '.' ? new LibraryArgumentSend(methodName, ordinal, verb, path, after, member: rest.Substring(1))
                : null;
        }

        public string MethodName { get; }

        /// <summary>
        /// The ordinal of the parameter whose argument the URL starts with (with <see cref="ConstructorId"/>, of the
        /// constructor's parameter); -1 for a property a subclass overrides.
        /// </summary>
        public int Ordinal { get; }

        /// <summary>The member of the argument (or, with no ordinal, of the instance) that holds the URL, or null.</summary>
        public string? Member { get; }

        /// <summary>True when each element of the argument is a URL the method sends to.</summary>
        public bool Elements { get; }

        /// <summary>The documentation id of the constructor a subclass passes the URL to, or null.</summary>
        public string? ConstructorId { get; }

        /// <summary>True when a subclass gives the URL (a property it overrides, a base constructor's argument), not a call's argument.</summary>
        public bool BySubclass => Ordinal < 0 || ConstructorId is not null;

        public string Verb { get; }

        /// <summary>"Notifier.Send → HttpClient.PostAsync": from the method called to the request.</summary>
        public string Path { get; }

        /// <summary>The rest of the URL after the argument; empty when the argument is the whole URL.</summary>
        public string UrlAfterArgument { get; }

        /// <summary>
        /// The platforms whose message shape the body sent has (the record's seventh field, <c>Slack:text</c>), or
        /// null: with the name the caller reads its URL under, they decide when that URL has no known value.
        /// </summary>
        public string? BodyShapes { get; set; }
    }

    /// <summary>A method of a referenced assembly that reaches an unguarded publish, as its summary says.</summary>
    internal sealed class LibraryPublish
    {
        /// <param name="decidedHere">True when this compilation's settings (or the name it binds the setting under) made a configured send a publish, which the library could not tell.</param>
        public LibraryPublish(string methodName, string assembly, string? platform, string? catalogId, string path, bool decidedHere = false)
        {
            DecidedHere = decidedHere;
            MethodName = methodName;
            Assembly = assembly;
            Platform = platform;
            CatalogId = catalogId;
            Path = path;
        }

        public string MethodName { get; }

        /// <summary>
        /// A configured send that publishes by this compilation's settings: the library's own build could not tell, so
        /// nothing there reported its entry points.
        /// </summary>
        public bool DecidedHere { get; }

        /// <summary>The simple name of the assembly that said so.</summary>
        public string Assembly { get; }

        public string? Platform { get; }

        public string? CatalogId { get; }

        /// <summary>"DealPoster.Post → Sender.Send → MastodonClient.PublishStatus": from the method called to the publish API.</summary>
        public string Path { get; }

        /// <summary>The same publish, reached through a library's steps before this method ("Campaign.RunAsync").</summary>
        public LibraryPublish WithPrefix(string prefix) => new LibraryPublish(MethodName, Assembly, Platform, CatalogId, prefix + " → " + Path, DecidedHere);

        /// <summary>The publish API, the last step of the path.</summary>
        public string Api
        {
            get
            {
                var last = Path.LastIndexOf(" → ", StringComparison.Ordinal);
                return last < 0 ? Path : Path.Substring(last + 3);
            }
        }
    }
}
