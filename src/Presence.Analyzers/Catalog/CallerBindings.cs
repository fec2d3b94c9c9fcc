using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Presence.Analyzers.Catalog
{
    /// <summary>
    /// Reading a send for one call site of the function that makes it: where the send's destination (a URL, a chat)
    /// is a parameter, the argument that call site passes stands for the parameter, so a helper
    /// <c>Send(string url, …)</c> publishes on the paths through a caller that passes a webhook and on no other. And
    /// the other way round, which parameters a reading consulted, so that a send whose destination a parameter decides
    /// is known to be one. Thread-local: a reading runs on one thread, and nothing is set outside a reading.
    /// </summary>
    internal static class CallerBindings
    {
        [ThreadStatic]
        private static List<(IParameterSymbol Parameter, IOperation Argument)>? t_bound;

        [ThreadStatic]
        private static List<IParameterSymbol>? t_read;

        [ThreadStatic]
        private static List<IParameterSymbol>? t_outside;

        [ThreadStatic]
        private static INamedTypeSymbol? t_runtimeType;

        /// <summary>True while a send is read for a call site, for callers outside, or for one runtime type (what is resolved then must not be cached).</summary>
        public static bool Active => t_bound is { Count: > 0 } || t_outside is { Count: > 0 } || t_runtimeType is not null;

        /// <summary>
        /// The type of the object a send is being read for (a job that inherits the send from its base class), whose own
        /// override of a URL property, or the default it inherits, is what the send reads; null otherwise.
        /// </summary>
        public static INamedTypeSymbol? RuntimeType => t_runtimeType;

        /// <summary>What <paramref name="read"/> answers when the object the send is made on is of type <paramref name="type"/>.</summary>
        public static T ReadForRuntimeType<T>(INamedTypeSymbol type, Func<T> read)
        {
            var outer = t_runtimeType;
            t_runtimeType = type;
            try
            {
                return read();
            }
            finally
            {
                t_runtimeType = outer;
            }
        }

        /// <summary>
        /// True when <paramref name="parameter"/> stands for what a caller in another assembly passes, which nothing here
        /// knows (<see cref="ReadForOutside"/>): its callers in this compilation are not asked.
        /// </summary>
        public static bool FromOutside(IParameterSymbol parameter)
        {
            if (t_outside is not { Count: > 0 } outside)
            {
                return false;
            }

            foreach (var candidate in outside)
            {
                if (SameParameter(candidate, parameter))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// What <paramref name="read"/> answers when <paramref name="parameters"/> hold what a caller in another assembly
        /// passes (a public helper's URL also called here with the team's own URL), and the parameters it consulted.
        /// </summary>
        public static T ReadForOutside<T>(List<IParameterSymbol> parameters, Func<T> read, out List<IParameterSymbol> consulted)
        {
            var outerOutside = t_outside;
            var outerRead = StartRecording();
            t_outside = parameters;
            try
            {
                return read();
            }
            finally
            {
                t_outside = outerOutside;
                consulted = StopRecording(outerRead);
            }
        }

        /// <summary>The argument the call site being read passes to <paramref name="parameter"/>, or null.</summary>
        public static IOperation? ArgumentFor(IParameterSymbol parameter)
        {
            if (t_bound is not { Count: > 0 } bound)
            {
                return null;
            }

            for (var i = bound.Count - 1; i >= 0; i--)
            {
                if (SameParameter(bound[i].Parameter, parameter))
                {
                    return bound[i].Argument;
                }
            }

            return null;
        }

        [ThreadStatic]
        private static List<(ISymbol Source, string Shape)>? t_shapes;

        /// <summary>
        /// Starts noting, for the path summary, the parts of a URL read from something other than a whole parameter (a
        /// member of one, each element of one, a member a subclass overrides); returns what was noted before.
        /// </summary>
        public static List<(ISymbol Source, string Shape)>? StartShapes()
        {
            var outer = t_shapes;
            t_shapes = NoShapes;
            return outer;
        }

        /// <summary>The shapes noted since <see cref="StartShapes"/>, which returned <paramref name="outer"/> (read only).</summary>
        public static List<(ISymbol Source, string Shape)> StopShapes(List<(ISymbol Source, string Shape)>? outer)
        {
            var shapes = t_shapes ?? NoShapes;
            t_shapes = outer;
            return shapes;
        }

        /// <summary>
        /// Notes that a URL was read from <paramref name="shape"/> of <paramref name="source"/>: ".Url" or "[]" of a
        /// parameter, "this" for a property a subclass gives, "virtual" for one a subclass may override. Nothing is kept
        /// outside a summary's reading.
        /// </summary>
        public static void NoteShape(ISymbol source, string shape)
        {
            if (t_shapes is { } shapes)
            {
                // The list is made on the first shape noted: most sends note none.
                (ReferenceEquals(shapes, NoShapes) ? t_shapes = new List<(ISymbol, string)>() : shapes).Add((source, shape));
            }
        }

        // Stands for a reading that noted no shape yet (never added to).
        private static readonly List<(ISymbol Source, string Shape)> NoShapes = new List<(ISymbol, string)>();

        /// <summary>Notes that a reading consulted <paramref name="parameter"/> with no call site standing for it.</summary>
        public static void NoteRead(IParameterSymbol parameter)
        {
            if (t_read is { } read)
            {
                // The list is made on the first parameter noted: most sends read none.
                (ReferenceEquals(read, Recording) ? t_read = new List<IParameterSymbol>() : read).Add(parameter);
            }
        }

        // Stands for a recording that noted nothing yet (never added to).
        private static readonly List<IParameterSymbol> Recording = new List<IParameterSymbol>();

        /// <summary>Starts noting the parameters a reading consults; returns what was noted before (for <see cref="StopRecording"/>).</summary>
        public static List<IParameterSymbol>? StartRecording()
        {
            var outer = t_read;
            t_read = Recording;
            return outer;
        }

        /// <summary>The parameters consulted since <see cref="StartRecording"/>, which returned <paramref name="outer"/> (read only).</summary>
        public static List<IParameterSymbol> StopRecording(List<IParameterSymbol>? outer)
        {
            var read = t_read ?? Recording;
            t_read = outer;
            return read;
        }

        /// <summary>
        /// What <paramref name="read"/> answers with each parameter of <paramref name="bindings"/> standing for its
        /// argument, and the parameters it consulted that no argument stands for.
        /// </summary>
        public static T Read<T>(ImmutableArray<(IParameterSymbol Parameter, IOperation Argument)> bindings, Func<T> read, out List<IParameterSymbol> consulted)
        {
            var outerBound = t_bound;
            var outerRead = StartRecording();
            t_bound = new List<(IParameterSymbol, IOperation)>(bindings);
            try
            {
                return read();
            }
            finally
            {
                t_bound = outerBound;
                consulted = StopRecording(outerRead);
            }
        }

        /// <summary>The same parameter of the same method (a generic method's instance and its definition alike).</summary>
        public static bool SameParameter(IParameterSymbol left, IParameterSymbol right)
            => left.Ordinal == right.Ordinal
               && SymbolEqualityComparer.Default.Equals(Definition(left.ContainingSymbol), Definition(right.ContainingSymbol));

        /// <summary>The parameter belongs to <paramref name="function"/> (compared by definition).</summary>
        public static bool Of(IParameterSymbol parameter, ISymbol? function)
            => function is not null && SymbolEqualityComparer.Default.Equals(Definition(parameter.ContainingSymbol), Definition(function));

        private static ISymbol? Definition(ISymbol? symbol)
            => symbol is IMethodSymbol method ? (method.ReducedFrom ?? method).OriginalDefinition : symbol?.OriginalDefinition;
    }
}
