// Shape of SlackNet.Bot 0.x (SlackNet.Bot): public API only, for tests.
// assembly: SlackNet.Bot
// Source: soxtoby/SlackNet SlackNet.Bot/SlackBot.cs (ISlackBot: "Send a message to Slack as the bot." Task Send(BotMessage
// message, CancellationToken? cancellationToken = null); WhileTyping; GetUserByName ...) and SlackNet.Bot/IMessage.cs
// (incoming message: ReplyWith(string text, bool createThread, CancellationToken?), ReplyWith(BotMessage, ...),
// ReplyWith(Func<Task<BotMessage>>, ...)). Types that SlackNet.Bot takes from SlackNet.dll are left out; this shape
// stands alone.
#nullable enable
using System;
using System.Threading;
using System.Threading.Tasks;

namespace SlackNet.Bot
{
    public class ConversationIdentifier
    {
        public ConversationIdentifier(string id) { }
        public static implicit operator ConversationIdentifier(string id) => new(id);
    }

    public class BotMessage
    {
        public string? Text { get; set; }
        public ConversationIdentifier? Conversation { get; set; }
        public bool CreateThread { get; set; }
    }

    public interface IMessage
    {
        string Text { get; set; }
        string Ts { get; set; }
        bool MentionsBot { get; }
        Task ReplyWith(string text, bool createThread = false, CancellationToken? cancellationToken = null);
        Task ReplyWith(BotMessage message, bool createThread = false, CancellationToken? cancellationToken = null);
        Task ReplyWith(Func<Task<BotMessage>> createReply, bool createThread = false, CancellationToken? cancellationToken = null);
    }

    public class SlackMessage : IMessage
    {
        public string Text { get; set; } = "";
        public string Ts { get; set; } = "";
        public bool MentionsBot => false;
        public Task ReplyWith(string text, bool createThread = false, CancellationToken? cancellationToken = null) => throw null!;
        public Task ReplyWith(BotMessage message, bool createThread = false, CancellationToken? cancellationToken = null) => throw null!;
        public Task ReplyWith(Func<Task<BotMessage>> createReply, bool createThread = false, CancellationToken? cancellationToken = null) => throw null!;
    }

    public interface ISlackBot : IDisposable
    {
        Task Connect(CancellationToken? cancellationToken = null);
        IObservable<IMessage> Messages { get; }
        void OnMessage(Action<IMessage> handler);
        Task Send(BotMessage message, CancellationToken? cancellationToken = null);
        Task WhileTyping(string channelId, Func<Task> action);
    }

    public class SlackBot : ISlackBot
    {
        public SlackBot(string token) { }
        public Task Connect(CancellationToken? cancellationToken = null) => throw null!;
        public IObservable<IMessage> Messages => throw null!;
        public void OnMessage(Action<IMessage> handler) { }
        public Task Send(BotMessage message, CancellationToken? cancellationToken = null) => throw null!;
        public Task WhileTyping(string channelId, Func<Task> action) => throw null!;
        public void Dispose() { }
    }
}
