using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Presence.Analyzers.Catalog;
using Presence.Analyzers.Paths;

namespace Presence.Audit.Analysis;

/// <summary>
/// How often an entry point runs, or which route it answers, where the code states it in place: a delay or period in
/// the loop, a timer's period, a cron expression given to Hangfire or a timer trigger, an HTTP route. Text as written;
/// nothing is evaluated.
/// </summary>
internal static partial class EntryDetails
{
    public static (string? Schedule, string? Route) Read(EntryPoint entry)
    {
        if (entry.Lambda is { } lambda)
        {
            var registration = lambda.Ancestors().FirstOrDefault(a => a is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax);
            return registration is null ? (FromBody(lambda), null) : FromRegistration(registration, lambda);
        }

        var declaration = entry.Function.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        if (declaration is not MethodDeclarationSyntax method)
        {
            return (declaration is null ? null : FromBody(declaration), null);
        }

        string? schedule = null;
        foreach (var parameter in method.ParameterList.Parameters)
        {
            foreach (var attribute in parameter.AttributeLists.SelectMany(l => l.Attributes))
            {
                if (Name(attribute) == "TimerTrigger" && FirstString(attribute.ArgumentList) is { } cron)
                {
                    schedule = "cron " + cron;
                }
            }
        }

        return (schedule ?? FromBody(method), Route(method));
    }

    private static (string?, string?) FromRegistration(SyntaxNode registration, SyntaxNode lambda)
    {
        switch (registration)
        {
            case InvocationExpressionSyntax invocation:
                var name = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    GenericNameSyntax generic => generic.Identifier.ValueText,
                    _ => "",
                };
                var arguments = invocation.ArgumentList.Arguments.Where(a => !a.Span.Contains(lambda.Span)).ToList();
                if (name.StartsWith("Map", System.StringComparison.Ordinal))
                {
                    var route = arguments.Select(a => a.Expression).OfType<LiteralExpressionSyntax>().FirstOrDefault(l => l.IsKind(SyntaxKind.StringLiteralExpression));
                    return (null, route?.Token.ValueText);
                }

                foreach (var argument in arguments)
                {
                    if (argument.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) && CronPattern().IsMatch(literal.Token.ValueText))
                    {
                        return ("cron " + literal.Token.ValueText, null);
                    }

                    if (argument.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Cron" } } } cron)
                    {
                        return (cron.ToString(), null);
                    }

                    if (argument.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Cron" } } cronMember)
                    {
                        return (cronMember.ToString(), null);
                    }
                }

                return (FromBody(lambda), null);

            case BaseObjectCreationExpressionSyntax creation when creation.ArgumentList is { Arguments.Count: >= 4 } timerArguments:
                // new Timer(callback, state, dueTime, period); an infinite period fires once.
                return (IsInfinite(timerArguments.Arguments[3].Expression)
                    ? IsInfinite(timerArguments.Arguments[2].Expression) ? null : "once, after " + timerArguments.Arguments[2].Expression
                    : "every " + timerArguments.Arguments[3].Expression, null);

            default:
                return (FromBody(lambda), null);
        }
    }

    // A delay in a loop of the function's own body, or a periodic timer: "every TimeSpan.FromDays(1)". A delay outside
    // a loop waits once (a StopAsync's grace period), and an infinite one waits for cancellation: no schedule.
    private static string? FromBody(SyntaxNode body)
    {
        foreach (var node in body.DescendantNodes(node => node == body || node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            switch (node)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Task" or "Thread" }, Name.Identifier.ValueText: "Delay" or "Sleep" } } delay
                    when delay.ArgumentList.Arguments.Count > 0 && !IsInfinite(delay.ArgumentList.Arguments[0].Expression) && InLoop(delay, body):
                    return "every " + delay.ArgumentList.Arguments[0].Expression;
                case BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 } creation
                    when creation is ObjectCreationExpressionSyntax { Type: IdentifierNameSyntax { Identifier.ValueText: "PeriodicTimer" } } && !IsInfinite(creation.ArgumentList!.Arguments[0].Expression):
                    return "every " + creation.ArgumentList!.Arguments[0].Expression;
            }
        }

        return null;
    }

    private static bool InLoop(SyntaxNode node, SyntaxNode body)
        => node.Ancestors().TakeWhile(a => a != body).Any(a => a is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or ForEachStatementSyntax);

    // Timeout.Infinite, Timeout.InfiniteTimeSpan, -1: never elapses.
    private static bool IsInfinite(ExpressionSyntax expression)
        => expression switch
        {
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Infinite" or "InfiniteTimeSpan" } => true,
            IdentifierNameSyntax { Identifier.ValueText: "Infinite" or "InfiniteTimeSpan" } => true,
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax { Token.ValueText: "1" } } => true,
            _ => false,
        };

    private static string? Route(MethodDeclarationSyntax method)
    {
        var onMethod = method.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a => Name(a) is "HttpPost" or "HttpPut" or "HttpGet" or "Route" or "HttpPatch" && FirstString(a.ArgumentList) is not null);
        var onType = (method.Parent as TypeDeclarationSyntax)?.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a => Name(a) == "Route");
        var methodRoute = onMethod is null ? null : FirstString(onMethod.ArgumentList);
        var typeRoute = onType is null ? null : FirstString(onType.ArgumentList);
        return (typeRoute, methodRoute) switch
        {
            (null, null) => null,
            ({ } type, null) => type,
            (null, { } route) => route,
            ({ } type, { } route) => route.StartsWith('/') ? route : type.TrimEnd('/') + "/" + route,
        };
    }

    private static string Name(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => attribute.Name.ToString(),
        };
        return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
    }

    private static string? FirstString(AttributeArgumentListSyntax? arguments)
        => arguments?.Arguments.Select(a => a.Expression).OfType<LiteralExpressionSyntax>().FirstOrDefault(l => l.IsKind(SyntaxKind.StringLiteralExpression))?.Token.ValueText;

    [GeneratedRegex(@"^\s*(\S+\s+){4,5}\S+\s*$")]
    private static partial Regex CronPattern();
}
