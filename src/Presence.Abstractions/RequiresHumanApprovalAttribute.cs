using System;

namespace Presence
{
    /// <summary>
    /// Declares that this method publishes and relies on its callers to have obtained a person's confirmation.
    /// </summary>
    /// <remarks>
    /// Publish calls inside the method (and its lambdas and local functions) are not reported; instead every call
    /// of the method is treated as a publish call and must itself be guarded, or its caller must declare the
    /// requirement in turn. This is how the requirement travels up to the code that actually talks to a person.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
    public sealed class RequiresHumanApprovalAttribute : Attribute
    {
        /// <summary>Declares the requirement.</summary>
        public RequiresHumanApprovalAttribute()
        {
        }

        /// <summary>Declares the requirement with a note shown to callers, e.g. what the approval must cover.</summary>
        /// <param name="message">What callers must have confirmed.</param>
        public RequiresHumanApprovalAttribute(string message)
        {
            Message = message;
        }

        /// <summary>What callers must have confirmed, if given.</summary>
        public string Message { get; }
    }
}
