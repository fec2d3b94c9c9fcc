using System;

namespace Presence
{
    /// <summary>
    /// Declares that calling this method, or any method of this interface or class, makes content visible to an
    /// audience (a post, reply, message or upload that goes out).
    /// </summary>
    /// <remarks>
    /// Presence.Analyzers reports every call of a member declared this way (and of every implementation or override
    /// of it) that is not guarded by a positive <see cref="HumanConfirmationAttribute">human confirmation</see>.
    /// The body of a member declared this way is the publisher itself and is not analysed for confirmations.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Interface | AttributeTargets.Class | AttributeTargets.Struct,
        Inherited = false, AllowMultiple = false)]
    public sealed class PublishesContentAttribute : Attribute
    {
        /// <summary>Declares a publish API.</summary>
        public PublishesContentAttribute()
        {
        }

        /// <summary>Declares a publish API and names where its content goes (shown in diagnostics), e.g. "LinkedIn".</summary>
        /// <param name="platform">The audience or network the content is published to.</param>
        public PublishesContentAttribute(string platform)
        {
            Platform = platform;
        }

        /// <summary>The audience or network the content is published to, if given.</summary>
        public string Platform { get; }
    }
}
