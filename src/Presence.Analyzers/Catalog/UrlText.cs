using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Presence.Analyzers.Catalog
{
    /// <summary>
    /// Reads the URL an expression holds, as far as the compiler can see it: literals, constants, interpolated and
    /// concatenated strings (run-time parts become <see cref="RequestUrl.Unknown"/>), <c>new Uri(...)</c>, and
    /// locals and readonly fields initialized with one of those.
    /// </summary>
    internal static class UrlText
    {
        private const int MaxDepth = 8;

        public static string Of(IOperation? operation) => Of(operation, 0);

        private static string Of(IOperation? operation, int depth)
        {
            operation = WithoutConversions(operation);
            if (operation is null || depth > MaxDepth)
            {
                return Unknown;
            }

            if (operation.ConstantValue is { HasValue: true, Value: string constant })
            {
                return constant;
            }

            switch (operation)
            {
                case IInterpolatedStringOperation interpolated:
                    var builder = new StringBuilder();
                    foreach (var part in interpolated.Parts)
                    {
                        builder.Append(part switch
                        {
                            IInterpolatedStringTextOperation text => text.Text.ConstantValue.Value as string ?? Unknown,
                            IInterpolationOperation hole => Of(hole.Expression, depth + 1),
                            _ => Unknown,
                        });
                    }

                    return builder.ToString();

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                    return Of(concatenation.LeftOperand, depth + 1) + Of(concatenation.RightOperand, depth + 1);

                case IObjectCreationOperation { Type.Name: "Uri", Type.ContainingNamespace.Name: "System" } uri when uri.Arguments.Length > 0:
                    var first = Of(uri.Arguments[0].Value, depth + 1);
                    return uri.Arguments.Length > 1 && uri.Arguments[1].Value.Type?.SpecialType == SpecialType.System_String
                        ? RequestUrl.Combine(first, Of(uri.Arguments[1].Value, depth + 1))
                        : first;

                case ILocalReferenceOperation local:
                    return Of(Initializer(local.Local, operation.SemanticModel), depth + 1);

                case IFieldReferenceOperation { Field.IsReadOnly: true } field:
                    return Of(Initializer(field.Field, operation.SemanticModel), depth + 1);

                default:
                    return Unknown;
            }
        }

        public static IOperation? WithoutConversions(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>The expression a local or field is initialized with, read in the same syntax tree.</summary>
        public static IOperation? Initializer(ISymbol symbol, SemanticModel? model)
        {
            if (model is null || symbol.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var reference = symbol.DeclaringSyntaxReferences[0];
            if (reference.SyntaxTree != model.SyntaxTree
                || reference.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value })
            {
                return null;
            }

            return model.GetOperation(value);
        }

        private static string Unknown => RequestUrl.Unknown.ToString();
    }
}
