namespace Presence.Analyzers.Model
{
    /// <summary>Whom a send reaches that is not an audience, and so not presence.</summary>
    internal enum QuietAudience
    {
        /// <summary>The team: its chat, channel or URL, or every recipient of an email or SMS, is [InternalAudience].</summary>
        Team,

        /// <summary>A platform-labelled bot answering in the chat an incoming message came from.</summary>
        BotReply,

        /// <summary>An email or SMS to the person whose request is handled, and nobody else.</summary>
        Requester,
    }
}
