using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Catalog;

namespace Presence.Analyzers.Model
{
    /// <summary>
    /// Who a send reaches, where the code says so: a destination taken from an <c>[InternalAudience]</c> parameter
    /// reaches the team, not an audience; a platform-labelled bot account (a Telegram bot, a Discord bot user, a
    /// Slack app) that answers in the chat an incoming message came from speaks to a person who knows it is a bot; an
    /// email or SMS to the person whose request is handled answers that person. None is presence. A helper's
    /// parameter is what its callers pass (<see cref="CallerBindings"/> for one call).
    /// </summary>
    internal sealed class Audience
    {
        private const int MaxDepth = 8;
        private readonly INamedTypeSymbol? _internalAudience;
        private readonly CallSiteArguments? _callers;
        private readonly Lazy<bool>? _internalAudienceWritten;

        /// <param name="symbols">The compilation's Presence types.</param>
        /// <param name="callers">What the call sites of a method pass to its parameters (a reply helper's chat).</param>
        /// <param name="internalAudienceWritten">
        /// False when no file of the compilation names [InternalAudience] and no reference but Presence.Abstractions
        /// builds on it: then no argument a helper's callers pass can be internal, and their call sites are not looked
        /// for (finding them reads every file). Null: always looked for.
        /// </param>
        public Audience(PresenceSymbols symbols, CallSiteArguments? callers = null, Lazy<bool>? internalAudienceWritten = null)
        {
            _internalAudience = symbols.InternalAudience;
            _callers = callers;
            _internalAudienceWritten = internalAudienceWritten;
        }

        // Where a chat, channel or message comes from: the person who wrote, a channel (its post, a channel speaking
        // in a group, its pinned post), or somewhere the code does not say (a configured id, a subscriber list).
        private enum Origin
        {
            Elsewhere,
            Requester,
            Channel,
        }

        /// <summary>
        /// True when the send's destination (receiver, chat, channel or URL) comes from an [InternalAudience] parameter;
        /// for a raw request to Telegram's Bot API, the destination is the <c>chat_id</c> of the request body; for an
        /// email or SMS, every recipient it names, also through the address type built or parsed from the value
        /// (<c>new PhoneNumber(ops.OnCallPhone)</c>). <paramref name="recipientOrdinal"/>: the parameter of a referenced
        /// library's method that gives the recipient, where its summary says so.
        /// </summary>
        public bool IsInternal(IInvocationOperation invocation, PublishTarget? target = null, int? recipientOrdinal = null)
        {
            if (_internalAudience is null)
            {
                return false;
            }

            // Who an email or SMS reaches is who it names as recipients: a team sender (from:) reaches nobody.
            if (target is { Category: PublishCategory.Email or PublishCategory.Sms } && RecipientsReadInternal(invocation, recipientOrdinal) is { } named)
            {
                return named;
            }

            if (invocation.Instance is { } instance && ReadsInternal(instance, 0))
            {
                return true;
            }

            // A request of the project's own to a chat API names its destination in the body.
            var bodyNamesChat = target is { Platform: "Telegram" or "Slack" } && target.Kind != PublishKind.Catalogued;
            var slack = target is { Platform: "Slack" };
            foreach (var argument in invocation.Arguments)
            {
                if (ReadsInternal(argument.Value, 0) || (bodyNamesChat && BodyReadsInternal(argument.Value, slack, 0)))
                {
                    return true;
                }
            }

            // A REST URL names its channel (channels/{id}/messages): an internal id in the URL's text is the destination.
            return target is { Kind: PublishKind.Endpoint } && UrlPartReadsInternal(RequestUri(invocation), 0);
        }

        // The URL of an HttpClient request: the requestUri argument, or that of the HttpRequestMessage it sends.
        private static IOperation? RequestUri(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "requestUri":
                        return argument.Value;
                    case "request":
                        var request = UrlText.WithoutConversions(argument.Value);
                        if (request is ILocalReferenceOperation local)
                        {
                            request = UrlText.WithoutConversions(UrlText.Initializer(local.Local, local.SemanticModel));
                        }

                        if (request is IObjectCreationOperation { Type.Name: "HttpRequestMessage" } creation)
                        {
                            foreach (var created in creation.Arguments)
                            {
                                if (created.Parameter?.Name == "requestUri")
                                {
                                    return created.Value;
                                }
                            }
                        }

                        return null;
                }
            }

