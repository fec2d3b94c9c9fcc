using System;

namespace Presence
{
    /// <summary>
    /// Declares a deliberate, reviewed exception: code inside this method, type or assembly may publish without a
    /// person confirming each post (a disclosed bot account, a status page).
    /// </summary>
    /// <remarks>
    /// The justification is required, must say why no person is needed, and is kept in the compiled metadata so
    /// that reports and reviews can list every exception.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method
        | AttributeTargets.Constructor | AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
    public sealed class AutomatedPresenceAttribute : Attribute
    {
        /// <summary>Declares the exception.</summary>
        /// <param name="justification">Why publishing without a person is acceptable here (required, not empty).</param>
        public AutomatedPresenceAttribute(string justification)
        {
            Justification = justification;
        }

        /// <summary>Why publishing without a person is acceptable here.</summary>
        public string Justification { get; }
    }
}
