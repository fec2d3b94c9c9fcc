using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Configuration;
using Presence.Compilations;

namespace Presence.Analyzers.Model
{
    /// <summary>Everything the rules know about a compilation, built once at compilation start.</summary>
    internal sealed class PresenceModel
    {
        private PresenceModel(Compilation compilation, PresenceSymbols symbols, DeclaredApis declared, ApiCatalogIndex catalog, bool seesHttp, UrlSources urls, CancellationToken cancellationToken)
        {
            Compilation = compilation;
            Urls = urls;
            Symbols = symbols;
            Declared = declared;
            _catalog = catalog;
            SeesHttp = seesHttp;
            _sourceMayRequest = seesHttp && HttpRequests.SourceMayDeclareCandidates(compilation);
            var assemblies = PublishingAssemblies.Create(compilation, declared.AssemblyNames);
            // The source's namespace names are read once for the compilations with the same files; asking the declaration
            // table for a namespace by name walked every declaration at each compilation start (each open file in an IDE).
            var mayUseRefit = ReferenceSet.Of(compilation).References("Refit")
                              || SourceDeclarations.DeclaresNamespace(compilation, "Refit", cancellationToken);
            Publishing = new PublishTargets(symbols, declared, catalog, assemblies, mayUseRefit, mayUseRefit ? urls.Clients.OfRefitInterface : null);
            _declaringNames = new Lazy<DeclaringNames?>(
                () => declared.IsEmpty && !mayUseRefit ? DeclaringNames.Of(compilation, cancellationToken) : null,
                LazyThreadSafetyMode.ExecutionAndPublication);
            Confirmations = new Confirmations(symbols, assemblies);
            Scopes = new PublishScopes(compilation, symbols, Publishing, Confirmations, cancellationToken);
            Libraries = LibrarySummaries.Read(compilation, assemblies, urls);
            MachineWriters = MachineWriters.For(compilation, Libraries);
            Audience = new Audience(symbols, urls.Arguments, new Lazy<bool>(
                () => NameUse.Of(compilation, "InternalAudience", cancellationToken).InSource || ReferenceSet.Of(compilation).Derived(
                    "Audience.InternalAudienceReferenced",
                    () => new StrongBox<bool>(ReferenceSet.Of(compilation).Assemblies.Any(assembly => assembly.Name != "Presence.Abstractions" && assembly.References("Presence.Abstractions")))).Value,
                LazyThreadSafetyMode.ExecutionAndPublication));
            Mediators = MediatorDispatch.For(compilation);
        }

        private readonly ApiCatalogIndex _catalog;
        private readonly bool _sourceMayRequest;
        private readonly Lazy<DeclaringNames?> _declaringNames;

        /// <summary>The compilation the model describes (for the few bodies looked into on demand).</summary>
        public Compilation Compilation { get; }

        /// <summary>What referenced assemblies built with Presence say about their methods (paths across projects).</summary>
        public LibrarySummaries Libraries { get; }

        /// <summary>Language-model calls, when the compilation can make any (PRES008).</summary>
        public MachineWriters? MachineWriters { get; }

        public PresenceSymbols Symbols { get; }

        public DeclaredApis Declared { get; }

        /// <summary>True when the compilation can send raw HTTP requests (HttpClient, Flurl, RestSharp).</summary>
        public bool SeesHttp { get; }

        public PublishTargets Publishing { get; }

        /// <summary>Configuration, options and environment reads that hold request URLs, and the settings files.</summary>
        public UrlSources Urls { get; }

        public Confirmations Confirmations { get; }

        public PublishScopes Scopes { get; }

        /// <summary>Sends that reach the team ([InternalAudience] parameters) or answer in the requester's chat as a labelled bot.</summary>
        public Audience Audience { get; }

        /// <summary>Where a mediator's Send or Publish goes on (its handler), when MediatR or Mediator is referenced.</summary>
        public MediatorDispatch? Mediators { get; }

