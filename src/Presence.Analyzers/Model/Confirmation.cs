using Microsoft.CodeAnalysis;

namespace Presence.Analyzers.Model
{
    /// <summary>How the answer of a confirmation says "approved".</summary>
    internal enum ConfirmationShape
    {
        /// <summary><c>true</c> (also inside Task/ValueTask).</summary>
        Boolean,

        /// <summary>A decision object whose approval property is <c>true</c>.</summary>
        Decision,

        /// <summary>A non-null result (a token, <c>Approved&lt;T&gt;?</c>).</summary>
        Token,

        /// <summary>Returning normally (or completing the returned task); denial throws.</summary>
        Completion,

        /// <summary>An enum (also nullable or inside Task/ValueTask) equal to the member that means approved.</summary>
        Outcome,

        /// <summary>Marked as a confirmation, but its result cannot be read; see PRES101.</summary>
        Unreadable,
    }

    /// <summary>A method that asks a person, and how to read its answer.</summary>
    internal sealed class Confirmation
    {
        public Confirmation(ConfirmationShape shape, ITypeSymbol? answerType, bool isAsync, IPropertySymbol? approvalProperty, string? problem, IFieldSymbol? approvingMember = null)
        {
            ApprovingMember = approvingMember;
            Shape = shape;
            AnswerType = answerType;
            IsAsync = isAsync;
            ApprovalProperty = approvalProperty;
            Problem = problem;
        }

        public ConfirmationShape Shape { get; }

        /// <summary>The result type once awaited; null for a completion.</summary>
        public ITypeSymbol? AnswerType { get; }

        /// <summary>True when the answer arrives through Task or ValueTask.</summary>
        public bool IsAsync { get; }

        public IPropertySymbol? ApprovalProperty { get; }

        /// <summary>For an outcome: the member of the enum that means approved.</summary>
        public IFieldSymbol? ApprovingMember { get; }

        /// <summary>Why the answer is unreadable (for PRES101).</summary>
        public string? Problem { get; }
    }
}
