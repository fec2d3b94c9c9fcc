using System;

namespace Presence
{
    /// <summary>
    /// Declares that this method asks a person (or redeems a decision a person recorded) and returns their answer.
    /// A publish call is guarded when every path to it passes through a positive answer of such a method.
    /// </summary>
    /// <remarks>
    /// The answer is read from the return type:
    /// <list type="bullet">
    /// <item><description><c>bool</c>, <c>Task&lt;bool&gt;</c>, <c>ValueTask&lt;bool&gt;</c>: <c>true</c> means approved.</description></item>
    /// <item><description>a decision object (directly or in a task) with a <c>bool</c> property named <c>IsApproved</c>,
    /// <c>Approved</c>, <c>IsConfirmed</c> or <c>Confirmed</c>, or the one named by <see cref="ApprovalProperty"/>:
    /// that property being <c>true</c> means approved. Without such a property, its one enum property whose enum has a
    /// member that means approved (as for an enum result, below), or the enum property named by <see cref="ApprovalProperty"/>:
    /// that property holding that member means approved (<c>decision.Outcome == ReviewOutcome.Approved</c>).</description></item>
    /// <item><description>an enum (directly, nullable, or in a task): the member named by <see cref="ApprovalMember"/>,
    /// or else the one member named <c>Approved</c>, <c>Approve</c>, <c>Yes</c>, <c>Confirmed</c>, <c>Confirm</c>,
    /// <c>Accepted</c> or <c>Accept</c>, means approved; every other member (and null) means not approved.</description></item>
    /// <item><description>any other reference type or nullable value (for example <c>Approved&lt;T&gt;?</c>):
    /// a non-null result means approved.</description></item>
    /// <item><description><c>void</c>, <c>Task</c>, <c>ValueTask</c>: the method returns (or its task completes)
    /// only when the person approved, and throws otherwise.</description></item>
    /// </list>
    /// </remarks>
    [AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
    public sealed class HumanConfirmationAttribute : Attribute
    {
        /// <summary>
        /// For a method that returns a decision object: the name of its <c>bool</c> property that is <c>true</c>
        /// when the person approved, or of its enum property that holds the member meaning approved (named by
        /// <see cref="ApprovalMember"/> or conventional). Optional when the property is named <c>IsApproved</c>,
        /// <c>Approved</c>, <c>IsConfirmed</c> or <c>Confirmed</c>, or is the decision's only such enum property.
        /// </summary>
        public string ApprovalProperty { get; set; }

        /// <summary>
        /// For a method that returns an enum (or a decision answering in an enum property): the name of its member that means the person approved
        /// (<c>ApprovalMember = nameof(ReviewOutcome.Publish)</c>). Optional when exactly one member is named
        /// <c>Approved</c>, <c>Approve</c>, <c>Yes</c>, <c>Confirmed</c>, <c>Confirm</c>, <c>Accepted</c> or <c>Accept</c>.
        /// </summary>
        public string ApprovalMember { get; set; }
    }
}