        /// <summary>The model, or null when the compilation cannot contain a publish call.</summary>
        public static PresenceModel? TryCreate(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var symbols = PresenceSymbols.Create(compilation);
            var declared = DeclaredApis.Load(compilation, options.AdditionalFiles, cancellationToken);
            var catalog = BuiltInCatalog.Index.For(compilation);
            var seesHttp = compilation.GetBestTypeByMetadataName("System.Net.Http.HttpClient") is not null;
            return symbols.CanContainPublishCalls || !declared.IsEmpty || catalog.Entries.Length > 0 || seesHttp
                ? new PresenceModel(compilation, symbols, declared, catalog, seesHttp, new UrlSources(compilation, options.AdditionalFiles, () => LibrarySummaries.OptionsBindingsOf(compilation), cancellationToken), cancellationToken)
                : null;
        }

        /// <summary>
        /// False when no call of the compilation can be a publish or a send, decided at compilation start without
        /// binding, from what covers every way <see cref="Classify"/> and a library summary can say so: no attribute,
        /// declared API or Refit can make a method a publisher; no referenced library's summary publishes; no Flurl,
        /// RestSharp or raw-request SDK client is declared anywhere; and no source file names a send of HttpClient or
        /// a catalogued member (the source's text is read once for the parts of their names,
        /// <see cref="HttpRequests.SendWords"/>, which the referenced framework's sends and every catalogued member of a
        /// type declared here are checked against: SmtpClient's Send… is catalogued, and in every compilation).
        /// </summary>
        public bool MaySend(CancellationToken cancellationToken)
            => Publishing.MayClassifyBeyondCatalog
               || Libraries.HasPublishes
               || Libraries.HasArgumentSends
               || Libraries.HasChatSends
               || Libraries.HasUnresolvedSends
               || RawRequests.ClientsMayExist(Compilation)
               || _catalog.MayDeclareUnwordedType(Compilation)
               || (SeesHttp && (HttpRequests.SdkClientsMayExist(Compilation) || !HttpRequests.ClientSendsHaveWords(Compilation)))
               || ((SeesHttp || _catalog.Entries.Length > 0) && NameUse.AnyInSource(Compilation, HttpRequests.SendWords, cancellationToken));

        /// <summary>
        /// Whether a call of <paramref name="method"/> may publish: true for every method <see cref="Classify"/> can
        /// return a target for (a cheap test on the method alone; keep the two in step).
        /// </summary>
        public bool MayPublish(IMethodSymbol method)
            => Publishing.Publishes(method) || MayRequest(method);

        /// <summary>Whether a call of <paramref name="method"/> may be a raw request (HTTP, an SDK's escape hatch): a cheap test on its name and type.</summary>
        public bool MayRequest(IMethodSymbol method)
            => (SeesHttp && (_sourceMayRequest || !ReferenceEquals(method.ContainingAssembly, Compilation.Assembly)) && HttpRequests.IsCandidate(method))
               || RawRequests.IsCandidate(method)
               || (Libraries.HasArgumentSends && Libraries.FindArgumentSend(method) is not null)
               || (Libraries.HasChatSends && Libraries.FindChatSend(method) is not null)
               || (Libraries.HasUnresolvedSends && Libraries.FindUnresolvedSend(method) is not null);

        /// <summary>
        /// Reads the names <see cref="MayDeclare"/> asks about now: at compilation start, before the calls are analysed,
        /// where the first call to ask would make every other thread of the pass wait for the reading.
        /// </summary>
        public void ReadDeclaringNames() => _ = _declaringNames.Value;

