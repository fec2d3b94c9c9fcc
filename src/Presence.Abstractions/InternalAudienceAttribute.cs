using System;

namespace Presence
{
    /// <summary>
    /// Declares that what this method, type or parameter sends reaches only the team or reviewers (the editors'
    /// private review chat, an operations channel), not an audience: it is not publishing, and needs no person's
    /// confirmation.
    /// </summary>
    /// <remarks>
    /// On a method or type, every send in its body is internal. On a parameter, a send whose destination (the chat,
    /// channel, webhook URL or client it goes through) comes from that parameter is internal. The description is
    /// required and kept in the compiled metadata, so that reports list who each internal send reaches. Use
    /// <see cref="AutomatedPresenceAttribute"/> instead for deliberate public automation.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Constructor
        | AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
    public sealed class InternalAudienceAttribute : Attribute
    {
        /// <summary>Declares the internal audience.</summary>
        /// <param name="description">Who receives these sends (required, not empty).</param>
        public InternalAudienceAttribute(string description)
        {
            Description = description;
        }

        /// <summary>Who receives these sends.</summary>
        public string Description { get; }
    }
}
