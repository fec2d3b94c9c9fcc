using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Presence.Analyzers.Catalog
{
    /// <summary>One URL an expression may hold, and the configuration setting it came from, if any.</summary>
    internal readonly struct UrlCandidate
    {
        public UrlCandidate(string text, SettingOrigin? origin)
        {
            Text = text;
            Origin = origin;
        }

        /// <summary>The URL, where <see cref="RequestUrl.Unknown"/> marks parts computed at run time.</summary>
        public string Text { get; }

        public SettingOrigin? Origin { get; }
    }

    /// <summary>
    /// Reads the URL an expression holds, as far as the compiler can see it: literals, constants, interpolated and
    /// concatenated strings (run-time parts become <see cref="RequestUrl.Unknown"/>), <c>new Uri(...)</c> (also
    /// <c>new Uri(base, relative)</c>), locals and readonly fields initialized with one of those, <c>??</c> fallbacks,
    /// and, given the compilation's <see cref="UrlSources"/>, values read from configuration.
    /// </summary>
    internal static class UrlText
    {
        private const int MaxDepth = 8;
        private const int MaxCandidates = 8;

        /// <summary>The first URL the expression may hold, without configuration.</summary>
        public static string Of(IOperation? operation) => Candidates(operation, null)[0].Text;

        /// <summary>Every URL the expression may hold (at least one; capped), each with where it came from.</summary>
        public static List<UrlCandidate> Candidates(IOperation? operation, UrlSources? sources)
            => Of(operation, sources, 0);

        private static List<UrlCandidate> Of(IOperation? operation, UrlSources? sources, int depth)
        {
            operation = WithoutConversions(operation);
            if (operation is null || depth > MaxDepth)
            {
                return One(Unknown);
            }

            if (operation.ConstantValue is { HasValue: true, Value: string constant })
            {
                return One(constant);
            }

            switch (operation)
            {
                case IInterpolatedStringOperation interpolated:
                    var parts = new List<UrlCandidate> { new UrlCandidate(string.Empty, null) };
                    foreach (var part in interpolated.Parts)
                    {
                        parts = Concatenate(parts, part switch
                        {
                            IInterpolatedStringTextOperation text => One(text.Text.ConstantValue.Value as string ?? Unknown),
                            IInterpolationOperation hole => Of(hole.Expression, sources, depth + 1),
                            _ => One(Unknown),
                        });
                    }

                    return parts;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                    return Concatenate(Of(concatenation.LeftOperand, sources, depth + 1), Of(concatenation.RightOperand, sources, depth + 1));

                case ICoalesceOperation coalesce:
                    var either = Of(coalesce.Value, sources, depth + 1);
                    foreach (var fallback in Of(coalesce.WhenNull, sources, depth + 1))
                    {
                        if (either.Count < MaxCandidates)
                        {
                            either.Add(fallback);
                        }
                    }

                    return either;

                case IObjectCreationOperation { Type.Name: "Uri", Type.ContainingNamespace.Name: "System" } uri when uri.Arguments.Length > 0:
                    var first = Of(uri.Arguments[0].Value, sources, depth + 1);
                    if (uri.Arguments.Length > 1 && WithoutConversions(uri.Arguments[1].Value)?.Type?.SpecialType is SpecialType.System_String or null
                        && uri.Arguments[1].Parameter?.Type.SpecialType != SpecialType.System_Boolean
                        && uri.Arguments[1].Parameter?.Type.TypeKind != TypeKind.Enum)
                    {
                        // new Uri(baseUri, "relative"): combined the way Uri combines them.
                        var combined = new List<UrlCandidate>();
                        foreach (var relative in Of(uri.Arguments[1].Value, sources, depth + 1))
                        {
                            foreach (var baseUrl in first)
                            {
                                if (combined.Count < MaxCandidates)
                                {
                                    combined.Add(new UrlCandidate(RequestUrl.Combine(baseUrl.Text, relative.Text), baseUrl.Origin ?? relative.Origin));
                                }
                            }
                        }

                        return combined;
                    }

                    return first;

                case ILocalReferenceOperation local:
                    return Of(Initializer(local.Local, operation.SemanticModel), sources, depth + 1);

                case IFieldReferenceOperation { Field.IsReadOnly: true } field when Initializer(field.Field, operation.SemanticModel) is { } initializer:
                    return Of(initializer, sources, depth + 1);

                default:
                    return sources?.Read(operation, depth) ?? One(Unknown);
            }
        }

        internal static List<UrlCandidate> One(string text) => new List<UrlCandidate> { new UrlCandidate(text, null) };

        internal static List<UrlCandidate> Read(IOperation? operation, UrlSources sources, int depth) => Of(operation, sources, depth + 1);

        private static List<UrlCandidate> Concatenate(List<UrlCandidate> left, List<UrlCandidate> right)
        {
            var result = new List<UrlCandidate>(left.Count * right.Count);
            foreach (var head in left)
            {
                foreach (var tail in right)
                {
                    if (result.Count < MaxCandidates)
                    {
                        result.Add(new UrlCandidate(head.Text + tail.Text, head.Origin ?? tail.Origin));
                    }
                }
            }

            return result;
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
