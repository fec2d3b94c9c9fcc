using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Presence.Compilations;

namespace Presence.Analyzers.Model
{
    /// <summary>
    /// In-process mediators (MediatR, Mediator): <c>mediator.Send(new PostDigest(...))</c> runs the handler of the
    /// request's type, <c>Publish(new Published(...))</c> the handlers of the notification's; Coravel's
    /// <c>Broadcast(new DigestReady(...))</c> the listeners of the event's. A path goes on into that
    /// handler's <c>Handle</c> as through an interface call (<c>IRequestHandler&lt;PostDigest, Unit&gt;.Handle</c>), so a
    /// job that sends a command whose handler posts is reported, and a confirmation before the send guards it.
    /// </summary>
    internal sealed class MediatorDispatch
    {
        private readonly Compilation _compilation;

        private MediatorDispatch(Compilation compilation) => _compilation = compilation;

        /// <summary>Null where neither mediator is referenced: no call is looked at.</summary>
        public static MediatorDispatch? For(Compilation compilation)
        {
            var references = ReferenceSet.Of(compilation);
            return references.References("MediatR") || references.References("Mediator") || references.References("Coravel") ? new MediatorDispatch(compilation) : null;
        }

        /// <summary>
        /// The handler method a mediator call runs, as the closed handler interface's member; null for any other call,
        /// and for a request whose type is not known here (an interface, <c>object</c>, a type parameter).
        /// </summary>
        public IMethodSymbol? HandlerOf(IOperation operation, IMethodSymbol callee)
        {
            // By name first: asked of every call into another assembly that may dispatch into this one.
            if (callee.Name is "Broadcast" or "QueueBroadcast")
            {
                return CoravelListenerOf(operation, callee);
            }

            var publishes = callee.Name == "Publish";
            if (!publishes && callee.Name != "Send"
                || operation is not IInvocationOperation { Arguments.Length: > 0 } invocation
                || callee.ContainingType is not { } mediator
                || mediator.Name is not ("IMediator" or "ISender" or "IPublisher" or "Mediator")
                || MediatorNamespace(mediator) is not { } root)
            {
                return null;
            }

            var argument = invocation.Arguments[0].Value;
            while (argument is IConversionOperation { IsImplicit: true } conversion)
            {
                argument = conversion.Operand;
            }

            if (argument.Type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } message || message.IsAbstract)
            {
                return null;
            }

            return publishes ? Handle(root + ".INotificationHandler`1", message) : RequestHandler(root, message);
        }

        // IRequest<TResponse> → IRequestHandler<TRequest, TResponse>; ICommand<T>, IQuery<T> (Mediator) likewise; a request
        // without a response (MediatR 12's IRequest) → IRequestHandler<TRequest>, when that interface declares Handle.
        private IMethodSymbol? RequestHandler(string root, INamedTypeSymbol request)
        {
            IMethodSymbol? withoutResponse = null;
            foreach (var contract in request.AllInterfaces)
            {
                if (contract.Name is not ("IRequest" or "ICommand" or "IQuery" or "IBaseRequest") || contract.ContainingNamespace?.ToDisplayString() != root)
                {
                    continue;
                }

                if (contract.TypeArguments.Length == 1)
                {
                    if (Handle(root + "." + contract.Name + "Handler`2", request, contract.TypeArguments[0]) is { } handler)
                    {
                        return handler;
                    }
                }
                else if (contract.TypeArguments.Length == 0 && contract.Name != "IBaseRequest")
                {
                    withoutResponse ??= Handle(root + "." + contract.Name + "Handler`1", request);
                }
            }

            return withoutResponse;
        }

        // Coravel's dispatcher.Broadcast(new PostScheduled(...)) and queue.QueueBroadcast(...) run the IListener<PostScheduled>
        // of the event's type (HandleAsync), on the caller's thread or Coravel's queue worker.
        private IMethodSymbol? CoravelListenerOf(IOperation operation, IMethodSymbol callee)
        {
            if (operation is not IInvocationOperation { Arguments.Length: 1 } invocation
                || callee.ContainingType is not { Name: "IDispatcher" or "IQueue" or "Dispatcher" or "Queue" } owner
                || !(owner.ContainingNamespace?.ToDisplayString() ?? string.Empty).StartsWith("Coravel.", System.StringComparison.Ordinal))
            {
                return null;
            }

            var argument = invocation.Arguments[0].Value;
            while (argument is IConversionOperation { IsImplicit: true } conversion)
            {
                argument = conversion.Operand;
            }

            return argument.Type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, IsAbstract: false } broadcast
                ? Handle("Coravel.Events.Interfaces.IListener`1", "HandleAsync", broadcast)
                : null;
        }

        private IMethodSymbol? Handle(string handlerMetadataName, params ITypeSymbol[] arguments) => Handle(handlerMetadataName, "Handle", arguments);

        private IMethodSymbol? Handle(string handlerMetadataName, string member, params ITypeSymbol[] arguments)
        {
            if (ReferenceSet.Of(_compilation).Type(_compilation, handlerMetadataName) is not { TypeKind: TypeKind.Interface } handler
                || handler.TypeParameters.Length != arguments.Length)
            {
                return null;
            }

            foreach (var candidate in handler.Construct(arguments).GetMembers(member))
            {
                if (candidate is IMethodSymbol { IsStatic: false } method)
                {
                    return method;
                }
            }

            return null;
        }

        private static string? MediatorNamespace(INamedTypeSymbol mediator)
            => mediator.ContainingNamespace is { IsGlobalNamespace: false } ns && ns.ContainingNamespace is { IsGlobalNamespace: true }
               && ns.Name is "MediatR" or "Mediator"
                ? ns.Name
                : null;
    }
}
