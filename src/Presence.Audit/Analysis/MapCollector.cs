using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Audit;
using Presence.Analyzers.Configuration;
using Presence.Analyzers.Flow;
using Presence.Analyzers.Model;
using Presence.Analyzers.Paths;
using Presence.Audit.Model;

namespace Presence.Audit.Analysis;

/// <summary>
/// Listens to the analyzers' own analysis of one project (see <see cref="PublishingObserver"/>) and keeps what the
/// map needs: the publish sites with their verdicts, the unguarded calls a path may take (into other projects of the
/// solution too), and the entry points. Nothing here decides whether a call publishes or is guarded.
/// </summary>
internal sealed class MapCollector : PublishingObserver
{
    private readonly ImmutableHashSet<string> _solutionAssemblies;

    public MapCollector(ImmutableHashSet<string> solutionAssemblies)
    {
        _solutionAssemblies = solutionAssemblies;
    }

    public ConcurrentBag<RawSite> Sites { get; } = [];

    /// <summary>Where a publisher's own body posts (not a site: its callers are), for the platform of a gate in front of it.</summary>
    public ConcurrentBag<(ISymbol Owner, string Platform)> PublisherPlatforms { get; } = [];

    public ConcurrentBag<RawEdge> Edges { get; } = [];

    public ConcurrentBag<EntryPoint> Entries { get; } = [];

    public override bool Follows(IAssemblySymbol assembly) => _solutionAssemblies.Contains(assembly.Identity.Name);

    public override void OnSite(Compilation compilation, IMethodSymbol? function, PublishSite site, bool inTool)
    {
        if (site.Target.Kind == PublishKind.Call)
        {
            if (function is not null)
            {
                Edges.Add(new RawEdge(function, site.Target.Method, site.Syntax));
            }

            return;
        }

        // A send the analyzers cannot tell is a publish is listed from its PRES011 diagnostic, not as a site.
        if (site.Target.Kind == PublishKind.Unresolved)
        {
            return;
        }

        var owner = function is { MethodKind: MethodKind.AnonymousFunction } ? Member(function) : function;
        var exemption = owner is null ? null : Exemption(owner, site.Syntax, compilation);
        var status = exemption?.Status ?? (site.Guarded ? SiteStatuses.Confirmed : SiteStatuses.Unconfirmed);

        // An agent's tool is judged as a tool (PRES008), not as a step of a path, as the analyzer does.
        var onPath = !site.Guarded && !inTool && exemption is null;
        Sites.Add(new RawSite(site.Syntax, site.Target, owner ?? function, function, status, exemption?.Text, onPath));
    }

    public override void OnExemptSite(Compilation compilation, ISymbol owner, PublishTarget target, SyntaxNode call)
    {
        if (target.Kind != PublishKind.Unresolved && target.Platform is { Length: > 0 } platform)
        {
            PublisherPlatforms.Add((owner, platform));
        }

        // A publisher's own body implements the publish API: its callers are the sites.
        if (target.Kind != PublishKind.Unresolved && Exemption(owner, call, compilation) is { } exemption)
        {
            Sites.Add(new RawSite(call, target, owner, owner as IMethodSymbol, exemption.Status, exemption.Text, onPath: false));
        }
    }

    public override void OnCall(Compilation compilation, ISymbol owner, IInvocationOperation invocation, PresenceModel model, PresenceOptions options)
    {
        // A send the analyzers leave alone for whom it reaches, decided as they decide it: listed, with who that is.
        if (model.ClassifyQuiet(invocation, options) is ({ Kind: not PublishKind.Unresolved } send, var reached))
        {
            var audience = reached switch
            {
                QuietAudience.Team => InternalParameter(owner, invocation) ?? InternalSetting(invocation)
                    ?? (send.Category is PublishCategory.Email ? "the team's mailbox" : send.Category is PublishCategory.Sms ? "the team's phone" : "the team's chat"),
                QuietAudience.Requester => send.Category is PublishCategory.Sms ? "a text message answer to the person who asked" : "an email answer to the person who asked",
                _ => "a labelled bot's reply in the chat of the person who wrote to it",
            };
            Sites.Add(new RawSite(invocation.Syntax, send, owner, owner as IMethodSymbol, SiteStatuses.Internal, audience, onPath: false));
            return;
        }

        if (GateCall(invocation.TargetMethod) is { } gate)
        {
            Sites.Add(new RawSite(invocation.Syntax, target: null, owner, owner as IMethodSymbol, SiteStatuses.Gated, null, onPath: false)
            {
                GateMethod = invocation.TargetMethod,
                GatePlatform = gate.Platform,
                GatePublisher = gate.Publisher,
                GateNote = "the generated gate of " + gate.Publisher.Name,
            });
        }
    }

    public override void OnCompilationEnd(Compilation compilation, IEnumerable<EntryPoint> entryPoints)
    {
        foreach (var entry in entryPoints)
        {
            Entries.Add(entry);
        }
    }

    private static ISymbol? Member(IMethodSymbol function)
    {
        ISymbol? current = function;
        while (current is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            current = current.ContainingSymbol;
        }

        return current;
    }

    private sealed record ExemptionInfo(string Status, string? Text);