        /// <summary>
        /// False when an attribute, a declared API or a catalog entry cannot make a call of <paramref name="method"/> a
        /// publish or a confirmation, judged by its name alone (<see cref="DeclaringNames"/>): then neither
        /// <see cref="PublishTargets.Publishes"/> nor <see cref="Confirmations.Confirms"/> needs to walk its lineage.
        /// Only an ordinary method that implements nothing explicitly, a local function or a constructor is judged (an
        /// explicit implementation's name is not its interface member's; a referenced method of another language can be
        /// both, a C# one of the compilation not). A constructor or a local function is its own only declaration, and no
        /// attribute a type carries makes it publish: most calls of the compilation's constructors (its records, its
        /// options) and local functions walked their lineage and read their attributes.
        /// </summary>
        public bool MayDeclare(IMethodSymbol method)
            => method.MethodKind is not (MethodKind.Ordinary or MethodKind.Constructor or MethodKind.LocalFunction)
               || _declaringNames.Value is not { } names
               || names.Contains(method.Name)
               || _catalog.NamesMember(method.Name)
               || Confirmations.MayBeConsolePrompt(method.Name)
               || (!ReferenceEquals(method.ContainingAssembly, Compilation.Assembly) && !method.ExplicitInterfaceImplementations.IsEmpty);

        /// <summary>
        /// What an invocation publishes, read from the original operation tree (the URL of a request is only
        /// visible there), or null. Options decide which categories and platforms count.
        /// </summary>
        public PublishTarget? Classify(Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation, PresenceOptions options, bool anyAudience = false)
        {
            var target = Candidate(invocation, options, out var recipientOrdinal);
            if (target is null || anyAudience)
            {
                return target;
            }

            // Not presence: the team's own chat, a labelled bot answering the person who wrote to it, or an email or
            // SMS to the person whose request is handled (a passcode, a reset link).
            if (QuietAudienceOf(invocation, target, recipientOrdinal, options) is not null)
            {
                return null;
            }

            // A helper given the team's URL by some callers and another by the rest: what the rest pass decides, and is
            // what the message names (not the team's webhook that happens to come first).
            if (target.Kind == PublishKind.Endpoint && !CallerBindings.Active && Audience.OutsideCallers(invocation) is { } outside)
            {
                PublishTarget? unresolved = null;
                foreach (var argument in outside.Arguments)
                {
                    var decided = CallerBindings.Read(ImmutableArray.Create((outside.Parameter, argument)), () => Classify(invocation, options), out _);
                    if (decided is { Kind: not PublishKind.Unresolved })
                    {
                        return decided;
                    }

                    unresolved ??= decided;
                }

                return unresolved;
            }

            return target;
        }

        /// <summary>
        /// A send that <see cref="Classify"/> leaves alone for whom it reaches, with that audience (the publishing map
        /// lists these); null for a publish to an audience and for anything that sends nothing.
        /// </summary>
        public (PublishTarget Target, QuietAudience Audience)? ClassifyQuiet(Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation, PresenceOptions options)
            => Candidate(invocation, options, out var recipientOrdinal) is { } target && QuietAudienceOf(invocation, target, recipientOrdinal, options) is { } audience
                ? (target, audience)
                : null;

        // The one decision of who a send reaches that is no audience: the team first (its chat, every recipient of a mail),
        // then a labelled bot's reply in the requester's chat (unless those are reported), then an answer to the requester.
        private QuietAudience? QuietAudienceOf(Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation, PublishTarget target, int? recipientOrdinal, PresenceOptions options)
            => Audience.IsInternal(invocation, target, recipientOrdinal) ? QuietAudience.Team
               : !options.ReportBotReplies && Audience.IsBotReplyInSameChat(invocation, target) ? QuietAudience.BotReply
               : Audience.IsReplyToRequester(invocation, target, recipientOrdinal) ? QuietAudience.Requester
               : null;

