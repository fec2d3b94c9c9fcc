using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Presence.Analyzers.CodeFixes
{
    /// <summary>What the function around a statement allows a fix to write: await, a bare return.</summary>
    internal readonly struct FunctionShape
    {
        private FunctionShape(bool isAsync, bool allowsBareReturn)
        {
            IsAsync = isAsync;
            AllowsBareReturn = allowsBareReturn;
        }

        public bool IsAsync { get; }

        /// <summary>True when <c>return;</c> compiles: a void method, or an async one returning Task or ValueTask.</summary>
        public bool AllowsBareReturn { get; }

        public static FunctionShape Of(SyntaxNode node, SemanticModel model)
        {
            foreach (var ancestor in node.Ancestors())
            {
                IMethodSymbol? function = null;
                var isAsync = false;
                switch (ancestor)
                {
                    case AnonymousFunctionExpressionSyntax lambda:
                        function = model.GetSymbolInfo(lambda).Symbol as IMethodSymbol;
                        isAsync = lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                        break;
                    case LocalFunctionStatementSyntax local:
                        function = model.GetDeclaredSymbol(local) as IMethodSymbol;
                        isAsync = local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                        break;
                    case BaseMethodDeclarationSyntax method:
                        function = model.GetDeclaredSymbol(method) as IMethodSymbol;
                        isAsync = method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                        break;
                    case AccessorDeclarationSyntax accessor:
                        function = model.GetDeclaredSymbol(accessor) as IMethodSymbol;
                        break;
                    default:
                        continue;
                }

                if (function is null)
                {
                    return default;
                }

                var returnsNothing = function.ReturnsVoid
                    || isAsync && function.ReturnType is INamedTypeSymbol { IsGenericType: false, Name: "Task" or "ValueTask" };
                return new FunctionShape(isAsync, returnsNothing);
            }

            return default;
        }
    }
}
