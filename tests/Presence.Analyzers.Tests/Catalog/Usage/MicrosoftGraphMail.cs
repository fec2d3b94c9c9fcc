// uses: Microsoft.Graph
// options: presence_email_and_sms = true
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Graph;
using Microsoft.Graph.Me.SendMail;
using Microsoft.Graph.Models;

namespace UsageSamples.MicrosoftGraphMail
{
    public class StaffMailer
    {
        private readonly GraphServiceClient _graph;

        public StaffMailer(GraphServiceClient graph) => _graph = graph;

        private static Message Letter(string subject, string html, List<Recipient> to)
            => new() { Subject = subject, Body = new ItemBody { ContentType = BodyType.Html, Content = html }, ToRecipients = to };

        public async Task SendAsync(string sender, List<Recipient> staff, string html)
        {
            await {|PRES001:_graph.Users[sender].SendMail.PostAsync(new Microsoft.Graph.Users.Item.SendMail.SendMailPostRequestBody { Message = Letter("News", html, staff) })|};
            await {|PRES001:_graph.Me.SendMail.PostAsync(new SendMailPostRequestBody { Message = Letter("News", html, staff), SaveToSentItems = false })|};
        }

        public async Task SendDraftAsync(string sender, string draftId)
        {
            await {|PRES001:_graph.Users[sender].Messages[draftId].Send.PostAsync()|};
            await {|PRES001:_graph.Me.Messages[draftId].Send.PostAsync()|};
        }

        // ---- not publishes: writing a draft, answering the sender of a mail received, reading ----
        public async Task NotSendingAsync(string messageId, List<Recipient> staff)
        {
            await _graph.Me.Messages.PostAsync(Letter("Draft", "…", staff));
            await _graph.Me.Messages[messageId].Reply.PostAsync(new Microsoft.Graph.Me.Messages.Item.Reply.ReplyPostRequestBody { Comment = "Thanks" });
            await _graph.Me.Messages.GetAsync();
        }
    }
}
