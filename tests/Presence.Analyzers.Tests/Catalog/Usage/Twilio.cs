// uses: Twilio
// options: presence_email_and_sms = true
using System.Collections.Generic;
using System.Threading.Tasks;
using Twilio;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace UsageSamples.Twilio
{
    public class SmsSender
    {
        public SmsSender() => TwilioClient.Init("ACxxxxxxxx", "auth-token");

        public MessageResource Send(string to, string body)
            => {|PRES001:MessageResource.Create(to: new PhoneNumber(to), from: new PhoneNumber("+15005550006"), body: body)|};

        public async Task SendAsync(string to, string body)
        {
            var options = new CreateMessageOptions(new PhoneNumber(to)) { From = new PhoneNumber("+15005550006"), Body = body };
            await {|PRES001:MessageResource.CreateAsync(options)|};
            {|PRES001:MessageResource.CreateWithHeaders(options)|};
            await {|PRES001:MessageResource.CreateWithHeadersAsync(options)|};
        }

        // ---- not publishes ----
        public async Task NotSendingAsync(string sid, List<CreateMessageOptions> queue)
        {
            var message = await MessageResource.FetchAsync(sid);
            var recent = MessageResource.Read(limit: 20);
            await MessageResource.DeleteAsync(sid);
            queue.Add(new CreateMessageOptions(new PhoneNumber("+15005550006")) { Body = message.Body });
            _ = recent;
        }
    }
}
