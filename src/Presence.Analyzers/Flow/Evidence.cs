using System;
using Microsoft.CodeAnalysis;

namespace Presence.Analyzers.Flow
{
    /// <summary>
    /// What a value says about confirmation: each flag reads "if the value turns out to be X, a person approved on
    /// this path". A flag also holds vacuously when the value can never be X (the literal <c>false</c> is never
    /// true), which is what lets <c>var ok = ready &amp;&amp; await AskAsync()</c> carry the confirmation.
    /// </summary>
    [Flags]
    internal enum EvidenceFlags : byte
    {
        None = 0,
        WhenTrue = 1,
        WhenFalse = 2,
        WhenNotNull = 4,
        WhenNull = 8,
        WhenApprovalPropertyTrue = 16,
        WhenAwaited = 32,

        /// <summary>
        /// An outcome: approved when it is the member of its enum that means so (<see cref="Evidence.ApprovingMember"/>, or
        /// by its name, <c>RedeemOutcome.Redeemed</c>, when that is null).
        /// </summary>
        WhenApprovingMember = 64,
        All = WhenTrue | WhenFalse | WhenNotNull | WhenNull | WhenApprovalPropertyTrue | WhenAwaited | WhenApprovingMember,
    }

    /// <summary>The evidence a value carries; for a decision object, which property reads "approved"; for an outcome, which member.</summary>
    internal readonly struct Evidence : IEquatable<Evidence>
    {
        public static readonly Evidence None = default;
        public static readonly Evidence All = new Evidence(EvidenceFlags.All, null);

        public Evidence(EvidenceFlags flags, IPropertySymbol? approvalProperty = null, IFieldSymbol? approvingMember = null)
        {
            Flags = flags;
            // A null property with the flag set means "any property": only vacuous evidence (a null value) says that.
            ApprovalProperty = (flags & EvidenceFlags.WhenApprovalPropertyTrue) != 0 ? approvalProperty : null;
            // An outcome's member, or the member a decision's outcome property must hold (decision.Outcome == Approved).
            ApprovingMember = (flags & EvidenceFlags.WhenApprovingMember) != 0 || ApprovalProperty is { Type.SpecialType: not SpecialType.System_Boolean } ? approvingMember : null;
        }

        public EvidenceFlags Flags { get; }

        public IPropertySymbol? ApprovalProperty { get; }

        /// <summary>The member of an outcome enum that means approved; null: judged by its name.</summary>
        public IFieldSymbol? ApprovingMember { get; }

        public bool IsNone => Flags == EvidenceFlags.None;

        public bool Has(EvidenceFlags flag) => (Flags & flag) == flag;

        public Evidence With(EvidenceFlags flags) => new Evidence(Flags | flags, ApprovalProperty, ApprovingMember);

        public Evidence Without(EvidenceFlags flags) => new Evidence(Flags & ~flags, ApprovalProperty, ApprovingMember);

        /// <summary>Evidence of <c>!value</c>.</summary>
        public Evidence Negate()
            => new Evidence(
                (Has(EvidenceFlags.WhenTrue) ? EvidenceFlags.WhenFalse : 0)
                | (Has(EvidenceFlags.WhenFalse) ? EvidenceFlags.WhenTrue : 0)
                | (Flags & EvidenceFlags.WhenNull));

        /// <summary>What still holds when the value may come from either path.</summary>
        public Evidence Meet(Evidence other)
        {
            var flags = Flags & other.Flags;
            IPropertySymbol? property = null;
            if ((flags & EvidenceFlags.WhenApprovalPropertyTrue) != 0)
            {
                if (ApprovalProperty is null || other.ApprovalProperty is null
                    || SymbolEqualityComparer.Default.Equals(ApprovalProperty, other.ApprovalProperty))
                {
                    property = ApprovalProperty ?? other.ApprovalProperty;
                }
                else
                {
                    flags &= ~EvidenceFlags.WhenApprovalPropertyTrue;
                }
            }

            IFieldSymbol? member = null;
            if ((flags & (EvidenceFlags.WhenApprovingMember | EvidenceFlags.WhenApprovalPropertyTrue)) != 0)
            {
                // Null on one side is a value that can be anything (vacuous) or an outcome judged by its name: an enum
                // holds one or the other, never both.
                if (ApprovingMember is null || other.ApprovingMember is null
                    || SymbolEqualityComparer.Default.Equals(ApprovingMember, other.ApprovingMember))
                {
                    member = ApprovingMember ?? other.ApprovingMember;
                }
                else
                {
                    flags &= ~(EvidenceFlags.WhenApprovingMember | (property is { Type.SpecialType: not SpecialType.System_Boolean } ? EvidenceFlags.WhenApprovalPropertyTrue : 0));
                }
            }

            return new Evidence(flags, property, member);
        }

        /// <summary>True when reading <paramref name="property"/> of this value as true means approval.</summary>
        public bool ApprovesThrough(IPropertySymbol property)
            => Has(EvidenceFlags.WhenApprovalPropertyTrue)
               && (ApprovalProperty is null || SymbolEqualityComparer.Default.Equals(ApprovalProperty, property.OriginalDefinition));

        /// <summary>Evidence of a constant: it can only be what it is, so every other outcome holds vacuously.</summary>
        public static Evidence OfConstant(object? value)
            => value switch
            {
                null => new Evidence(EvidenceFlags.All & ~EvidenceFlags.WhenNull),
                true => new Evidence(EvidenceFlags.WhenFalse | EvidenceFlags.WhenNull),
                false => new Evidence(EvidenceFlags.WhenTrue | EvidenceFlags.WhenNull),
                _ => new Evidence(EvidenceFlags.WhenNull),
            };

        public bool Equals(Evidence other)
            => Flags == other.Flags && SymbolEqualityComparer.Default.Equals(ApprovalProperty, other.ApprovalProperty)
               && SymbolEqualityComparer.Default.Equals(ApprovingMember, other.ApprovingMember);

        public override bool Equals(object? obj) => obj is Evidence other && Equals(other);

        public override int GetHashCode() => (int)Flags;
    }
}
