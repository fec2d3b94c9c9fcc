// uses: Reddit.NET
using System.Threading.Tasks;
using Reddit;
using Reddit.Controllers;

namespace UsageSamples.Reddit
{
    public class RedditPublisher
    {
        private readonly RedditClient _reddit = new RedditClient(appId: "app", refreshToken: "refresh");

        public SelfPost PostText(string subreddit, string title, string body)
        {
            // Building the post is not a publish; Submit is.
            var draft = _reddit.Subreddit(subreddit).SelfPost(title, body);
            return {|PRES001:draft.Submit()|};
        }

        public async Task PostLinkAsync(string subreddit, string title, string url)
        {
            var link = _reddit.Subreddit(subreddit).LinkPost(title, url);
            var posted = await {|PRES001:link.SubmitAsync()|};
            await {|PRES001:posted.XPostToAsync("another_subreddit")|};
            {|PRES001:posted.XPostTo("third_subreddit")|};
            {|PRES001:link.Submit(resubmit: true)|};
        }

        public async Task SelfPostVariantsAsync(SelfPost post, string text)
        {
            await {|PRES001:post.SubmitAsync()|};
            {|PRES001:post.XPostTo("crosspost_target")|};
            await {|PRES001:post.XPostToAsync("crosspost_target")|};
            {|PRES001:post.XPostToAsLink("crosspost_target")|};
            await {|PRES001:post.XPostToAsLinkAsync("crosspost_target")|};
            {|PRES001:post.Edit(text)|};
            await {|PRES001:post.EditAsync(text)|};
        }

        public async Task CommentAsync(Post post, Comment comment, string text)
        {
            {|PRES001:post.Reply(text)|};
            await {|PRES001:post.ReplyAsync(text)|};
            var unsent = post.Comment(text);
            {|PRES001:unsent.Submit()|};
            await {|PRES001:post.Comment(text).SubmitAsync()|};
            {|PRES001:comment.Reply(text)|};
            await {|PRES001:comment.ReplyAsync(text)|};
            {|PRES001:comment.Edit(text)|};
            await {|PRES001:comment.EditAsync(text)|};
        }

        public async Task PrivateMessageAsync(string to, string subject, string body)
        {
            {|PRES001:_reddit.Account.Messages.Compose(to, subject, body)|};
            await {|PRES001:_reddit.Account.Messages.ComposeAsync(to, subject, body)|};
        }

        // ---- not publishes ----
        public int NotPublishing(string subreddit, string fullname)
        {
            var sub = _reddit.Subreddit(subreddit).About();
            var newest = sub.Posts.New;
            var post = _reddit.Post(fullname).About();
            var inbox = _reddit.Account.Messages.Inbox;
            post.Delete();
            newest.Add(post);
            return inbox.Count;
        }
    }
}