        // What an invocation sends, and to which category and platform, before whom it reaches is asked; null where the
        // options leave it out. recipientOrdinal: a referenced library's parameter that gives the recipient.
        private PublishTarget? Candidate(Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation, PresenceOptions options, out int? recipientOrdinal)
        {
            var method = invocation.TargetMethod;
            var target = Publishing.Classify(method);
            recipientOrdinal = null;
            if (target is not null)
            {
                if (target.Receiver is not null)
                {
                    var receiverType = ReceiverType(invocation);
                    target = target.OtherReceivers.Insert(0, target).FirstOrDefault(candidate => MetadataNames.IsOrDerivesFrom(receiverType, candidate.Receiver!));
                    if (target is null)
                    {
                        return null;
                    }
                }

                // Telegram's raw SendRequest publishes only with a send-type request object, which the message names.
                if (RawRequests.IsTelegramReadRequest(invocation))
                {
                    return null;
                }

                target = RawRequests.TelegramMethodOf(invocation) is { } botMethod
                    ? new PublishTarget(method, target.Kind, target.Platform, target.Category, "raw Bot API request: " + botMethod, target.Receiver, target.CatalogId)
                    : target.WithMethod(method);
            }
            else if (SeesHttp && HttpRequests.IsCandidate(method))
            {
                target = HttpRequests.Classify(invocation, Urls);
            }
            else if (RawRequests.IsCandidate(method))
            {
                target = RawRequests.Classify(invocation, Urls);
            }
            else if (Libraries.HasArgumentSends && Libraries.FindArgumentSend(method) is { } send)
            {
                // A referenced library's request to the URL its caller passes: this call's argument decides.
                // A member of it (target.Url) or each of its elements (a list of URLs) where the summary says so; a URL
                // a subclass gives is read where the subclass's inherited entry point runs, not at a call.
                target = send.BySubclass || ArgumentOf(invocation, send.Ordinal) is not { } argument ? null
                    : send.Member is { } member ? HttpRequests.ClassifyUrls(method, send.Verb, UrlText.MemberOf(argument, member, Urls), send.UrlAfterArgument, send.BodyShapes)
                    : send.Elements ? HttpRequests.ClassifyUrls(method, send.Verb, UrlText.ElementsOf(argument, Urls), send.UrlAfterArgument, send.BodyShapes)
                    : HttpRequests.ClassifyArgument(method, send.Verb, argument, send.UrlAfterArgument, Urls, send.BodyShapes);
                target = target?.WithLibrarySteps(send.Path);
            }

            else if (Libraries.HasChatSends && Libraries.FindChatSend(method) is { } chat)
            {
                // A referenced library's publish to the chat or address its caller passes: the audience checks below read
                // this call's argument (the team's chat, the requester's chat answered, the requester's own address for a
                // reset link), as for a send of this compilation's. Whether email and SMS count was the library's to say,
                // as for its other publishes.
                target = new PublishTarget(method, PublishKind.Catalogued, chat.Platform, BuiltInCatalog.Index.CategoryOf(chat.Platform), catalogId: chat.CatalogId)
                    .WithLibrarySteps(chat.Path);
                recipientOrdinal = chat.Ordinal;
            }
            else if (Libraries.HasUnresolvedSends && Libraries.FindUnresolvedSend(method) is { } configured)
            {
                // A referenced library's send to a configured URL this project's settings leave without a usable value,
                // and that no name and body decide: unresolved, as a send of this project's own (PRES011). The key
                // travels on, so that a project referencing this one decides by its own settings.
                target = new PublishTarget(method, PublishKind.Unresolved, platform: null, PublishCategory.Social,
                    configured.Verb + " to " + Urls.DescribeUnresolved(configured.Key),
                    configuredUrl: new ConfiguredUrl(configured.Verb, configured.Key, configured.Tail, configured.BodyShapes))
                    .WithLibrarySteps(configured.Path);
            }

            return target is null || !options.IsEnabled(recipientOrdinal is null ? target.Category : PublishCategory.Social, target.Platform) ? null : target;
        }

        private static IOperation? ArgumentOf(Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation, int ordinal)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument.ArgumentKind == Microsoft.CodeAnalysis.Operations.ArgumentKind.DefaultValue ? null : argument.Value;
                }
            }

            return null;
        }

        private static ITypeSymbol? ReceiverType(Microsoft.CodeAnalysis.Operations.IInvocationOperation invocation)
            => invocation.Instance?.Type
               ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? UrlText.WithoutConversions(invocation.Arguments[0].Value)?.Type : null);
    }
}