            return null;
        }

        // A part of a URL's text (an interpolation hole, an operand of +) read from an [InternalAudience] value.
        private bool UrlPartReadsInternal(IOperation? url, int depth)
        {
            url = UrlText.WithoutConversions(url);
            if (url is null || depth > MaxDepth)
            {
                return false;
            }

            switch (url)
            {
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole && ReadsInternal(hole.Expression, depth + 1))
                        {
                            return true;
                        }
                    }

                    return false;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                    return UrlPartReadsInternal(concatenation.LeftOperand, depth + 1) || UrlPartReadsInternal(concatenation.RightOperand, depth + 1);
                case IObjectCreationOperation { Type.Name: "Uri", Arguments.Length: 1 } wrapped:
                    return UrlPartReadsInternal(wrapped.Arguments[0].Value, depth + 1);
                case ILocalReferenceOperation local:
                    return UrlPartReadsInternal(UrlText.Initializer(local.Local, local.SemanticModel), depth + 1);
                default:
                    return ReadsInternal(url, depth + 1);
            }
        }

        // The chat_id a request body names: an anonymous object or a DTO initializer (chat_id = …, ChatId = …), a
        // dictionary entry ["chat_id"] = … or { "chat_id", … }, through JsonContent.Create, JsonSerializer.Serialize,
        // content wrappers and locals.
        private static IOperation? BodyChat(IOperation? operation, bool slack, int depth)
        {
            operation = UrlText.WithoutConversions(operation);
            if (operation is null || depth > MaxDepth)
            {
                return null;
            }

            switch (operation)
            {
                case IAnonymousObjectCreationOperation anonymous:
                    foreach (var initializer in anonymous.Initializers)
                    {
                        if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment && IsDestinationMember(property.Property.Name, slack))
                        {
                            return assignment.Value;
                        }
                    }

                    return null;

                case IObjectCreationOperation creation:
                    if (creation.Initializer is { } objectInitializer)
                    {
                        foreach (var initializer in objectInitializer.Initializers)
                        {
                            switch (initializer)
                            {
                                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: false } property } assignment when IsDestinationMember(property.Property.Name, slack):
                                    return assignment.Value;
                                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment
                                    when indexer.Arguments[0].Value.ConstantValue.Value is string key && IsDestinationMember(key, slack):
                                    return assignment.Value;
                                case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add
                                    when add.Arguments[0].Value.ConstantValue.Value is string added && IsDestinationMember(added, slack):
                                    return add.Arguments[1].Value;
                            }
                        }
                    }

                    // new StringContent(json), new FormUrlEncodedContent(pairs)
                    foreach (var argument in creation.Arguments)
                    {
                        if (BodyChat(argument.Value, slack, depth + 1) is { } chat)
                        {
                            return chat;
                        }
                    }

                    return null;

                case IInvocationOperation call when call.TargetMethod.Name is "Create" or "Serialize" or "SerializeObject" && call.Arguments.Length > 0:
                    return BodyChat(call.Arguments[0].Value, slack, depth + 1);

                case ILocalReferenceOperation local:
                    return BodyChat(UrlText.Initializer(local.Local, local.SemanticModel), slack, depth + 1);

                default:
                    return null;
            }
        }

        // The request body names an internal chat (BodyChat), also where the body is a helper's parameter
        // (Send(object body) posting what its callers build): read for the call site being judged, or when every
        // caller's body names one. Where only some do, the send is judged again for each call.
        private bool BodyReadsInternal(IOperation? body, bool slack, int depth)
        {
            body = UrlText.WithoutConversions(body);
            if (body is ILocalReferenceOperation local && UrlText.WithoutConversions(UrlText.Initializer(local.Local, local.SemanticModel)) is IParameterReferenceOperation initializedFrom)
            {
                body = initializedFrom;
            }

            if (body is not IParameterReferenceOperation { Parameter: var parameter } || depth > MaxDepth)
            {
                return ReadsInternal(BodyChat(body, slack, depth), depth);
            }

            if (CallerBindings.ArgumentFor(parameter) is { } bound)
            {
                return BodyReadsInternal(bound, slack, depth + 1);
            }

            if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary } || _internalAudienceWritten?.Value == false
                || _callers?.ArgumentsOf(parameter) is not { Count: > 0 } arguments)
            {
                return false;
            }

            var some = false;
            var every = true;
            foreach (var argument in arguments)
            {
                if (BodyReadsInternal(argument, slack, depth + 1))
                {
                    some = true;
                }
                else
                {
                    every = false;
                }
            }

            if (some && !every)
            {
                CallerBindings.NoteRead(parameter);
            }

            return every;
        }

        private static bool IsChatMember(string name) => name is "chat_id" or "ChatId" or "chatId";

        // Where a request body says it goes: Telegram's chat_id, Slack's channel (chat.postMessage).
        private static bool IsDestinationMember(string name, bool slack) => slack ? name is "channel" or "Channel" : IsChatMember(name);

        /// <summary>
        /// True when a value a subclass gives as a URL (its override of a property, a base constructor's argument) is
        /// read from an [InternalAudience] parameter or setting, or the member giving it is marked itself.
        /// </summary>
        public bool IsInternalValue(IOperation value, ISymbol? givenBy)
            => _internalAudience is not null
               && ((givenBy is not null && PresenceSymbols.HasAttribute(givenBy, _internalAudience)) || ReadsInternal(value, 0));

        // The value comes from an [InternalAudience] parameter, or from a property marked with it (a settings type's
        // OwnerChatId), through member accesses and locals.
        private bool ReadsInternal(IOperation? operation, int depth)
        {
            operation = UrlText.WithoutConversions(operation);
            if (operation is null || depth > MaxDepth)
            {
                return false;
            }

            switch (operation)
            {
                // A helper's parameter read for one call site: what that call passes.
                case IParameterReferenceOperation parameter when CallerBindings.ArgumentFor(parameter.Parameter) is { } bound:
                    return ReadsInternal(bound, depth + 1);
                case IParameterReferenceOperation parameter:
                    return PresenceSymbols.HasAttribute(parameter.Parameter, _internalAudience) || EveryCallerPassesInternal(parameter.Parameter, depth);
                case IPropertyReferenceOperation property:
                    return PresenceSymbols.HasAttribute(property.Property, _internalAudience) || ReadsInternal(property.Instance, depth + 1)
                           || (property.Property.IsIndexer && IndexesInternal(property, depth));
                case IFieldReferenceOperation field:
                    return ReadsInternal(field.Instance, depth + 1);
                case IObjectCreationOperation { Type.Name: "Uri" or "ChatId", Arguments.Length: 1 } wrapped:
                    return ReadsInternal(wrapped.Arguments[0].Value, depth + 1);
                case ILocalReferenceOperation local when UrlText.Initializer(local.Local, local.SemanticModel) is { } initializer:
                    return ReadsInternal(initializer, depth + 1);
                case ILocalReferenceOperation local:
                    // foreach (var admin in ops.AdminIds): each element of an [InternalAudience] list is the team's, also
                    // each address made from one (foreach (var to in ops.Phones.Select(n => new PhoneNumber(n)))).
                    return ElementsReadInternal(UrlText.ForEachCollection(local.Local, local.SemanticModel), depth + 1);
                default:
                    return false;
            }
        }

        // A collection every element of which is read from an [InternalAudience] list: the list itself, each of its
        // elements made an address (ops.TeamEmails.Select(a => new EmailAddress(a)), Select(MailboxAddress.Parse),
        // ConvertAll), filtered, copied (ToList, new List<T>(…)) or joined with another such list, and a list in a local
        // that starts empty or so and is only added such elements where it is declared. Not a list joined with another.
        private bool ElementsReadInternal(IOperation? collection, int depth)
        {
            collection = UrlText.WithoutConversions(collection);
            if (collection is null || depth > MaxDepth)
            {
                return false;
            }

            switch (collection)
            {
                case IInvocationOperation { TargetMethod: { Name: "ConvertAll", ContainingType.Name: "List" } } convert when convert.Arguments.Length == 1:
                    return MakesAddressOfElement(convert.Arguments[0].Value) && ElementsReadInternal(convert.Instance, depth + 1);
                case IInvocationOperation { TargetMethod: { ContainingType: { Name: "Enumerable", ContainingNamespace.Name: "Linq" } } method } linq when linq.Arguments.Length > 0:
                    var source = linq.Arguments[0].Value;
                    switch (method.Name)
                    {
                        case "Select" when linq.Arguments.Length == 2:
                            return MakesAddressOfElement(linq.Arguments[1].Value) && ElementsReadInternal(source, depth + 1);
                        case "Concat" or "Union" when linq.Arguments.Length == 2:
                            return ElementsReadInternal(source, depth + 1) && ElementsReadInternal(linq.Arguments[1].Value, depth + 1);
                        case "ToList" or "ToArray" or "ToHashSet" or "AsEnumerable" or "Where" or "Distinct" or "Take" or "Skip" or "OrderBy" or "OrderByDescending":
                            return ElementsReadInternal(source, depth + 1);
                        default:
                            return false;
                    }

                case IObjectCreationOperation { Arguments.Length: 1, Initializer: null } copy when !IsAddressType(copy.Type):
                    return ElementsReadInternal(copy.Arguments[0].Value, depth + 1);
                case IObjectCreationOperation or IArrayCreationOperation or ICollectionExpressionOperation:
                    var any = false;
                    foreach (var element in Addresses(collection))
                    {
                        if (element == collection || !AddressReadsInternal(element, depth + 1))
                        {
                            return false;
                        }

                        any = true;
                    }

                    return any;
                case ILocalReferenceOperation local when UrlText.Initializer(local.Local, local.SemanticModel) is { } initializer:
                    return LocalListReadsInternal(local, initializer, depth);
                default:
                    return ReadsInternal(collection, depth + 1);
            }
        }

        // A list kept in a local (var tos = new List<EmailAddress>()) whose every element, those it starts with and those
        // added to it where it is declared (tos.Add(…), tos.AddRange(…)), is read from [InternalAudience] values, and
        // that is neither used otherwise there nor set again.
        private bool LocalListReadsInternal(ILocalReferenceOperation reference, IOperation initializer, int depth)
        {
            var local = reference.Local;
            if (reference.SemanticModel is not { } model
                || local.DeclaringSyntaxReferences[0].GetSyntax().FirstAncestorOrSelf<StatementSyntax>()?.Parent is not { } scope
                || scope.SyntaxTree != model.SyntaxTree)
            {
                return false;
            }

            var any = false;
            if (UrlText.WithoutConversions(initializer) is not IObjectCreationOperation { Arguments.Length: 0, Initializer: null })
            {
                if (!ElementsReadInternal(initializer, depth + 1))
                {
                    return false;
                }

                any = true;
            }

            foreach (var node in scope.DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax assigned } && assigned.Identifier.ValueText == local.Name)
                {
                    return false;
                }

                if (node is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver, Name.Identifier.ValueText: var member } access
                    || receiver.Identifier.ValueText != local.Name)
                {
                    continue;
                }

                if (member is "Count" or "Length")
                {
                    continue;
                }

                if (member is not ("Add" or "AddRange") || access.Parent is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } call
                    || model.GetOperation(call.ArgumentList.Arguments[0].Expression) is not { } added
                    || !(member == "Add" ? AddressReadsInternal(added, depth + 1) : ElementsReadInternal(added, depth + 1)))
                {
                    return false;
                }

                any = true;
            }

            return any;
        }

        // A selector that makes each element its address (a => new EmailAddress(a), a => new MailboxAddress(name, a),
        // MailboxAddress.Parse, n => new PhoneNumber(n)), or keeps it as it is: not one that builds the address from
        // something else.
        private static bool MakesAddressOfElement(IOperation selector)
        {
            switch (UrlText.WithoutConversions(selector))
            {
                case IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: { Name: "Parse", Parameters.Length: 1 } parse } }:
                    return IsAddressType(parse.ContainingType);
                case IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Symbol.Parameters.Length: 1 } lambda }
                    when lambda.Body.Operations.Length == 1 && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } returned }:
                    var element = lambda.Symbol.Parameters[0];
                    if (PersonalizationRecipients(returned) is not { } lists)
                    {
                        return IsAddressOf(returned, element);
                    }

                    // A SendGrid personalization for each element (a => new Personalization { Tos = [new EmailAddress(a)] }):
                    // every recipient it names is the element.
                    var any = false;
                    foreach (var list in lists)
                    {
                        foreach (var recipient in Addresses(list))
                        {
                            if (!IsAddressOf(recipient, element))
                            {
                                return false;
                            }

                            any = true;
                        }
                    }

                    return any;
                default:
                    return false;
            }
        }

        // The element itself, or the address made of it (new EmailAddress(a), MailboxAddress.Parse(a)).
        private static bool IsAddressOf(IOperation? address, IParameterSymbol element)
        {
            var value = UrlText.WithoutConversions(address);
            value = value switch
            {
                IObjectCreationOperation creation => AddressArgument(creation),
                IInvocationOperation { TargetMethod.Name: "Parse", Arguments.Length: > 0 } parse when IsAddressType(parse.TargetMethod.ContainingType) => parse.Arguments[0].Value,
                _ => value,
            };
            return UrlText.WithoutConversions(value) is IParameterReferenceOperation reference
                   && SymbolEqualityComparer.Default.Equals(reference.Parameter, element);
        }

        // A destination picked by an [InternalAudience] key (graph.Teams[ops.TeamId].Channels["alerts"]): the team's, where
        // what the key picks is a destination rather than text or a list (a subscriber list keyed by team stays public).
        private bool IndexesInternal(IPropertyReferenceOperation indexer, int depth)
        {
            if (indexer.Type is null || indexer.Type.SpecialType == SpecialType.System_String
                || indexer.Type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable))
            {
                return false;
            }

            foreach (var argument in indexer.Arguments)
            {
                if (ReadsInternal(argument.Value, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when an email or SMS goes to the person whose request is being handled, and to nobody else: a one-time
        /// passcode to the number in the sign-in form, a password-reset link to the address of the signed-in user. Each
        /// recipient the send names (Twilio's <c>to</c>, the <c>to</c> of SendGrid's <c>CreateSingleEmail</c>, of a
        /// <c>MailMessage</c> or of a <c>MimeMessage</c>, through locals, arrays and address types) is read from an HTTP handler's parameter, the signed-in
        /// <c>User</c>, or a helper's parameter every caller passes one of those to. A send whose recipients the code
        /// does not name there (a list added to later, a loop over subscribers) stays a broadcast.
        /// </summary>
        public bool IsReplyToRequester(IInvocationOperation invocation, PublishTarget target, int? recipientOrdinal = null)
        {
            if (target.Category == PublishCategory.Social)
            {
                return false;
            }

            var any = false;
            foreach (var recipients in RecipientsOf(invocation, recipientOrdinal))
            {
                foreach (var recipient in Addresses(recipients))
                {
                    if (RequestOriginOf(recipient, 0) != Origin.Requester)
                    {
                        return false;
                    }

                    any = true;
                }
            }

            return any;
        }

        // An email or SMS whose every recipient is read from an [InternalAudience] value: the team's. Null when the send
        // names no recipient (a message passed in whole).
        private bool? RecipientsReadInternal(IInvocationOperation invocation, int? recipientOrdinal)
        {
            bool? every = null;
            foreach (var recipients in RecipientsOf(invocation, recipientOrdinal))
            {
                foreach (var recipient in Addresses(recipients))
                {
                    if (!AddressReadsInternal(recipient, 0))
                    {
                        return false;
                    }

                    every = true;
                }
            }

            return every;
        }

        // An address read from an [InternalAudience] value: the value itself, or the address type built or parsed from
        // it (new PhoneNumber(x), new EmailAddress(x, name), new MailboxAddress(name, x), MailboxAddress.Parse(x)),
        // through locals and a helper's parameter; a SendGrid personalization whose every recipient is (not one kept in a
        // local the code changes later).
        private bool AddressReadsInternal(IOperation? address, int depth)
        {
            address = UrlText.WithoutConversions(address);
            if (depth > MaxDepth)
            {
                return false;
            }

            switch (address)
            {
                case IObjectCreationOperation creation when AddressArgument(creation) is { } wrapped:
                    return ReadsInternal(wrapped, depth + 1);
                case IObjectCreationOperation or ILocalReferenceOperation when PersonalizationRecipients(address) is not null:
                    var any = false;
                    foreach (var recipient in Addresses(address))
                    {
                        if (!AddressReadsInternal(recipient, depth + 1))
                        {
                            return false;
                        }

                        any = true;
                    }

                    return any;
                case ILocalReferenceOperation { Type.Name: "Personalization" }:
                    return false;
                case IInvocationOperation { TargetMethod.Name: "Parse", Arguments.Length: > 0 } parse when IsAddressType(parse.TargetMethod.ContainingType):
                    return ReadsInternal(parse.Arguments[0].Value, depth + 1);
                case IInvocationOperation added when AddsRecipientList(added):
                    return ElementsReadInternal(added.Arguments[0].Value, depth + 1);
                case ILocalReferenceOperation local when IsAddressList(local.Type):
                    return ElementsReadInternal(local, depth + 1);
                case ILocalReferenceOperation local when UrlText.Initializer(local.Local, local.SemanticModel) is { } initializer:
                    return AddressReadsInternal(initializer, depth + 1);
                case IParameterReferenceOperation parameter when CallerBindings.ArgumentFor(parameter.Parameter) is { } bound:
                    return AddressReadsInternal(bound, depth + 1);
                case IParameterReferenceOperation parameter when IsAddressType(parameter.Type) && !PresenceSymbols.HasAttribute(parameter.Parameter, _internalAudience):
                    return EveryCallerPassesInternal(parameter.Parameter, depth, address: true);
                case IInvocationOperation or IObjectCreationOperation { Initializer: not null } or IArrayCreationOperation or ICollectionExpressionOperation when IsAddressList(address.Type):
                    return ElementsReadInternal(address, depth + 1);
                default:
                    return ReadsInternal(address, depth);
            }
        }

        // A collection of addresses or of their text (List<EmailAddress>, IEnumerable<MailboxAddress>, string[]): not a
        // single address or its text.
        private static bool IsAddressList(ITypeSymbol? type)
        {
            if (type is null or { SpecialType: SpecialType.System_String } || IsAddressType(type))
            {
                return false;
            }

            if (type is IArrayTypeSymbol)
            {
                return true;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (@interface.SpecialType == SpecialType.System_Collections_IEnumerable)
                {
                    return true;
                }
            }

            return type.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T || type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T;
        }

        // A message given a list of recipients: MimeKit's msg.To.AddRange(list), SendGrid's msg.AddTos(list) (AddCcs, AddBccs).
        private static bool AddsRecipientList(IInvocationOperation call)
            => call.TargetMethod.Name is "AddRange" or "AddTos" or "AddCcs" or "AddBccs" && call.Arguments.Length > 0 && call.Instance is not null;

        // An SDK's address type: Twilio's PhoneNumber, SendGrid's EmailAddress, System.Net.Mail's MailAddress, MimeKit's
        // MailboxAddress (and InternetAddress, whose Parse gives one).
        private static bool IsAddressType(ITypeSymbol? type)
            => type?.Name is "PhoneNumber" or "EmailAddress" or "MailAddress" or "MailboxAddress" or "InternetAddress";

        // The value an address type is built from: its address, not the display name beside it
        // (new MailboxAddress(name, address), new EmailAddress(email, name)).
        private static IOperation? AddressArgument(IObjectCreationOperation creation)
        {
            if (!IsAddressType(creation.Type) || creation.Arguments.Length == 0)
            {
                return null;
            }

            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Name is "address" or "email" or "number" or "phoneNumber" && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    return argument.Value;
                }
            }

            return creation.Arguments.Length == 1 ? creation.Arguments[0].Value : null;
        }

        // The recipients a send names, or, for a referenced library's method whose summary names the parameter that gives
        // the recipient, what this call passes to it.
        private static IEnumerable<IOperation?> RecipientsOf(IInvocationOperation invocation, int? recipientOrdinal)
        {
            if (recipientOrdinal is not { } ordinal)
            {
                return Recipients(invocation, 0);
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return new[] { argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value };
                }
            }

            return new IOperation?[] { null };
        }

        // The addresses a recipient argument lists: the elements of an array, a collection expression or a collection
        // initializer (MimeKit's new MimeMessage(from, new[] { MailboxAddress.Parse(form.Email) }, …),
        // new InternetAddressList { MailboxAddress.Parse(form.Email) }), none for a list created empty, else the argument
        // itself. A list kept in a local is read from its initializer only where nothing adds to it later (a loop over
        // subscribers). A SendGrid personalization lists those of its Tos, Ccs and Bccs.
        private static IEnumerable<IOperation?> Addresses(IOperation? recipients) => Addresses(recipients, 0);

        private static IEnumerable<IOperation?> Addresses(IOperation? recipients, int depth)
        {
            var value = UrlText.WithoutConversions(recipients);
            if (value is ILocalReferenceOperation local)
            {
                var initializer = UrlText.WithoutConversions(UrlText.Initializer(local.Local, local.SemanticModel));
                if (local.Type is IArrayTypeSymbol || initializer is IObjectCreationOperation { Initializer: not null } && !UsedLater(local.Local))
                {
                    value = initializer ?? value;
                }
            }

            if (depth < 3 && PersonalizationRecipients(value) is { } personalized)
            {
                return personalized.SelectMany(list => Addresses(list, depth + 1));
            }

            switch (value)
            {
                case IArrayCreationOperation { Initializer: { } initializer }:
                    return initializer.ElementValues.SelectMany(element => Held(element, depth));
                case ICollectionExpressionOperation collection:
                    return collection.Elements.SelectMany(element => Held(element, depth));
                case IObjectCreationOperation { Arguments.Length: 0, Initializer: null } empty when IsAddressList(empty.Type):
                    return Array.Empty<IOperation?>();
                case IObjectCreationOperation { Arguments.Length: 0, Initializer.Initializers: { Length: > 0 } elements } when AllAdds(elements):
                    return elements.SelectMany(element => Held(((IInvocationOperation)element).Arguments[0].Value, depth));
                default:
                    return new[] { AddressHeld(recipients) };
            }
        }

        // An element of a recipient list: the address it holds, or the addresses of a personalization.
        private static IEnumerable<IOperation?> Held(IOperation element, int depth)
            => depth < 3 && PersonalizationRecipients(element) is not null ? Addresses(element, depth + 1) : new[] { AddressHeld(element) };

        // The recipient lists a SendGrid personalization built where it is given sets (new Personalization { Tos = …,
        // Ccs = …, Bccs = … }, also kept in a local nothing sets or adds to later); its From, Subject and data are not
        // recipients. None where it sets none (the call it is given to adds them). Null for anything else.
        private static IReadOnlyList<IOperation?>? PersonalizationRecipients(IOperation? operation)
        {
            operation = UrlText.WithoutConversions(operation);
            if (operation is ILocalReferenceOperation local && !UsedLater(local.Local))
            {
                operation = UrlText.WithoutConversions(UrlText.Initializer(local.Local, local.SemanticModel));
            }

            if (operation is not IObjectCreationOperation { Type.Name: "Personalization" } personalization)
            {
                return null;
            }

            var lists = new List<IOperation?>();
            foreach (var set in personalization.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
            {
                switch (set)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Tos" or "Ccs" or "Bccs" } } recipients:
                        lists.Add(recipients.Value);
                        break;
                    // Tos = { a, b }: each address added; anything else there is a recipient the code does not name.
                    case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property.Name: "Tos" or "Ccs" or "Bccs" }, Initializer: var added }:
                        foreach (var element in added.Initializers)
                        {
                            lists.Add(element is IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add ? add.Arguments[0].Value : null);
                        }

                        break;
                }
            }

            return lists;
        }

        // A collection initializer that only adds one element at a time ({ a, b }).
        private static bool AllAdds(ImmutableArray<IOperation> elements)
        {
            foreach (var element in elements)
            {
                if (element is not IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 })
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsRecipientName(string? name) => name is "to" or "tos" or "recipient" or "recipients" or "toAddress" or "toEmail";

        // The recipients a send, or the message it sends, names: arguments named like a recipient, also of the call or
        // creation that built the message (MailHelper.CreateSingleEmail(from, to, …), new MailMessage(from, to, …),
        // new MimeMessage(from, to, …)), and those a message kept in a local is given where it is declared
        // (msg.To.Add(a), msg.Bcc.Add(a), SendGrid's msg.AddBcc(a), and the call that adds a list: msg.To.AddRange(list),
        // msg.AddTos(list), SendGrid's personalizations). Null stands for recipients the code gives it otherwise.
        private static IEnumerable<IOperation?> Recipients(IOperation operation, int depth)
        {
            var arguments = operation switch
            {
                IInvocationOperation call => call.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => ImmutableArray<IArgumentOperation>.Empty,
            };

            foreach (var argument in arguments)
            {
                if (argument.IsImplicit && argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                if (IsRecipientName(argument.Parameter?.Name))
                {
                    yield return argument.Value;
                    continue;
                }

                if (depth < 2)
                {
                    var value = UrlText.WithoutConversions(argument.Value);
                    if (value is ILocalReferenceOperation local)
                    {
                        value = UrlText.WithoutConversions(UrlText.Initializer(local.Local, local.SemanticModel));
                        if (value is IObjectCreationOperation or IInvocationOperation)
                        {
                            foreach (var added in AddedRecipients(local))
                            {
                                yield return added;
                            }

                            // What the message was created with no longer counts once its whole personalization list is replaced.
                            if (PersonalizationsReplaced(local, operation.Syntax))
                            {
                                continue;
                            }
                        }
                    }

                    if (value is IInvocationOperation or IObjectCreationOperation)
                    {
                        foreach (var nested in Recipients(value, depth + 1))
                        {
                            yield return nested;
                        }
                    }
                }
            }

            // A message built by its properties (Microsoft Graph's new SendMailPostRequestBody { Message = new Message
            // { ToRecipients = [...] } }, SendGrid's new SendGridMessage { Personalizations = … }): the recipient lists it
            // sets, also those of the message it is given.
            if (operation is IObjectCreationOperation { Initializer.Initializers: { Length: > 0 } initializers } && depth < 4)
            {
                foreach (var initializer in initializers)
                {
                    if (initializer is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: var name } } set)
                    {
                        continue;
                    }

                    if (name is "ToRecipients" or "CcRecipients" or "BccRecipients" or "Personalizations")
                    {
                        yield return set.Value;
                        continue;
                    }

                    var value = UrlText.WithoutConversions(set.Value);
                    if (value is ILocalReferenceOperation local)
                    {
                        value = UrlText.WithoutConversions(UrlText.Initializer(local.Local, local.SemanticModel));
                    }

                    if (value is IObjectCreationOperation nested)
                    {
                        foreach (var recipient in Recipients(nested, depth + 1))
                        {
                            yield return recipient;
                        }
                    }
                }
            }
        }

        // The address a recipient object holds where its properties set it (Microsoft Graph's
        // new Recipient { EmailAddress = new EmailAddress { Address = a } }): a; anything else as it is.
        private static IOperation? AddressHeld(IOperation? recipient)
        {
            for (var depth = 0; depth < 2; depth++)
            {
                if (UrlText.WithoutConversions(recipient) is not IObjectCreationOperation { Arguments.Length: 0, Initializer.Initializers: var initializers, Type.Name: "Recipient" or "EmailAddress" })
                {
                    break;
                }

                IOperation? held = null;
                foreach (var initializer in initializers)
                {
                    if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "EmailAddress" or "Address" } } set)
                    {
                        held = set.Value;
                    }
                }

                if (held is null)
                {
                    break;
                }

                recipient = held;
            }

            return recipient;
        }

        // The recipients a message kept in a local is given where the local is declared: the address each msg.To.Add(a),
        // msg.Cc.Add(a), msg.Bcc.Add(a), SendGrid's msg.AddTo(a), AddCc(a), AddBcc(a) adds and msg.To = a sets, the call
        // that adds a list (msg.To.AddRange(list), msg.AddTos(list)), the personalization such a SendGrid call is given
        // (msg.AddTos(list, 0, personalization)), the personalizations msg.Personalizations = list sets and
        // msg.Personalizations.Add(p) adds; null for any other use of its recipients there.
        private static IEnumerable<IOperation?> AddedRecipients(ILocalReferenceOperation reference)
        {
            var local = reference.Local;
            if (reference.SemanticModel is not { } model || local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax().FirstAncestorOrSelf<StatementSyntax>()?.Parent is not { } scope
                || scope.SyntaxTree != model.SyntaxTree)
            {
                yield break;
            }

            foreach (var node in scope.DescendantNodes())
            {
                if (node is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver, Name.Identifier.ValueText: var member } access
                    || receiver.Identifier.ValueText != local.Name)
                {
                    continue;
                }

                switch (member)
                {
                    case "To" or "Cc" or "Bcc":
                        if (access.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } add })
                        {
                            yield return model.GetOperation(add.ArgumentList.Arguments[0].Expression);
                        }
                        else if (access.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddRange", Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } addRange })
                        {
                            yield return model.GetOperation(addRange);
                        }
                        else if (access.Parent is AssignmentExpressionSyntax assignment && assignment.Left == access)
                        {
                            yield return model.GetOperation(assignment.Right);
                        }
                        else
                        {
                            yield return null;
                        }

                        break;
                    case "AddTo" or "AddCc" or "AddBcc":
                        yield return access.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } call
                            ? model.GetOperation(call.ArgumentList.Arguments[0].Expression)
                            : null;
                        if (PersonalizationGiven(access, model) is { } given)
                        {
                            yield return given;
                        }

                        break;
                    case "AddTos" or "AddCcs" or "AddBccs":
                        yield return access.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } list ? model.GetOperation(list) : null;
                        if (PersonalizationGiven(access, model) is { } givenWithList)
                        {
                            yield return givenWithList;
                        }

                        break;
                    case "Personalizations":
                        yield return access.Parent switch
                        {
                            AssignmentExpressionSyntax { Right: var right } assignment when assignment.Left == access => model.GetOperation(right),
                            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "AddRange", Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } addition }
                                => model.GetOperation(addition.ArgumentList.Arguments[0].Expression),
                            _ => null,
                        };
                        break;
                    default:
                        if (member.EndsWith("Tos", StringComparison.Ordinal) || member.EndsWith("Ccs", StringComparison.Ordinal)
                            || member.IndexOf("Personalization", StringComparison.Ordinal) >= 0 || member.IndexOf("Recipient", StringComparison.Ordinal) >= 0
                            || member.StartsWith("Resent", StringComparison.Ordinal))
                        {
                            yield return null;
                        }

                        break;
                }
            }
        }

        // A SendGrid message kept in a local whose personalizations (where all its recipients are) are replaced whole
        // (msg.Personalizations = list) by a statement of the block declaring it, before the send and in the same
        // method: the recipients it was created with (CreateSingleEmail's to) reach nobody. Not where the replacement
        // happens only on some paths (inside an if), comes after the send, or the send is in a lambda or local function
        // that could run earlier.
        private static bool PersonalizationsReplaced(ILocalReferenceOperation reference, SyntaxNode send)
        {
            var local = reference.Local;
            if (local.Type?.Name != "SendGridMessage" || local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax().FirstAncestorOrSelf<StatementSyntax>() is not { Parent: BlockSyntax block } declaration
                || block.SyntaxTree != send.SyntaxTree
                || EnclosingFunction(declaration) != EnclosingFunction(send))
            {
                return false;
            }

            foreach (var statement in block.Statements)
            {
                if (statement.SpanStart > declaration.SpanStart && statement.Span.End <= send.SpanStart
                    && statement is ExpressionStatementSyntax
                    {
                        Expression: AssignmentExpressionSyntax
                        {
                            RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression,
                            Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver, Name.Identifier.ValueText: "Personalizations" },
                        },
                    }
                    && receiver.Identifier.ValueText == local.Name)
                {
                    return true;
                }
            }

            return false;
        }

        // The lambda, local function or member whose body holds a node.
        private static SyntaxNode? EnclosingFunction(SyntaxNode node)
            => node.Parent?.FirstAncestorOrSelf<SyntaxNode>(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax or AccessorDeclarationSyntax);

        // A list in a local any member of which is used where it is declared (list.Add(s) in a loop).
        private static bool UsedLater(ILocalSymbol local)
        {
            if (local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax().FirstAncestorOrSelf<StatementSyntax>()?.Parent is not { } scope)
            {
                return false;
            }

            foreach (var node in scope.DescendantNodes())
            {
                if (node is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } && receiver.Identifier.ValueText == local.Name)
                {
                    return true;
                }
            }

            return false;
        }

        // The personalization a SendGrid call that adds recipients is given (msg.AddTo(a, 0, personalization)): the message
        // sends to all of its recipients, not only those the call adds.
        private static IOperation? PersonalizationGiven(MemberAccessExpressionSyntax access, SemanticModel model)
        {
            if (access.Parent is not InvocationExpressionSyntax call || model.GetOperation(call) is not IInvocationOperation added)
            {
                return null;
            }

            foreach (var argument in added.Arguments)
            {
                if (argument.Parameter?.Name == "personalization" && argument.ArgumentKind != ArgumentKind.DefaultValue
                    && UrlText.WithoutConversions(argument.Value) is { ConstantValue: not { HasValue: true, Value: null } } given)
                {
                    return given;
                }
            }

            return null;
        }

        // Where a recipient comes from: the request being handled (an HTTP handler's parameter, the signed-in User), or
        // elsewhere. Addresses are read through their types (new PhoneNumber(x), new EmailAddress(x), MailboxAddress.Parse(x)),
        // member accesses, locals, and the user a UserManager finds for the request.
        private Origin RequestOriginOf(IOperation? operation, int depth)
        {
            for (; operation is not null && depth < MaxDepth; depth++)
            {
                operation = UrlText.WithoutConversions(operation);
                if (operation?.Type is { Name: "ClaimsPrincipal" })
                {
                    return Origin.Requester;
                }

                switch (operation)
                {
                    case IParameterReferenceOperation parameter:
                        if (CallerBindings.ArgumentFor(parameter.Parameter) is { } bound)
                        {
                            operation = bound;
                            continue;
                        }

                        if (IsRequestParameter(parameter.Parameter))
                        {
                            return Origin.Requester;
                        }

                        if (!CalledHere(parameter.Parameter))
                        {
                            return Origin.Elsewhere;
                        }

                        CallerBindings.NoteRead(parameter.Parameter);
                        return RequestOriginFromCallers(parameter.Parameter, depth);
                    case IPropertyReferenceOperation property:
                        operation = property.Instance;
                        continue;
                    case IFieldReferenceOperation field:
                        operation = field.Instance;
                        continue;
                    case IAwaitOperation awaited:
                        operation = awaited.Operation;
                        continue;
                    case IConditionalAccessOperation conditional:
                        operation = conditional.Operation;
                        continue;
                    case ILocalReferenceOperation local:
                        operation = UrlText.Initializer(local.Local, local.SemanticModel);
                        continue;
                    case IObjectCreationOperation creation when AddressArgument(creation) is { } address:
                        operation = address;
                        continue;
                    // A list of recipients added (msg.To.AddRange(list)): not the requester alone.
                    case IInvocationOperation call when AddsRecipientList(call):
                        return Origin.Elsewhere;
                    // User.FindFirstValue(ClaimTypes.Email), MailboxAddress.Parse(form.Email), users.GetUserAsync(User).
                    case IInvocationOperation call:
                        operation = call.TargetMethod.ContainingType?.Name == "UserManager" ? FirstArgument(call) : call.Instance ?? ParsedArgument(call);
                        continue;
                    default:
                        return Origin.Elsewhere;
                }
            }

            return Origin.Elsewhere;
        }

        // What a UserManager looks the user up by (GetUserAsync(User), FindByEmailAsync(form.Email)).
        private static IOperation? FirstArgument(IInvocationOperation call)
            => call.Arguments.Length > 0 ? call.Arguments[0].Value : null;

        // What a parse reads (MailboxAddress.Parse(form.Email)), or an extension of the signed-in user (user.FindFirstValue(…)).
        private static IOperation? ParsedArgument(IInvocationOperation call)
            => call.Arguments.Length > 0
               && (call.TargetMethod.Name == "Parse" || (call.TargetMethod.IsExtensionMethod && call.TargetMethod.Parameters[0].Type.Name == "ClaimsPrincipal"))
                ? call.Arguments[0].Value
                : null;

        // A parameter of an HTTP handler that the request binds: a minimal API's handler (a lambda or local function
        // passed to Map…), or an action of a controller. Not a service the handler is given (an interface, a DbContext,
        // [FromServices]): a subscriber list is nobody's request.
        private static bool IsRequestParameter(IParameterSymbol parameter)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol method || parameter.Type.TypeKind == TypeKind.Interface
                || HasAttributeNamed(parameter, "FromServicesAttribute"))
            {
                return false;
            }

            for (var type = parameter.Type.BaseType; type is not null; type = type.BaseType)
            {
                if (type.Name == "DbContext")
                {
                    return false;
                }
            }

            if (method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction)
            {
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax().Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax mapping }
                        && (mapping.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText is { } name
                        && name.StartsWith("Map", StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }

            for (var type = method.ContainingType; type is not null; type = type.BaseType)
            {
                if (type.Name is "ControllerBase" && type.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Mvc")
                {
                    return method.DeclaredAccessibility == Accessibility.Public;
                }
            }

            return false;
        }

        private static bool HasAttributeNamed(ISymbol symbol, string name)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        // A helper's chat parameter (SendText(bot, long chatId, text)) whose every caller in the compilation passes a
        // destination marked [InternalAudience] (the ops chat read from settings): the helper's send stays internal.
        // Where only some do, the parameter is noted: the send is judged again for each call, and the paths through the
        // calls that pass the ops chat do not publish.
        private bool EveryCallerPassesInternal(IParameterSymbol parameter, int depth, bool address = false)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary } || _internalAudienceWritten?.Value == false
                || _callers?.ArgumentsOf(parameter) is not { Count: > 0 } arguments)
            {
                return false;
            }

            var some = false;
            var every = true;
            foreach (var argument in arguments)
            {
                if (address ? AddressReadsInternal(argument, depth + 1) : ReadsInternal(argument, depth + 1))
                {
                    some = true;
                }
                else
                {
                    every = false;
                }
            }

            if (some && !every)
            {
                CallerBindings.NoteRead(parameter);
            }

            return every;
        }

        /// <summary>
        /// Where a send's destination is a parameter of its function that some of the calls here give the team's
        /// (<c>[InternalAudience]</c>) value and others not: the parameter, and what those others pass. Null otherwise.
        /// </summary>
        public (IParameterSymbol Parameter, List<IOperation> Arguments)? OutsideCallers(IInvocationOperation invocation)
        {
            if (_internalAudience is null || _internalAudienceWritten?.Value == false)
            {
                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                var value = UrlText.WithoutConversions(argument.Value);
                if (value is IObjectCreationOperation { Type.Name: "Uri", Arguments.Length: 1 } wrapped)
                {
                    value = UrlText.WithoutConversions(wrapped.Arguments[0].Value);
                }

                if (value is not IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary } } parameter }
                    || PresenceSymbols.HasAttribute(parameter, _internalAudience)
                    || _callers?.ArgumentsOf(parameter) is not { Count: > 1 } passed)
                {
                    continue;
                }

                List<IOperation>? outside = null;
                var some = false;
                foreach (var given in passed)
                {
                    if (ReadsInternal(given, 1))
                    {
                        some = true;
                    }
                    else
                    {
                        (outside ??= new List<IOperation>()).Add(given);
                    }
                }

                if (some && outside is not null)
                {
                    return (parameter, outside);
                }
            }

            return null;
        }

        // A helper's parameter is the requester's when every call here passes the requester's.
        private Origin RequestOriginFromCallers(IParameterSymbol parameter, int depth)
        {
            if (_callers?.ArgumentsOf(parameter) is not { Count: > 0 } arguments)
            {
                return Origin.Elsewhere;
            }

            foreach (var argument in arguments)
            {
                if (RequestOriginOf(argument, depth + 1) != Origin.Requester)
                {
                    return Origin.Elsewhere;
                }
            }

            return Origin.Requester;
        }

        /// <summary>
        /// True when a platform-labelled bot answers in the chat the incoming message came from: the chat, channel or
        /// message the send goes to is read from an incoming update, message, interaction or event.
        /// </summary>
        public bool IsBotReplyInSameChat(IInvocationOperation invocation, PublishTarget target)
        {
            if (target.Kind != PublishKind.Catalogued || target.Platform is not ("Telegram" or "Discord" or "Slack") || SpeaksForAPerson(invocation))
            {
                return false;
            }

            if (invocation.Instance is { } instance && IsIncoming(instance))
            {
                return true;
            }

            foreach (var argument in invocation.Arguments)
            {
                var name = argument.Parameter?.Name;
                var value = UrlText.WithoutConversions(argument.Value);
                if (argument.Parameter?.Ordinal == 0 && invocation.TargetMethod.IsExtensionMethod && invocation.Instance is null && IsIncoming(value))
                {
                    // message.ReplyAsync(...), an extension on the message answered.
                    return true;
                }

                if (name is "chatId" or "channelId" or "channel" or "chat" && IsIncoming(value))
                {
                    return true;
                }

                // SlackNet: new Message { Channel = evt.Channel, … }
                if (value is IObjectCreationOperation { Initializer: { } initializer })
                {
                    foreach (var assignment in initializer.Initializers)
                    {
                        if (assignment is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Channel" or "ChatId" or "ReplyTo" } } set
                            && IsIncoming(set.Value))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        // Telegram Business: a send with a business connection goes out as the connected person's own account, to
        // someone who wrote to that person, not to a bot.
        private static bool SpeaksForAPerson(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "businessConnectionId" && !argument.IsImplicit
                    && !(argument.Value.ConstantValue.HasValue && argument.Value.ConstantValue.Value is null))
                {
                    return true;
                }
            }

            return false;
        }

        // A value read from an incoming message: its root is a parameter or local of an incoming-message type.
        private bool IsIncoming(IOperation? operation) => OriginOf(operation, 0) == Origin.Requester;

        private Origin OriginOf(IOperation? operation, int depth)
        {
            for (; operation is not null && depth < MaxDepth; depth++)
            {
                operation = UrlText.WithoutConversions(operation);
                switch (operation)
                {
                    // A helper's parameter: what the call being read passes, or else what its callers pass.
                    case IParameterReferenceOperation parameter:
                        if (CallerBindings.ArgumentFor(parameter.Parameter) is { } bound)
                        {
                            operation = bound;
                            continue;
                        }

                        if (MayBeDestination(parameter.Parameter) && CalledHere(parameter.Parameter))
                        {
                            CallerBindings.NoteRead(parameter.Parameter);
                            if (FromCallers(parameter.Parameter, depth) is { } decided)
                            {
                                return decided;
                            }
                        }

                        break;

                    // A channel speaking in its discussion group, the channel a forwarded post came from, the chat the
                    // bot was just made a member of (a channel it greets): theirs, not a requester's.
                    case IPropertyReferenceOperation { Property.Name: var name } when NamesAnotherChat(name):
                        return Origin.Channel;
                    case IConditionalAccessOperation conditional when ReadsAnotherChat(conditional.WhenNotNull):
                        return Origin.Channel;
                    case ILocalReferenceOperation local when MatchedThroughAnotherChat(local):
                        return Origin.Channel;

                    // A chat's pinned post got from anywhere but the message answered (GetChat("@channel").PinnedMessage): the channel's.
                    case IPropertyReferenceOperation { Property.Name: "PinnedMessage" } pinned:
                        operation = pinned.Instance;
                        continue;
                    case ILocalReferenceOperation local when UrlText.Initializer(local.Local, local.SemanticModel) is { } initializer:
                        operation = initializer;
                        continue;
                }

                if (operation?.Type is INamedTypeSymbol type && IsIncomingType(type))
                {
                    // A channel's post came from the channel, not from a person: its chat is the channel's audience.
                    return IsChannelPost(operation) ? Origin.Channel : Origin.Requester;
                }

                operation = operation switch
                {
                    IPropertyReferenceOperation property => property.Instance,
                    IFieldReferenceOperation field => field.Instance,
                    IConditionalAccessInstanceOperation => null,
                    IConditionalAccessOperation conditional => conditional.Operation,
                    ILocalReferenceOperation local => MatchedValue(local),
                    _ => null,
                };
            }

            return Origin.Elsewhere;
        }

        private static bool NamesAnotherChat(string name) => name is "SenderChat" or "ForwardOrigin" or "ForwardFromChat" or "MyChatMember";

        // update.Message?.SenderChat, update.Message?.ForwardOrigin.Chat: the part after '?.' names another chat.
        private static bool ReadsAnotherChat(IOperation? operation)
        {
            for (var depth = 0; operation is not null && depth < MaxDepth; depth++)
            {
                switch (UrlText.WithoutConversions(operation))
                {
                    case IPropertyReferenceOperation property:
                        if (NamesAnotherChat(property.Property.Name))
                        {
                            return true;
                        }

                        operation = property.Instance;
                        break;
                    case IConditionalAccessOperation conditional:
                        operation = conditional.WhenNotNull;
                        break;
                    default:
                        return false;
                }
            }

            return false;
        }

        // update.Message is { SenderChat: { } channel }, update.MyChatMember is { Chat: var chat }: a pattern variable
        // matched through another chat's property.
        private static bool MatchedThroughAnotherChat(ILocalReferenceOperation local)
        {
            if (local.Local.DeclaringSyntaxReferences.Length != 1
                || local.Local.DeclaringSyntaxReferences[0].GetSyntax() is not SingleVariableDesignationSyntax designation)
            {
                return false;
            }

            for (SyntaxNode? node = designation.Parent; node is not null and not StatementSyntax and not LambdaExpressionSyntax; node = node.Parent)
            {
                switch (node)
                {
                    case SubpatternSyntax { ExpressionColon: { } member } when MemberNames(member.Expression).Any(NamesAnotherChat):
                        return true;
                    case IsPatternExpressionSyntax pattern:
                        return MemberNames(pattern.Expression).Any(NamesAnotherChat);
                }
            }

            return false;
        }

        // The member names of Message.ForwardOrigin or update.MyChatMember, last first.
        private static IEnumerable<string> MemberNames(ExpressionSyntax expression)
        {
            for (var current = expression; current is not null;)
            {
                switch (current)
                {
                    case MemberAccessExpressionSyntax access:
                        yield return access.Name.Identifier.ValueText;
                        current = access.Expression;
                        break;
                    case MemberBindingExpressionSyntax binding:
                        yield return binding.Name.Identifier.ValueText;
                        yield break;
                    case ConditionalAccessExpressionSyntax conditional:
                        foreach (var name in MemberNames(conditional.WhenNotNull))
                        {
                            yield return name;
                        }

                        current = conditional.Expression;
                        break;
                    case IdentifierNameSyntax identifier:
                        yield return identifier.Identifier.ValueText;
                        yield break;
                    default:
                        yield break;
                }
            }
        }

        // A chat id, a chat, a message or an update: not the bot client or a settings object passed along.
        private static bool MayBeDestination(IParameterSymbol parameter)
            => parameter.Type.SpecialType is SpecialType.System_Int64 or SpecialType.System_Int32 or SpecialType.System_String
               || parameter.Type is INamedTypeSymbol type && (type.Name is "Chat" or "ChatId" || IsIncomingType(type));

        // A helper of the compilation's own, which its callers here decide: not a method the framework or a platform's
        // SDK calls (an override, an interface's handler), whose arguments no call site here shows.
        private static bool CalledHere(IParameterSymbol parameter)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.Constructor } method
                || method.IsOverride || !method.ExplicitInterfaceImplementations.IsEmpty)
            {
                return false;
            }

            if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public)
            {
                return true;
            }

            foreach (var @interface in method.ContainingType.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers(method.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        // A parameter is the requester's chat when every call passes the requester's; a channel when one passes a
        // channel. A parameter of an incoming type (a Message) stays the requester's unless a call passes a channel's,
        // and one without a call site here (a library's public helper) is decided by its type alone.
        private Origin? FromCallers(IParameterSymbol parameter, int depth)
        {
            if (_callers?.ArgumentsOf(parameter) is not { Count: > 0 } arguments)
            {
                return null;
            }

            var incomingType = parameter.Type is INamedTypeSymbol type && IsIncomingType(type);
            var origin = Origin.Requester;
            foreach (var argument in arguments)
            {
                switch (OriginOf(argument, depth + 1))
                {
                    case Origin.Channel:
                        return Origin.Channel;
                    case Origin.Elsewhere when !incomingType:
                        origin = Origin.Elsewhere;
                        break;
                }
            }

            return origin;
        }

        // The value a pattern variable was matched from: update.Message for `update.Message is { Chat: var chat }`,
        // `… is { } message`, or a switch's `case { Message: { } m }`. What the pattern reads of it (Chat, From) is
        // still the incoming message's, as message.Chat is.
        private static IOperation? MatchedValue(ILocalReferenceOperation local)
        {
            if (local.SemanticModel is not { } model || local.Local.DeclaringSyntaxReferences.Length != 1
                || local.Local.DeclaringSyntaxReferences[0].GetSyntax() is not SingleVariableDesignationSyntax designation
                || designation.SyntaxTree != model.SyntaxTree)
            {
                return null;
            }

            for (SyntaxNode? node = designation.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case IsPatternExpressionSyntax pattern:
                        return model.GetOperation(pattern.Expression);
                    case SwitchExpressionArmSyntax arm when arm.Parent is SwitchExpressionSyntax switchExpression:
                        return model.GetOperation(switchExpression.GoverningExpression);
                    case SwitchSectionSyntax section when section.Parent is SwitchStatementSyntax switchStatement:
                        return model.GetOperation(switchStatement.Expression);
                    case StatementSyntax or LambdaExpressionSyntax:
                        return null;
                }
            }

            return null;
        }

        // update.ChannelPost (or EditedChannelPost), directly, through a local it initialized, or through a pattern
        // variable it was matched into (if (update.ChannelPost is { } post)).
        private static bool IsChannelPost(IOperation operation)
        {
            switch (operation)
            {
                case IPropertyReferenceOperation property:
                    return IsChannelPostName(property.Property.Name);

                case IConditionalAccessOperation conditional:
                    return IsChannelPost(conditional.WhenNotNull);

                case ILocalReferenceOperation local:
                    if (UrlText.Initializer(local.Local, local.SemanticModel) is { } initializer)
                    {
                        return UrlText.WithoutConversions(initializer) is { } value && IsChannelPost(value);
                    }

                    foreach (var reference in local.Local.DeclaringSyntaxReferences)
                    {
                        // switch (update) { { ChannelPost: { } post } => … }: matched from the channel post.
                        if (reference.GetSyntax().FirstAncestorOrSelf<SubpatternSyntax>() is { } subpattern
                            && (subpattern.NameColon?.Name.Identifier.ValueText ?? (subpattern.ExpressionColon?.Expression as IdentifierNameSyntax)?.Identifier.ValueText) is { } property
                            && IsChannelPostName(property))
                        {
                            return true;
                        }

                        var matched = reference.GetSyntax().FirstAncestorOrSelf<IsPatternExpressionSyntax>()?.Expression;
                        if (matched is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } && IsChannelPostName(name)
                            || matched is ConditionalAccessExpressionSyntax { WhenNotNull: MemberBindingExpressionSyntax { Name.Identifier.ValueText: var bound } } && IsChannelPostName(bound))
                        {
                            return true;
                        }
                    }

                    return false;

                default:
                    return false;
            }
        }

        private static bool IsChannelPostName(string name) => name is "ChannelPost" or "EditedChannelPost";

        private static bool IsIncomingType(INamedTypeSymbol type)
        {
            var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            var name = type.Name;
            if (ns == "Telegram.Bot.Types")
            {
                return name is "Update" or "Message" or "CallbackQuery" or "InlineQuery" or "ChosenInlineResult";
            }

            if (ns.StartsWith("Discord", StringComparison.Ordinal))
            {
                return !name.EndsWith("Channel", StringComparison.Ordinal)
                       && (name.EndsWith("Message", StringComparison.Ordinal) || name.IndexOf("Interaction", StringComparison.Ordinal) >= 0
                           || name.EndsWith("Command", StringComparison.Ordinal) || name.EndsWith("Context", StringComparison.Ordinal)
                           || name.EndsWith("EventArgs", StringComparison.Ordinal) || name.EndsWith("Component", StringComparison.Ordinal));
            }

            if (ns.StartsWith("SlackNet", StringComparison.Ordinal))
            {
                return ns == "SlackNet.Events" || name is "SlashCommand" or "BlockActionRequest" or "MessageShortcut" or "IncomingMessage";
            }

            return false;
        }
    }
}
