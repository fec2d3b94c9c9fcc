using System;

namespace Presence
{
    /// <summary>
    /// Declares that this method runs with nobody present (a scheduler callback, a job, a queue consumer), like the
    /// hosted services, timers and job runners that Presence.Analyzers recognises by itself.
    /// </summary>
    /// <remarks>Publishing reachable from an unattended entry point without a confirmation fails the build. On an interface
    /// member or a virtual method it marks every implementation and override (a plugin scheduler's task contract).</remarks>
    [AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
    public sealed class UnattendedEntryPointAttribute : Attribute
    {
        /// <summary>
        /// True when the method handles incoming messages or webhooks (a bot's reply handler): publishing from it
        /// without a person is an automated reply (PRES003, a warning) rather than unattended posting (PRES002).
        /// </summary>
        public bool HandlesIncomingMessages { get; set; }
    }
}
