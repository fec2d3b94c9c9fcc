using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Presence.Gates
{
    /// <summary>How a parameter of a gated method goes into the fingerprint of its generated content type.</summary>
    internal enum PartKind
    {
        /// <summary><c>string</c>: its text.</summary>
        Text,

        /// <summary>A reference type or type parameter: <c>ContentFingerprint.For(x).Value</c> (an <c>IApprovalContent</c>'s own fingerprint, or a string's), null stays null.</summary>
        Content,

        /// <summary>A value type implementing <c>IApprovalContent</c>, or a struct-constrained type parameter.</summary>
        ContentValue,

        /// <summary><c>bool</c>: <c>"true"</c> / <c>"false"</c>.</summary>
        Boolean,

        /// <summary>Integers, <c>char</c>, <c>decimal</c>: invariant culture.</summary>
        Number,

        /// <summary><c>float</c>, <c>double</c>: invariant culture, round-trip format.</summary>
        RoundTrip,

        /// <summary>An enum: its numeric value.</summary>
        Enumeration,

        /// <summary><c>Guid</c>: the "D" format.</summary>
        Guid,

        /// <summary><c>Uri</c>: its original string.</summary>
        Uri,

        /// <summary><c>DateTime</c>, <c>DateTimeOffset</c>, <c>TimeSpan</c>: when it goes out, not what goes out; left out of the fingerprint.</summary>
        Schedule,

        /// <summary>An array or <c>IEnumerable&lt;T&gt;</c> of one of the above: the count, then each element.</summary>
        Sequence,
    }

    /// <summary>A parameter of a gated method that becomes a property of its generated content type.</summary>
    internal sealed class ContentPart
    {
        public ContentPart(IParameterSymbol parameter, PartKind kind, bool isNullableValue, ITypeSymbol? elementType, PartKind elementKind, bool elementIsNullableValue)
        {
            Parameter = parameter;
            Kind = kind;
            IsNullableValue = isNullableValue;
            ElementType = elementType;
            ElementKind = elementKind;
            ElementIsNullableValue = elementIsNullableValue;
        }

        public IParameterSymbol Parameter { get; }

        public PartKind Kind { get; }

        /// <summary>A <c>Nullable&lt;T&gt;</c> of the kind: read through <c>.Value</c> when it has one.</summary>
        public bool IsNullableValue { get; }

        /// <summary>For <see cref="PartKind.Sequence"/>: the element type and its kind.</summary>
        public ITypeSymbol? ElementType { get; }

        public PartKind ElementKind { get; }

        public bool ElementIsNullableValue { get; }
    }

    /// <summary>A method of the interface (or of a base interface) that the gate mirrors.</summary>
    internal sealed class GatedMethod
    {
        public GatedMethod(IMethodSymbol method, INamedTypeSymbol declaringInterface, bool isInherited, IParameterSymbol? contentParameter, ImmutableArray<ContentPart> parts, string stem)
        {
            Method = method;
            DeclaringInterface = declaringInterface;
            IsInherited = isInherited;
            ContentParameter = contentParameter;
            Parts = parts;
            Stem = stem;
        }

        /// <summary>The method as the gated interface sees it (type arguments of generic base interfaces substituted).</summary>
        public IMethodSymbol Method { get; }

        /// <summary>The interface that declares it, as the gated interface sees it: the gate calls it through this type.</summary>
        public INamedTypeSymbol DeclaringInterface { get; }

        public bool IsInherited { get; }

        /// <summary>
        /// The method's one content parameter when its type implements <c>IApprovalContent</c>: the gate then takes
        /// <c>Approved&lt;ThatType&gt;</c>. Null when the gate takes a generated content type built from <see cref="Parts"/>.
        /// </summary>
        public IParameterSymbol? ContentParameter { get; }

        /// <summary>Every parameter but the <c>CancellationToken</c>s, in order, when <see cref="ContentParameter"/> is null.</summary>
        public ImmutableArray<ContentPart> Parts { get; }

        /// <summary>The method's name without "Async", in Pascal case: <c>Submit{Stem}Async</c>, <c>{Stem}Content</c>.</summary>
        public string Stem { get; }
    }

    /// <summary>A member the gate does not cover, and why (reported as PRES106).</summary>
    internal sealed class SkippedMember
    {
        public SkippedMember(ISymbol member, bool isInherited, string reason)
        {
            Member = member;
            IsInherited = isInherited;
            Reason = reason;
        }

        public ISymbol Member { get; }

        public bool IsInherited { get; }

        public string Reason { get; }
    }

    /// <summary>What the gate of one interface is called, what it covers and what it skips.</summary>
    internal sealed class GatePlan
    {
        public GatePlan(INamedTypeSymbol @interface, string? problem, string gateName, ImmutableArray<GatedMethod> methods, ImmutableArray<SkippedMember> skipped, bool isIncomplete = false, INamedTypeSymbol? userPart = null)
        {
            Interface = @interface;
            UserPart = userPart;
            IsIncomplete = isIncomplete;
            Problem = problem;
            GateName = gateName;
            Methods = methods;
            Skipped = skipped;
        }

        public INamedTypeSymbol Interface { get; }

        /// <summary>The interface does not compile yet (a constraint on a missing type): no gate, and nothing to report.</summary>
        public bool IsIncomplete { get; }

        /// <summary>Why no gate is generated at all, reported as PRES106; null when one is (or when it is incomplete).</summary>
        public string? Problem { get; }

        public string GateName { get; }

        /// <summary>
        /// The user's own partial declaration of the gate, which the generated one completes (see
        /// <see cref="GateNaming.CanComplete"/>); null when the gate is all generated. The analyzers see it merged.
        /// </summary>
        public INamedTypeSymbol? UserPart { get; }

        public ImmutableArray<GatedMethod> Methods { get; }

        public ImmutableArray<SkippedMember> Skipped { get; }
    }
}
