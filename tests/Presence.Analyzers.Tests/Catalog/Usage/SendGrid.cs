// uses: SendGrid
// options: presence_email_and_sms = true
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace UsageSamples.SendGrid
{
    public class NewsletterSender
    {
        private readonly ISendGridClient _client;

        public NewsletterSender(ISendGridClient client) => _client = client;

        public async Task<Response> SendAsync(string to, string subject, string html, CancellationToken ct)
        {
            var message = MailHelper.CreateSingleEmail(new EmailAddress("news@example.com"), new EmailAddress(to), subject, null, html);
            return await {|PRES001:_client.SendEmailAsync(message, ct)|};
        }

        public async Task SendThroughConcreteAsync(List<EmailAddress> recipients, string subject, string text)
        {
            var client = new SendGridClient("SG.api-key");
            var message = MailHelper.CreateSingleEmailToMultipleRecipients(new EmailAddress("news@example.com"), recipients, subject, text, null);
            await {|PRES001:client.SendEmailAsync(message)|};
        }

        // ---- not publishes: building a message, reading stats ----
        public async Task NotSendingAsync(List<SendGridMessage> outbox)
        {
            var draft = new SendGridMessage { Subject = "draft" };
            draft.AddTo("someone@example.com");
            outbox.Add(draft);
            await _client.RequestAsync(BaseClient.Method.GET, urlPath: "stats");
        }
    }
}
