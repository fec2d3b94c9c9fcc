// uses: MailKit
// options: presence_email_and_sms = true
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace UsageSamples.MailKit
{
    public class SmtpSender
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            using var client = new SmtpClient();
            await client.ConnectAsync("smtp.example.com", 587, SecureSocketOptions.StartTls, ct);
            await client.AuthenticateAsync("user", "password", ct);
            await {|PRES001:client.SendAsync(message, ct)|};
            await {|PRES001:client.SendAsync(FormatOptions.Default, message, ct)|};
            await client.DisconnectAsync(true, ct);
        }

        public void SendSync(SmtpClient client, MimeMessage message, MailboxAddress sender, IEnumerable<MailboxAddress> recipients)
        {
            {|PRES001:client.Send(message)|};
            {|PRES001:client.Send(FormatOptions.Default, message, sender, recipients)|};
        }

        public Task<string> ThroughInterfaceAsync(ISmtpClient client, MimeMessage message) => {|PRES001:client.SendAsync(message)|};

        public string ThroughTransport(IMailTransport transport, MimeMessage message) => {|PRES001:transport.Send(message)|};

        public Task<string> ThroughBaseClass(MailTransport transport, MimeMessage message) => {|PRES001:transport.SendAsync(FormatOptions.Default, message)|};

        // ---- not publishes ----
        public MimeMessage Compose(List<MimeMessage> outbox)
        {
            var message = new MimeMessage();
            message.To.Add(MailboxAddress.Parse("someone@example.com"));
            message.Subject = "Draft";
            outbox.Add(message);
            return message;
        }
    }
}