    // Why the rules leave a call alone, read from the attributes the user wrote (closest first).
    private static ExemptionInfo? Exemption(ISymbol owner, SyntaxNode call, Compilation compilation)
    {
        var symbols = new List<ISymbol>();
        if (owner is IMethodSymbol { AssociatedSymbol: { } property })
        {
            symbols.Add(property);
        }

        for (ISymbol? current = owner; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            symbols.Add(current);
        }

        symbols.Add(compilation.Assembly);
        foreach (var symbol in symbols)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                var name = attribute.AttributeClass?.ToDisplayString();
                var text = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
                switch (name)
                {
                    case "Presence.AutomatedPresenceAttribute":
                        return new ExemptionInfo(SiteStatuses.Justified, text);
                    case "Presence.InternalAudienceAttribute":
                        return new ExemptionInfo(SiteStatuses.Internal, text);
                    case "Presence.RequiresHumanApprovalAttribute" when symbol is IMethodSymbol:
                        return new ExemptionInfo(SiteStatuses.CallersConfirm, null);
                }
            }
        }

        // [InternalAudience] on a parameter of the member that the call passes along.
        if (owner is IMethodSymbol method && call is InvocationExpressionSyntax invocation)
        {
            foreach (var parameter in method.Parameters)
            {
                var attribute = parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "Presence.InternalAudienceAttribute");
                if (attribute is not null && invocation.ArgumentList.Arguments.Any(a => a.Expression is IdentifierNameSyntax id && id.Identifier.ValueText == parameter.Name))
                {
                    return new ExemptionInfo(SiteStatuses.Internal, attribute.ConstructorArguments.FirstOrDefault().Value as string);
                }
            }
        }

        return null;
    }

    // The description of the [InternalAudience] parameter the send's destination comes from.
    private static string? InternalParameter(ISymbol owner, IInvocationOperation invocation)
    {
        var text = invocation.Syntax.ToString();
        return (owner as IMethodSymbol)?.Parameters
            .Where(p => text.Contains(p.Name, System.StringComparison.Ordinal))
            .SelectMany(p => p.GetAttributes())
            .Where(a => a.AttributeClass?.ToDisplayString() == "Presence.InternalAudienceAttribute")
            .Select(a => a.ConstructorArguments.FirstOrDefault().Value as string)
            .FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));
    }

    // The description of an [InternalAudience] setting the send reads (ops.Email, settings.OwnerChatId), not as its
    // sender (a mail's from: is nobody it reaches).
    private static string? InternalSetting(IInvocationOperation invocation)
    {
        foreach (var operation in invocation.Descendants())
        {
            if (operation is not IPropertyReferenceOperation { Property: var property } reference || IsSender(reference, invocation))
            {
                continue;
            }

            var description = property.GetAttributes()
                .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "Presence.InternalAudienceAttribute")?
                .ConstructorArguments.FirstOrDefault().Value as string;
            if (!string.IsNullOrWhiteSpace(description))
            {
                return description;
            }
        }

        return null;
    }

    private static bool IsSender(IOperation operation, IOperation send)
    {
        for (var current = operation.Parent; current is not null && current != send; current = current.Parent)
        {
            if (current is IArgumentOperation { Parameter.Name: "from" or "sender" or "fromAddress" or "fromEmail" })
            {
                return true;
            }
        }

        return false;
    }

    // A generated approval gate's method: it takes an Approved<T> and forwards to a [GeneratePublisherGate] interface.
    private static (string? Platform, INamedTypeSymbol Publisher)? GateCall(IMethodSymbol method)
    {
        if (method.ContainingType is not { TypeKind: TypeKind.Class } gate
            || !method.Parameters.Any(p => p.Type is INamedTypeSymbol { Name: "Approved", Arity: 1 } approved && approved.ContainingNamespace?.ToDisplayString() == "Presence"))
        {
            return null;
        }

        foreach (var member in gate.GetMembers())
        {
            var type = member switch
            {
                IFieldSymbol field => field.Type,
                IParameterSymbol parameter => parameter.Type,
                _ => null,
            };
            if (type is INamedTypeSymbol { TypeKind: TypeKind.Interface } publisher
                && publisher.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Presence.GeneratePublisherGateAttribute"))
            {
                // [PublishesContent("Telegram")] on the publisher interface; else the map finds where its implementations post.
                var declared = publisher.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "Presence.PublishesContentAttribute");
                return (declared?.ConstructorArguments.FirstOrDefault().Value as string, publisher);
            }
        }

        return null;
    }
}

/// <summary>A publish site as the analysis saw it, symbols still attached.</summary>
internal sealed class RawSite(SyntaxNode call, PublishTarget? target, ISymbol? owner, IMethodSymbol? function, string status, string? justification, bool onPath)
{
    public SyntaxNode Call { get; } = call;

    public PublishTarget? Target { get; } = target;

    /// <summary>The member whose body holds the call.</summary>
    public ISymbol? Owner { get; } = owner;

    /// <summary>The call-graph node: the member, or the entry-point lambda around the call.</summary>
    public IMethodSymbol? Function { get; } = function;

    public string Status { get; set; } = status;

    public string? Justification { get; } = justification;

    /// <summary>True when a path from an entry point may end here (unguarded, not exempt).</summary>
    public bool OnPath { get; } = onPath;

    public IMethodSymbol? GateMethod { get; init; }

    public string? GatePlatform { get; init; }

    /// <summary>The [GeneratePublisherGate] interface the gate forwards to.</summary>
    public INamedTypeSymbol? GatePublisher { get; init; }

    public string? GateNote { get; init; }
}

/// <summary>An unguarded call from one function to another, possibly in another project.</summary>
internal sealed record RawEdge(IMethodSymbol Caller, IMethodSymbol Callee, SyntaxNode Call);
