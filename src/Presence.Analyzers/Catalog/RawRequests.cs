using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Presence.Compilations;

namespace Presence.Analyzers.Catalog
{
    /// <summary>
    /// The SDK escape hatches: raw-request APIs whose request is built in a callback or an object, read the way a
    /// raw HTTP request is. Tweetinvi's <c>Execute.AdvanceRequestAsync</c>/<c>RequestAsync</c> (URL and method set in
    /// the lambda), LinqToTwitter's <c>ExecuteRawAsync</c>, SlackNet's <c>ISlackApiClient.Post(apiMethod, …)</c>, and
    /// Telegram.Bot's <c>SendRequest</c>/<c>MakeRequestAsync</c>, which publish only with a send-type request object.
    /// </summary>
    internal static class RawRequests
    {
        /// <summary>
        /// The names <see cref="IsCandidate"/> accepts, of the SDKs among <paramref name="referencedAssemblies"/>, for
        /// syntactic prefilters (keep the two in step): SlackNet's <c>Post</c> is a candidate name only where SlackNet is.
        /// </summary>
        public static IEnumerable<string> MethodNames(IEnumerable<AssemblyIdentity> referencedAssemblies)
        {
            foreach (var assembly in referencedAssemblies)
            {
                if (assembly.Name.StartsWith("Tweetinvi", StringComparison.Ordinal))
                {
                    yield return "AdvanceRequestAsync";
                    yield return "RequestAsync";
                    yield return "AdvanceRequest";
                    yield return "Request";
                }
                else if (assembly.Name.StartsWith("LinqToTwitter", StringComparison.Ordinal))
                {
                    yield return "ExecuteRawAsync";
                }
                else if (assembly.Name.StartsWith("SlackNet", StringComparison.Ordinal))
                {
                    yield return "Post";
                }
            }
        }

        // The types IsCandidate accepts a method of (keep the two in step).
        private static readonly string[] ClientTypeNames = { "IExecuteClient", "ExecuteClient", "TwitterContext", "ISlackApiClient", "SlackApiClient" };

        /// <summary>
        /// False when neither the source nor a reference declares a type of the names <see cref="IsCandidate"/> accepts
        /// a method of: then no call is a raw request (the source's type names read once per set of files, the references'
        /// asked once per set of them).
        /// </summary>
        public static bool ClientsMayExist(Compilation compilation)
            => ClientTypeNames.Any(name => SourceDeclarations.DeclaresType(compilation, name))
               || ReferenceSet.Of(compilation).Derived("RawRequests.ClientsMayExist", () => new StrongBox<bool>(ReferenceSet.Of(compilation).Assemblies.Any(DeclaresClient))).Value;

