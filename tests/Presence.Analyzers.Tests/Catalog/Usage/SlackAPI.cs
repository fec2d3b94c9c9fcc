// uses: SlackAPI
using System;
using System.Threading.Tasks;
using SlackAPI;

namespace UsageSamples.SlackAPI
{
    public class SlackApiPublisher
    {
        private readonly SlackTaskClient _tasks = new SlackTaskClient("xoxb-token");
        private readonly SlackClient _callbacks = new SlackClient("xoxb-token");

        public async Task TaskClientAsync(string channel, string user, string text, byte[] file)
        {
            var posted = await {|PRES001:_tasks.PostMessageAsync(channel, text, botName: "release-bot")|};
            await {|PRES001:_tasks.UpdateAsync(posted.ts!, channel, text + " (edited)")|};
            await {|PRES001:_tasks.PostEphemeralMessageAsync(channel, text, user)|};
            await {|PRES001:_tasks.ScheduleMessageAsync(channel, DateTime.UtcNow.AddHours(2), text)|};
            await {|PRES001:_tasks.UploadFileAsync(file, "report.pdf", new[] { channel })|};
        }

        public void CallbackClient(string channel, string user, string text, byte[] file)
        {
            {|PRES001:_callbacks.PostMessage(response => Console.WriteLine(response.ok), channel, text)|};
            {|PRES001:_callbacks.PostEphemeralMessage(_ => { }, channel, text, user)|};
            {|PRES001:_callbacks.ScheduleMessage(_ => { }, channel, DateTime.UtcNow.AddHours(2), text)|};
            {|PRES001:_callbacks.Update(_ => { }, "1700000000.000100", channel, text)|};
            {|PRES001:_callbacks.UploadFile(_ => { }, file, "report.pdf", new[] { channel })|};
        }

        // ---- not publishes ----
        public async Task NotPublishingAsync(string email)
        {
            await _tasks.GetUserByEmailAsync(email);
            await _tasks.GetChannelListAsync();
            _callbacks.GetChannelList(_ => { });
        }
    }
}
