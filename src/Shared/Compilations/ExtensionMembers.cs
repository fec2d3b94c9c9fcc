using System;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Presence.Compilations
{
    /// <summary>
    /// Extension methods in both of the shapes a compiler shows them. A library built with C# 14 declares them in
    /// <c>extension(RestRequest request) { … }</c> blocks (RestSharp 114, Refit 16, Spectre.Console 0.57, Quartz 4.7,
    /// parts of Microsoft.Extensions 10): a compiler from 5.0 binds a call to the block's member, whose containing type
    /// is the unnamed block and whose receiver is the invocation's instance, while 4.14 binds the same call to the
    /// classic static method, with the receiver as its first argument. The catalogs, the request readers and the
    /// registrations know the classic shape; these helpers let them read either.
    /// </summary>
    internal static class ExtensionMembers
    {
        // IMethodSymbol.AssociatedExtensionImplementation exists from Roslyn 5.0; these assemblies build against 4.14,
        // whose compiler never shows a block's member, so without the property there is nothing to map.
        private static readonly Func<IMethodSymbol, IMethodSymbol?>? s_implementation = ImplementationAccessor();

        /// <summary>
        /// The classic static method behind <paramref name="method"/>: the method a reduced extension call was reduced
        /// from, the static method that implements an extension block's member, otherwise the method itself.
        /// </summary>
        public static IMethodSymbol Classic(IMethodSymbol method)
        {
            if (method.ReducedFrom is { } reduced)
            {
                return reduced;
            }

            if (s_implementation is null || method.ContainingType is not { IsExtension: true })
            {
                return method;
            }

            return s_implementation(method) ?? s_implementation(method.OriginalDefinition) ?? method;
        }

        /// <summary>True when <paramref name="method"/> is an extension method in either shape.</summary>
        public static bool IsExtension(IMethodSymbol method)
            => method.IsExtensionMethod || method.ContainingType is { IsExtension: true };

        /// <summary>
        /// What an invocation is called on: its instance, or the first argument of a classic extension call
        /// (<c>RestRequestExtensions.AddHeader(request, …)</c>); null for a static call.
        /// </summary>
        public static IOperation? Receiver(IInvocationOperation invocation)
            => invocation.Instance
               ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

        /// <summary>
        /// The invocation's argument at <paramref name="position"/> among the method's own parameters (the receiver of a
        /// classic extension call not counted), or null.
        /// </summary>
        public static IOperation? OwnArgument(IInvocationOperation invocation, int position)
        {
            var index = invocation.Instance is null && invocation.TargetMethod.IsExtensionMethod ? position + 1 : position;
            return index < invocation.Arguments.Length ? invocation.Arguments[index].Value : null;
        }

        private static Func<IMethodSymbol, IMethodSymbol?>? ImplementationAccessor()
        {
            var property = typeof(IMethodSymbol).GetProperty("AssociatedExtensionImplementation", BindingFlags.Public | BindingFlags.Instance);
            if (property is null || !typeof(IMethodSymbol).IsAssignableFrom(property.PropertyType))
            {
                return null;
            }

            return property.GetGetMethod() is { } getter
                ? (Func<IMethodSymbol, IMethodSymbol?>)Delegate.CreateDelegate(typeof(Func<IMethodSymbol, IMethodSymbol?>), getter)
                : null;
        }
    }
}
