using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Presence.Compilations;

namespace Presence.Analyzers.Catalog
{
    internal enum PublishKind
    {
        /// <summary>A member the user declared with [PublishesContent] or in PresenceApis.txt (or an implementation or override of one).</summary>
        Declared,

        /// <summary>A method that declares [RequiresHumanApproval]: its callers must confirm.</summary>
        RequiresApproval,

        /// <summary>A member of a well-known SDK from the built-in catalog.</summary>
        Catalogued,

        /// <summary>An HTTP request to a catalogued publish endpoint.</summary>
        Endpoint,

        /// <summary>Not a publish: a call into the compilation whose guard decides whether a path continues through it.</summary>
        Call,

        /// <summary>
        /// Not known to publish: an HTTP write to a URL the analyzers cannot resolve. Reported only where an
        /// unattended path reaches it (PRES011, for information), never as a publish.
        /// </summary>
        Unresolved,
    }

    /// <summary>What a publish call reaches, as shown to the user: "Posts to Mastodon through 'MastodonClient.PublishStatus'".</summary>
    internal sealed class PublishTarget
    {
        public PublishTarget(IMethodSymbol method, PublishKind kind, string? platform, PublishCategory category = PublishCategory.Social, string? note = null, string? receiver = null, string? catalogId = null, ImmutableArray<PublishTarget> otherReceivers = default, ConfiguredUrl? configuredUrl = null, ArgumentUrl? argumentUrl = null)
        {
            Method = method;
            Kind = kind;
            Platform = platform;
            Category = category;
            Note = note;
            Receiver = receiver;
            CatalogId = catalogId;
            OtherReceivers = otherReceivers.IsDefault ? ImmutableArray<PublishTarget>.Empty : otherReceivers;
            ConfiguredUrl = configuredUrl;
            ArgumentUrl = argumentUrl;
        }

        public IMethodSymbol Method { get; }

        public PublishKind Kind { get; }

        public string? Platform { get; }

        public PublishCategory Category { get; }

        /// <summary>The catalog's or the user's note about the API, or the endpoint requested.</summary>
        public string? Note { get; }

        /// <summary>For catalogued members that only publish on some receivers: the receiver type's metadata name.</summary>
        public string? Receiver { get; }

        /// <summary>The catalog entry or endpoint that matched, carried in diagnostics for tools and coverage tests.</summary>
        public string? CatalogId { get; }

        /// <summary>Other catalog entries for the same member that publish only on other receivers.</summary>
        /// <remarks>Targets are cached per method and read by concurrent analyses: nothing here changes after construction.</remarks>
        public ImmutableArray<PublishTarget> OtherReceivers { get; }

        /// <summary>
        /// For an <see cref="PublishKind.Unresolved"/> send: the configuration key whose value is the whole URL, when
        /// the settings files seen here give it none (a host that references this assembly may).
        /// </summary>
        public ConfiguredUrl? ConfiguredUrl { get; }

        /// <summary>
        /// For an <see cref="PublishKind.Unresolved"/> request whose URL starts with a value nothing here resolves (a
        /// parameter, when the function's callers are elsewhere) and has no other: the verb and the rest of the URL.
        /// </summary>
        public ArgumentUrl? ArgumentUrl { get; }

        public PublishTarget WithMethod(IMethodSymbol called) => new PublishTarget(called, Kind, Platform, Category, Note, Receiver, CatalogId, configuredUrl: ConfiguredUrl, argumentUrl: ArgumentUrl);

        /// <summary>
        /// For a call of a referenced library's method that sends where its caller says (a URL, a chat): the steps in
        /// the library down to its send, by name, as its summary says ("Notifier.SendAsync → HttpClient.PostAsJsonAsync");
        /// null otherwise.
        /// </summary>
        public string? LibrarySteps { get; private set; }

        /// <summary>The last steps of a path that ends here: the library's steps down to its send, or the API called.</summary>
        public string Steps => LibrarySteps ?? ApiName(Method);

        /// <summary>The same target, reached through a library method whose steps down to its send are <paramref name="steps"/>.</summary>
        public PublishTarget WithLibrarySteps(string steps)
            => new PublishTarget(Method, Kind, Platform, Category, Note, Receiver, CatalogId, OtherReceivers, ConfiguredUrl, ArgumentUrl) { LibrarySteps = steps };

        /// <summary>How the message starts: what the call does, where, through which API.</summary>
        public string Describe()
        {
            var api = "'" + ApiName(Method) + "'";
            var what = Kind switch
            {
                PublishKind.RequiresApproval => "Calls " + api + ", which publishes and requires a person's approval,",
                PublishKind.Unresolved => "Sends through " + api,
                _ => Platform is null ? "Publishes through " + api : "Posts to " + Platform + " through " + api,
            };
            return Note is null ? what : what + " (" + Note + ")";
        }

        /// <summary>The API as the user sees it: an extension method is named after the type it extends.</summary>
        public static string ApiName(IMethodSymbol method)
        {
            // An extension block's member is named after the type of the block's receiver, as a classic one is.
            if (method.ContainingType is { IsExtension: true })
            {
                method = ExtensionMembers.Classic(method);
            }

            var reduced = method.ReducedFrom is not null ? method : method.IsExtensionMethod ? method.ReduceExtensionMethod(method.Parameters[0].Type) ?? method : method;
            var type = reduced.ReducedFrom is not null ? reduced.ReceiverType : method.ContainingType;
            return type is null ? method.Name : type.Name + "." + method.Name;
        }
    }

    /// <summary>A request whose URL is the value of a configuration key: <c>POST</c> to <c>Slack:WebhookUrl</c>.</summary>
    internal sealed class ConfiguredUrl
    {
        public ConfiguredUrl(string verb, string key, string? tail = null, string? bodyShapes = null)
        {
            Verb = verb;
            Key = key;
            Tail = tail;
            BodyShapes = bodyShapes;
        }

        /// <summary>The platforms whose message shape the body has (<see cref="BodyShape.Of"/>), or null.</summary>
        public string? BodyShapes { get; }

        public string Verb { get; }

        public string Key { get; }

        /// <summary>
        /// The relative URL a request adds to the key's value, a client's configured base address
        /// (<c>rest/posts</c> under <c>LinkedIn:BaseUrl</c>); null when the value is the whole URL.
        /// </summary>
        public string? Tail { get; }
    }

    /// <summary>
    /// A request whose URL is a value given from outside followed by <see cref="After"/>: <c>POST</c> to
    /// <c>{instance}/api/v1/statuses</c>.
    /// </summary>
    internal sealed class ArgumentUrl
    {
        public ArgumentUrl(string verb, string after, string? bodyShapes = null)
        {
            Verb = verb;
            After = after;
            BodyShapes = bodyShapes;
        }

        /// <summary>The platforms whose message shape the body has (<see cref="BodyShape.Of"/>), or null.</summary>
        public string? BodyShapes { get; }

        public string Verb { get; }

        /// <summary>The rest of the URL after the value; empty when the value is the whole URL.</summary>
        public string After { get; }
    }
}
