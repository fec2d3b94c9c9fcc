using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Presence.Approvals.AspNetCore.Tests.Chat;

/// <summary>
/// The Bot API's HTTP side, faked: the real TelegramBotClient talks to it through its HttpClient. It records every
/// call (method and JSON body) and answers as the Bot API does; getUpdates hands out the updates a test queued.
/// </summary>
public sealed class FakeTelegramApi : HttpMessageHandler
{
    private readonly ConcurrentQueue<JsonObject> _updates = new();
    private int _nextMessageId = 100;
    private int _nextUpdateId = 1;

    public ConcurrentQueue<(string Method, JsonObject Body)> Calls { get; } = new();

    public IEnumerable<JsonObject> CallsTo(string method) => Calls.Where(c => c.Method == method).Select(c => c.Body);

    /// <summary>Queues a button press, as Telegram would deliver it to getUpdates.</summary>
    public void Press(long fromUserId, long chatId, int messageId, string data)
    {
        var id = Interlocked.Increment(ref _nextUpdateId);
        _updates.Enqueue(new JsonObject
        {
            ["update_id"] = id,
            ["callback_query"] = new JsonObject
            {
                ["id"] = "press-" + id,
                ["from"] = new JsonObject { ["id"] = fromUserId, ["is_bot"] = false, ["first_name"] = "User " + fromUserId },
                ["chat_instance"] = "instance",
                ["data"] = data,
                ["message"] = Message(messageId, chatId, "(the draft)"),
            },
        });
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.RequestUri!.Segments[^1];
        var text = request.Content is null ? "{}" : await request.Content.ReadAsStringAsync(cancellationToken);
        var body = string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text)!.AsObject();
        Calls.Enqueue((method, body));
        JsonNode? result = method switch
        {
            "sendMessage" => Message(Interlocked.Increment(ref _nextMessageId), ChatOf(body), body["text"]?.GetValue<string>() ?? string.Empty),
            "editMessageReplyMarkup" => Message(body["message_id"]!.GetValue<int>(), ChatOf(body), "(the draft)"),
            "answerCallbackQuery" => JsonValue.Create(true),
            "getUpdates" => new JsonArray(Drain().ToArray<JsonNode?>()),
            _ => null,
        };
        var answer = result is null
            ? new JsonObject { ["ok"] = false, ["error_code"] = 404, ["description"] = "Not Found: method " + method }
            : new JsonObject { ["ok"] = true, ["result"] = result };
        return new HttpResponseMessage(result is null ? HttpStatusCode.NotFound : HttpStatusCode.OK)
        {
            Content = new StringContent(answer.ToJsonString(), Encoding.UTF8, "application/json"),
        };
    }

    private IEnumerable<JsonObject> Drain()
    {
        while (_updates.TryDequeue(out var update))
        {
            yield return update;
        }
    }

    private static long ChatOf(JsonObject body)
        => body["chat_id"] switch
        {
            JsonValue value when value.TryGetValue<long>(out var id) => id,
            _ => -1,
        };

    private static JsonObject Message(int messageId, long chatId, string text) => new()
    {
        ["message_id"] = messageId,
        ["date"] = 1_764_000_000,
        ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId < 0 ? "supergroup" : "private" },
        ["text"] = text,
    };
}
