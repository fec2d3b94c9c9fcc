// uses: System.Net.Mail
// options: presence_email_and_sms = true
using System.Collections.Generic;
using System.Net.Mail;
using System.Threading;
using System.Threading.Tasks;

namespace UsageSamples.SystemNetMail
{
    public class BclMailSender
    {
        private readonly SmtpClient _smtp = new SmtpClient("smtp.example.com", 587);

        public void Send(MailMessage message)
        {
            {|PRES001:_smtp.Send(message)|};
            {|PRES001:_smtp.Send("news@example.com", "someone@example.com", "Subject", "Body")|};
        }

        public async Task SendAsync(MailMessage message, CancellationToken ct)
        {
            await {|PRES001:_smtp.SendMailAsync(message, ct)|};
            await {|PRES001:_smtp.SendMailAsync("news@example.com", "someone@example.com", "Subject", "Body")|};
            {|PRES001:_smtp.SendAsync(message, userToken: null)|};
        }

        // ---- not publishes ----
        public MailMessage Compose(List<MailMessage> outbox)
        {
            var message = new MailMessage("news@example.com", "someone@example.com", "Draft", "Body");
            outbox.Add(message);
            _smtp.SendAsyncCancel();
            return message;
        }
    }
}