        private static bool DeclaresClient(IAssemblySymbol assembly)
        {
            foreach (var name in ClientTypeNames)
            {
                if (assembly.TypeNames.Contains(name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Cheap test on the called method before anything is read.</summary>
        public static bool IsCandidate(IMethodSymbol method)
            => method.Name switch
            {
                "AdvanceRequestAsync" or "RequestAsync" or "AdvanceRequest" or "Request" => method.ContainingType is { Name: "IExecuteClient" or "ExecuteClient", ContainingNamespace.Name: "Client" },
                "ExecuteRawAsync" => method.ContainingType is { Name: "TwitterContext", ContainingNamespace.Name: "LinqToTwitter" },
                "Post" => method.ContainingType is { Name: "ISlackApiClient" or "SlackApiClient", ContainingNamespace.Name: "SlackNet" },
                _ => false,
            };

        /// <summary>The endpoint a raw request reaches, or null when it is not a catalogued publish endpoint.</summary>
        public static PublishTarget? Classify(IInvocationOperation invocation, UrlSources? sources)
        {
            var method = invocation.TargetMethod;
            string? verb;
            System.Collections.Generic.List<UrlCandidate> urls;
            switch (method.Name)
            {
                case "ExecuteRawAsync":
                    verb = Argument(invocation, "method") is { } explicitVerb ? VerbOf(explicitVerb) : "POST";
                    var query = UrlText.Of(Argument(invocation, "queryString"));
                    urls = new[] { query, "https://api.twitter.com/2/" + query.TrimStart('/'), "https://api.twitter.com/1.1/" + query.TrimStart('/') }
                        .Select(text => new UrlCandidate(text, null)).ToList();
                    break;

                case "Post":
                    verb = "POST";
                    urls = UrlText.One("https://slack.com/api/" + UrlText.Of(Argument(invocation, "apiMethod")));
                    break;

                default:
                    // client.Execute.AdvanceRequestAsync(r => { r.Query.Url = "…/2/tweets"; r.Query.HttpMethod = HttpMethod.POST; })
                    if (invocation.Arguments.FirstOrDefault()?.Value is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                    {
                        return null;
                    }

                    verb = null;
                    urls = UrlText.One(RequestUrl.Unknown.ToString());
                    foreach (var assignment in lambda.Body.Descendants().OfType<ISimpleAssignmentOperation>())
                    {
                        switch ((assignment.Target as IPropertyReferenceOperation)?.Property.Name)
                        {
                            case "Url":
                                urls = UrlText.Candidates(assignment.Value, sources);
                                break;
                            case "HttpMethod":
                                verb = VerbOf(assignment.Value);
                                break;
                        }
                    }

                    // Tweetinvi's default method is GET.
                    verb ??= "GET";
                    break;
            }

            if (verb is null)
            {
                return null;
            }

            foreach (var candidate in urls)
            {
                if (RequestUrl.Parse(candidate.Text) is { } url && EndpointCatalog.Match(verb, url) is { } endpoint)
                {
                    return HttpRequests.TargetOf(method, endpoint, verb, candidate.Text, candidate.Origin);
                }
            }

            return null;
        }

        /// <summary>
        /// True when a Telegram raw request (<c>SendRequest</c>, <c>MakeRequest</c>, <c>MakeRequestAsync</c>) carries a
        /// request object whose type says it does not publish (<c>GetMeRequest</c>, <c>SendChatActionRequest</c>…).
        /// A request whose type is not known is taken to publish.
        /// </summary>
        public static bool IsTelegramReadRequest(IInvocationOperation invocation)
            => TelegramRequestType(invocation) is { } type && !PublishesByName(type);

        /// <summary>
        /// The Bot API method a Telegram raw request sends (<c>sendMessage</c> for a <c>SendMessageRequest</c>), or null
        /// when the request object's type is not known.
        /// </summary>
        public static string? TelegramMethodOf(IInvocationOperation invocation)
            => TelegramRequestType(invocation) is { } type
                ? char.ToLowerInvariant(type[0]) + type.Substring(1, type.Length - 1 - "Request".Length)
                : null;

        // The type name of the request object a raw Telegram request carries, or null.
        private static string? TelegramRequestType(IInvocationOperation invocation)
        {
            if (invocation.TargetMethod.Name is not ("SendRequest" or "MakeRequest" or "MakeRequestAsync")
                || invocation.TargetMethod.ContainingType?.ContainingNamespace?.Name != "Bot")
            {
                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                var value = UrlText.WithoutConversions(argument.Value);
                if (value is ILocalReferenceOperation local)
                {
                    value = UrlText.WithoutConversions(UrlText.Initializer(local.Local, local.SemanticModel)) ?? value;
                }

                if (value?.Type is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } type
                    && type.Name.Length > "Request".Length && type.Name.EndsWith("Request", StringComparison.Ordinal))
                {
                    return type.Name;
                }
            }

            return null;
        }

        // sendMessage, sendPhoto…, forwardMessage(s), copyMessage(s), editMessage…, postStory, repostStory, editStory,
        // answerWebAppQuery; not sendChatAction (a "typing…" indicator) nor editMessageReplyMarkup (the buttons alone).
        private static bool PublishesByName(string name)
            => name is not ("SendChatActionRequest" or "EditMessageReplyMarkupRequest")
               && (name.StartsWith("Send", StringComparison.Ordinal) || name.StartsWith("Forward", StringComparison.Ordinal)
                   || name.StartsWith("Copy", StringComparison.Ordinal) || name.StartsWith("EditMessage", StringComparison.Ordinal)
                   || name is "PostStoryRequest" or "RepostStoryRequest" or "EditStoryRequest" or "AnswerWebAppQueryRequest");

        private static IOperation? Argument(IInvocationOperation invocation, string parameter)
            => invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter && !a.IsImplicit)?.Value;

        // HttpMethod.Post, Tweetinvi's HttpMethod.POST, new HttpMethod("POST").
        private static string? VerbOf(IOperation? operation)
        {
            operation = UrlText.WithoutConversions(operation);
            return operation switch
            {
                IPropertyReferenceOperation { Property.IsStatic: true } property => property.Property.Name.ToUpperInvariant(),
                IFieldReferenceOperation { Field.IsStatic: true } field => field.Field.Name.ToUpperInvariant(),
                IObjectCreationOperation { Arguments.Length: > 0 } creation when creation.Arguments[0].Value.ConstantValue.Value is string text => text.ToUpperInvariant(),
                _ => null,
            };
        }
    }
}
